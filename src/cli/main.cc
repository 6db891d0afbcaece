// discreet's command line: dispatches to a subcommand and maps failures to exit codes.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "linter.h"

namespace {

constexpr const char* kHelp = R"(discreet — a privacy linter for posts about your clients

It reads a draft (a Facebook post, a blog article, a review reply) and flags what could
identify a client: names, public figures and roles, places, ages, cars, health details,
phone numbers. It estimates how many people the description fits and says block, warn or
pass, with a safer wording.

Usage:
  discreet check [FILE...|-] [options]   check drafts (files, directories, or - for stdin)
  discreet baseline [--output F] FILE... accept the findings in these posts (an old blog)
  discreet rules [RULE]                  list the rules, or explain one
  discreet eval CORPUS.jsonl             score detection on a labelled corpus
  discreet serve [--port N]              answer checks over HTTP on this machine
  discreet token                         print the pairing token the server requires
  discreet init                          write a commented starting .discreet.json
  discreet --version | --help

Examples:
  discreet check post.txt
  echo "My client Sally is pregnant!" | discreet check -
  discreet check blog/ --format json

Run `discreet check --help` for the options of check.

Exit codes: 0 nothing at or above --fail-on, 1 a draft at or above it, 2 usage or
configuration error, 3 an input could not be read.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace discreet::cli;
  if (argc < 2) {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  std::string command = argv[1];
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::fputs(kHelp, stdout);
      return kExitOk;
    }
    if (command == "--version" || command == "-V") {
      std::printf("discreet %s\n", discreet::Version());
      return kExitOk;
    }
    Args args(argc, argv, 2);
    if (command == "check") return RunCheck(args);
    if (command == "baseline") return RunBaseline(args);
    if (command == "rules") return RunRules(args);
    if (command == "eval") return RunEval(args);
    if (command == "serve") return RunServe(args);
    if (command == "token") return RunToken(args);
    if (command == "init") return RunInit(args);
    std::fprintf(stderr, "discreet: unknown command '%s' (try: discreet --help)\n", command.c_str());
    return kExitUsage;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "discreet %s: %s (try: discreet %s --help)\n", command.c_str(), e.message.c_str(),
                 command.c_str());
    return kExitUsage;
  } catch (const discreet::ConfigError& e) {
    std::fprintf(stderr, "discreet: %s\n", e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "discreet: internal error: %s\n", e.what());
    return kExitUsage;
  }
}
