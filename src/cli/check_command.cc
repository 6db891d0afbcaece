// `discreet check`: read the inputs, check each, render one report, pick the exit code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/linter_setup.h"
#include "linter.h"
#include "report/json.h"
#include "report/text.h"

namespace discreet::cli {
namespace {

constexpr const char* kCheckHelp = R"(Usage: discreet check [FILE...|-] [options]

Checks each draft and prints what could identify a client, the verdict (block, warn or
pass) and why. With no FILE, or with -, reads standard input. A directory is searched for
.txt, .md, .markdown, .html and .htm files (hidden folders and binary files are skipped).

Options:
  --format text|json     output format (default: text)
  --fail-on block|warn|never
                         exit 1 when a draft's verdict is at or above this (default: block)
  --explain              text: explain every subject, not only the riskiest
  --redact               replace matched text with the rule and a short hash (default
                         when the CI environment variable is set)
  --no-redact            show matched text even under CI
  --color auto|always|never
                         colour the text output (auto: only on a terminal; NO_COLOR
                         turns it off)
  --lossy                replace invalid UTF-8 instead of refusing the file
%s  -h, --help             this help

Configuration: the nearest .discreet.json above each checked file (or above the working
directory for standard input) sets the practice location, thresholds, packs, rule levels
and the consent ledger; `discreet init` writes a commented one. Rule packs in
.discreet/plugins/ beside it load like the shipped ones.

Exit codes: 0 nothing at or above --fail-on, 1 a draft at or above it, 2 usage or
configuration error, 3 an input could not be read (the other inputs are still checked).
)";

enum class Format { kText, kJson };

bool EnvSet(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

}  // namespace

int RunCheck(Args& args) {
  Format format = Format::kText;
  std::string fail_on = "block", color = "auto";
  bool lossy = false, explain = false;
  std::optional<bool> redact;
  std::vector<std::string> paths;
  SetupFlags setup_flags;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::printf(kCheckHelp, kSetupFlagsHelp);
      return kExitOk;
    }
    if (ParseSetupFlag(args, setup_flags)) {
      continue;
    } else if (auto v = args.Option("--format")) {
      if (*v == "text") format = Format::kText;
      else if (*v == "json") format = Format::kJson;
      else throw UsageError{"unknown --format '" + *v + "' (expected text or json)"};
    } else if (auto v = args.Option("--fail-on")) {
      if (*v != "block" && *v != "warn" && *v != "never")
        throw UsageError{"unknown --fail-on '" + *v + "' (expected block, warn or never)"};
      fail_on = *v;
    } else if (auto v = args.Option("--color")) {
      if (*v != "auto" && *v != "always" && *v != "never")
        throw UsageError{"unknown --color '" + *v + "' (expected auto, always or never)"};
      color = *v;
    } else if (args.Flag("--lossy")) {
      lossy = true;
    } else if (args.Flag("--explain")) {
      explain = true;
    } else if (args.Flag("--redact")) {
      redact = true;
    } else if (args.Flag("--no-redact")) {
      redact = false;
    } else if (args.Peek() == "--") {
      args.Next();
      while (!args.Done()) paths.push_back(args.Next());
    } else if (args.Peek().size() > 1 && args.Peek()[0] == '-') {
      throw UsageError{"unknown option '" + args.Peek() + "'"};
    } else {
      paths.push_back(args.Next());
    }
  }
  if (paths.empty()) paths.push_back("-");

  RenderOptions render;
  render.redact = redact.value_or(EnvSet("CI"));
  render.explain = explain;
  render.color = format == Format::kText &&
                 (color == "always" || (color == "auto" && isatty(STDOUT_FILENO) && !EnvSet("NO_COLOR")));

  LinterSetup setup(std::move(setup_flags));
  InputSet inputs = ReadInputs(paths);
  std::vector<std::string> errors = std::move(inputs.errors);
  std::vector<FileReport> reports;
  for (InputFile& f : inputs.files) {
    try {
      const Linter& linter = setup.LinterFor(f.path);
      reports.push_back(linter.Check({.path = f.path, .bytes = std::move(f.bytes), .format = f.format, .lossy = lossy}));
    } catch (const InputError& e) {
      errors.push_back(e.what());
    }
  }

  // Render everything first: a report is printed whole or not at all.
  std::string out;
  if (format == Format::kJson) {
    out = RenderJson(reports, render);
  } else {
    for (const FileReport& r : reports) out += RenderText(r, render);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  for (const std::string& e : errors) std::fprintf(stderr, "discreet: %s\n", e.c_str());

  if (!errors.empty()) return kExitInput;
  Verdict threshold = fail_on == "warn" ? Verdict::kWarn : Verdict::kBlock;
  if (fail_on != "never") {
    for (const FileReport& r : reports)
      if (r.risk.verdict >= threshold) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace discreet::cli
