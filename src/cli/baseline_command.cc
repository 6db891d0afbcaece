// `discreet baseline [--output F] FILE...`: records every finding in the named posts as
// accepted, so an old blog can adopt the pre-commit hook and `discreet check --baseline F`
// reports only what is new. The file holds salted fingerprints, never the text.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "baseline/baseline.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/linter_setup.h"
#include "linter.h"

namespace discreet::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBaselineHelp = R"(Usage: discreet baseline [--output FILE] FILE... [options]

Checks the posts (files or directories, as `discreet check` does) and writes every
finding to a baseline file as accepted. `discreet check --baseline FILE` then hides those
findings, even after they move to other lines, and reports anything new or edited. The
baseline stores a salted hash of each finding (rule, path, matched text), never the text,
so it can be committed. Re-running keeps the file's salt, so unchanged findings keep their
fingerprints and the diff stays small.

Options:
  --output FILE          where to write (default: .discreet-baseline.json)
  --lossy                replace invalid UTF-8 instead of refusing the file
%s  -h, --help             this help

Exit codes: 0 written, 2 usage or configuration error (including an existing --output
that is not a discreet baseline), 3 an input could not be read (nothing is written).
)";

}  // namespace

int RunBaseline(Args& args) {
  fs::path output = ".discreet-baseline.json";
  bool lossy = false;
  std::vector<std::string> paths;
  SetupFlags setup_flags;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::printf(kBaselineHelp, kSetupFlagsHelp);
      return kExitOk;
    }
    if (ParseSetupFlag(args, setup_flags)) {
      continue;
    } else if (auto v = args.Option("--output")) {
      if (v->empty()) throw UsageError{"--output needs a file name"};
      output = *v;
    } else if (args.Flag("--lossy")) {
      lossy = true;
    } else if (args.Peek() == "--") {
      args.Next();
      while (!args.Done()) paths.push_back(args.Next());
    } else if (args.Peek().size() > 1 && args.Peek()[0] == '-') {
      throw UsageError{"unknown option '" + args.Peek() + "'"};
    } else {
      paths.push_back(args.Next());
    }
  }
  if (paths.empty()) throw UsageError{"name the posts to accept (files or directories)"};

  // An existing baseline keeps its salt; anything else at that path is not overwritten.
  std::error_code ec;
  Baseline baseline = fs::exists(output, ec) ? Baseline::Load(output).Emptied() : Baseline::Create(output);

  LinterSetup setup(std::move(setup_flags));
  InputSet inputs = ReadInputs(paths);
  std::vector<std::string> errors = std::move(inputs.errors);
  size_t files = 0;
  for (InputFile& f : inputs.files) {
    try {
      const Linter& linter = setup.LinterFor(f.path == "<stdin>" ? fs::path("-") : fs::path(f.path));
      FileReport r = linter.Check({.path = f.path, .bytes = std::move(f.bytes), .format = f.format, .lossy = lossy});
      baseline.Add(r.path, *r.document, r.findings);
      ++files;
    } catch (const InputError& e) {
      errors.push_back(e.what());
    }
  }
  for (const std::string& e : errors) std::fprintf(stderr, "discreet: %s\n", e.c_str());
  if (!errors.empty()) {
    std::fprintf(stderr, "discreet: %s not written: every input must be readable\n", output.string().c_str());
    return kExitInput;
  }
  baseline.Write();
  std::fprintf(stderr, "discreet: accepted %zu finding%s in %zu file%s; wrote %s\n", baseline.findings(),
               baseline.findings() == 1 ? "" : "s", files, files == 1 ? "" : "s", output.string().c_str());
  return kExitOk;
}

}  // namespace discreet::cli
