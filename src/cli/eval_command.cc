// `discreet eval CORPUS.jsonl`: scores the linter on a labelled corpus and, with
// thresholds, fails (exit 1) when it scores below them — how CI guards detection quality.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/linter_setup.h"
#include "eval/eval.h"
#include "linter.h"

namespace discreet::cli {
namespace {

constexpr const char* kEvalHelp = R"(Usage: discreet eval CORPUS.jsonl [options]

Checks every labelled draft in CORPUS (JSON Lines: id, format, text, expect, flags,
clean; see DESIGN.md) and prints verdict accuracy, block recall, pass specificity, flag
recall per rule, clean phrases flagged by mistake, and every miss.

Options:
  --format text|json        output format (default: text)
  --min-accuracy X          exit 1 when verdict accuracy is below X (0..1)
  --min-flag-recall X       exit 1 when flag recall is below X (0..1)
  --max-clean-flagged N     exit 1 when more than N clean phrases are flagged
  --max-passes-blocked N    exit 1 when more than N pass drafts are blocked
%s
The configuration is the .discreet.json above the corpus file, or --config.
)";

double ParseFraction(const std::string& name, const std::string& v) {
  try {
    size_t used = 0;
    double x = std::stod(v, &used);
    if (used == v.size() && x >= 0 && x <= 1) return x;
  } catch (const std::exception&) {
  }
  throw UsageError{name + " takes a number from 0 to 1, not '" + v + "'"};
}

int ParseCount(const std::string& name, const std::string& v) {
  try {
    size_t used = 0;
    int x = std::stoi(v, &used);
    if (used == v.size() && x >= 0) return x;
  } catch (const std::exception&) {
  }
  throw UsageError{name + " takes a whole number, not '" + v + "'"};
}

}  // namespace

int RunEval(Args& args) {
  std::string path, format = "text";
  double min_accuracy = 0, min_recall = 0;
  int max_clean = -1, max_blocked = -1;
  SetupFlags setup_flags;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::printf(kEvalHelp, kSetupFlagsHelp);
      return kExitOk;
    }
    if (ParseSetupFlag(args, setup_flags)) {
      continue;
    } else if (auto v = args.Option("--format")) {
      if (*v != "text" && *v != "json") throw UsageError{"unknown --format '" + *v + "' (expected text or json)"};
      format = *v;
    } else if (auto v = args.Option("--min-accuracy")) {
      min_accuracy = ParseFraction("--min-accuracy", *v);
    } else if (auto v = args.Option("--min-flag-recall")) {
      min_recall = ParseFraction("--min-flag-recall", *v);
    } else if (auto v = args.Option("--max-clean-flagged")) {
      max_clean = ParseCount("--max-clean-flagged", *v);
    } else if (auto v = args.Option("--max-passes-blocked")) {
      max_blocked = ParseCount("--max-passes-blocked", *v);
    } else if (args.Peek().size() > 1 && args.Peek()[0] == '-') {
      throw UsageError{"unknown option '" + args.Peek() + "'"};
    } else {
      if (!path.empty()) throw UsageError{"one corpus at a time"};
      path = args.Next();
    }
  }
  if (path.empty()) throw UsageError{"name a corpus file (JSON Lines)"};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "discreet: %s: cannot open\n", path.c_str());
    return kExitInput;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  std::vector<CorpusItem> items;
  try {
    items = ParseCorpus(path, buf.str());
  } catch (const InputError& e) {
    std::fprintf(stderr, "discreet: %s\n", e.what());
    return kExitInput;
  }
  LinterSetup setup(std::move(setup_flags));
  const Linter& linter = setup.LinterFor(path);
  EvalResult result = Evaluate(linter, items);
  std::string out = format == "json" ? EvalJson(result).dump(2) + "\n" : EvalText(result);
  std::fwrite(out.data(), 1, out.size(), stdout);

  bool failed = result.accuracy() < min_accuracy || result.flag_recall() < min_recall ||
                (max_clean >= 0 && result.clean_flagged > max_clean) ||
                (max_blocked >= 0 && result.pass_blocked > max_blocked);
  if (failed) std::fprintf(stderr, "discreet eval: %s scores below the thresholds given\n", path.c_str());
  return failed ? kExitFindings : kExitOk;
}

}  // namespace discreet::cli
