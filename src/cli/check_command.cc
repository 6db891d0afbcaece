// `discreet check`: read the inputs, check each, render one report, pick the exit code.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "baseline/baseline.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/linter_setup.h"
#include "cli/staged.h"
#include "linter.h"
#include "parallel.h"
#include "report/github.h"
#include "report/json.h"
#include "report/sarif.h"
#include "report/text.h"

namespace discreet::cli {
namespace {

constexpr const char* kCheckHelp = R"(Usage: discreet check [FILE...|-] [options]

Checks each draft and prints what could identify a client, the verdict (block, warn or
pass) and why. With no FILE, or with -, reads standard input. A directory is searched for
.txt, .md, .markdown, .html and .htm files (hidden folders and binary files are skipped).

Options:
  --format text|json|sarif|github
                         output format (default: text). sarif: SARIF 2.1.0 for GitHub
                         code scanning; github: workflow annotations. Both are redacted
                         unless --no-redact
  --fail-on block|warn|never
                         exit 1 when a draft's verdict is at or above this (default: block)
  --explain              text: explain every subject, not only the riskiest
  --redact               replace matched text with the rule and a short hash (default
                         when the CI environment variable is set)
  --no-redact            show matched text even under CI
  --color auto|always|never
                         colour the text output (auto: only on a terminal; NO_COLOR
                         turns it off)
  --baseline FILE        hide the findings FILE accepted (`discreet baseline`); moved
                         findings stay hidden, new or edited ones are reported
  --staged               check the staged version of each staged post (what `git commit`
                         would record) instead of files; FILEs narrow it to those paths
  --jobs N               check files on N threads (default: every core)
  --lossy                replace invalid UTF-8 instead of refusing the file
%s  -h, --help             this help

Configuration: the nearest .discreet.json above each checked file (or above the working
directory for standard input) sets the practice location, thresholds, packs, rule levels
and the consent ledger; `discreet init` writes a commented one. Rule packs in
.discreet/plugins/ beside it load like the shipped ones.

Exit codes: 0 nothing at or above --fail-on, 1 a draft at or above it, 2 usage or
configuration error, 3 an input could not be read (the other inputs are still checked).
)";

enum class Format { kText, kJson, kSarif, kGithub };

bool EnvSet(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

}  // namespace

int RunCheck(Args& args) {
  Format format = Format::kText;
  std::string fail_on = "block", color = "auto";
  bool lossy = false, explain = false, staged = false;
  std::optional<bool> redact;
  std::optional<std::string> baseline_file;
  unsigned jobs = DefaultJobs();
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
      else if (*v == "sarif") format = Format::kSarif;
      else if (*v == "github") format = Format::kGithub;
      else throw UsageError{"unknown --format '" + *v + "' (expected text, json, sarif or github)"};
    } else if (auto v = args.Option("--baseline")) {
      baseline_file = *v;
    } else if (args.Flag("--staged")) {
      staged = true;
    } else if (auto v = args.Option("--jobs")) {
      char* end = nullptr;
      unsigned long n = std::strtoul(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0' || n < 1 || n > 1024)
        throw UsageError{"--jobs '" + *v + "' is not a number of threads from 1 to 1024"};
      jobs = static_cast<unsigned>(n);
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
  if (staged && std::find(paths.begin(), paths.end(), "-") != paths.end())
    throw UsageError{"--staged reads git's index, not standard input"};
  if (paths.empty() && !staged) paths.push_back("-");

  RenderOptions render;
  // SARIF is uploaded and annotations land in workflow logs: redacted unless asked.
  render.redact = redact.value_or(format == Format::kSarif || format == Format::kGithub || EnvSet("CI"));
  render.explain = explain;
  render.color = format == Format::kText &&
                 (color == "always" || (color == "auto" && isatty(STDOUT_FILENO) && !EnvSet("NO_COLOR")));

  // A baseline that cannot be used is a configuration error (exit 2), found before any
  // input is read.
  std::optional<Baseline> baseline;
  if (baseline_file) baseline = Baseline::Load(*baseline_file);

  LinterSetup setup(std::move(setup_flags));
  InputSet inputs = staged ? ReadStaged(paths) : ReadInputs(paths);
  std::vector<std::string> errors = std::move(inputs.errors);
  // Linters are built here, one thread, in input order; the checks then run on every core
  // (a Linter is immutable and thread-safe) and are collected in input order.
  std::vector<const Linter*> linters;
  for (const InputFile& f : inputs.files) linters.push_back(&setup.LinterFor(f.path));
  std::vector<std::optional<FileReport>> checked(inputs.files.size());
  std::vector<std::exception_ptr> failures(inputs.files.size());
  ParallelFor(inputs.files.size(), jobs, [&](size_t i) {
    InputFile& f = inputs.files[i];
    try {
      checked[i] = linters[i]->Check({.path = f.path,
                                      .bytes = std::move(f.bytes),
                                      .format = f.format,
                                      .lossy = lossy,
                                      .baseline = baseline ? &*baseline : nullptr});
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  std::vector<FileReport> reports;
  for (size_t i = 0; i < checked.size(); ++i) {
    if (failures[i]) {
      try {
        std::rethrow_exception(failures[i]);
      } catch (const InputError& e) {
        errors.push_back(e.what());
      }  // anything else (a directive naming an unknown rule) ends the run as before
      continue;
    }
    reports.push_back(std::move(*checked[i]));
  }

  // Render everything first: a report is printed whole or not at all.
  std::string out;
  if (format == Format::kJson) {
    out = RenderJson(reports, render);
  } else if (format == Format::kSarif) {
    SarifOptions sarif;
    sarif.working_dir = std::filesystem::current_path();
    sarif.input_errors = errors;
    if (const char* salt = std::getenv("DISCREET_FINGERPRINT_SALT"); salt && *salt) sarif.fingerprint_salt = salt;
    else if (baseline) sarif.fingerprint_salt = baseline->salt();
    out = RenderSarif(reports, render, sarif);
  } else if (format == Format::kGithub) {
    for (const FileReport& r : reports) out += RenderGithub(r, render);
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
