// discreet's public API. A Linter is built once from lexicons, rule packs and
// configuration, is immutable afterwards, and may be shared by any number of threads.
//
//   discreet::Linter linter(discreet::LinterOptions{});
//   discreet::FileReport r = linter.Check({.path = "draft.txt", .bytes = text});
//   if (r.risk.verdict == discreet::Verdict::kBlock) ...
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "data_dir.h"
#include "detect/detector.h"
#include "lexicon/lexicon.h"
#include "error.h"
#include "report/report.h"
#include "risk/risk.h"

namespace discreet {

enum class InputFormat { kText, kMarkdown, kHtml };

struct LinterOptions {
  RiskConfig risk;
  std::filesystem::path data_dir = DefaultDataDir();  // holds lexicons/ and plugins/
  std::string locale = "en";
};

struct CheckInput {
  std::string path;   // for messages and reports only; nothing is read from it
  std::string bytes;  // the draft, UTF-8
  InputFormat format = InputFormat::kText;
  bool lossy = false; // replace invalid UTF-8 with U+FFFD instead of failing
};

// Inputs larger than this are refused with InputError rather than slowly checked.
inline constexpr size_t kMaxInputBytes = 64u << 20;

class Linter {
 public:
  // Throws ConfigError when a lexicon, rule pack or setting cannot be loaded.
  explicit Linter(LinterOptions options);
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  // Throws InputError for invalid UTF-8 (unless `lossy`) or an oversized input.
  FileReport Check(CheckInput input) const;

  const LinterOptions& options() const { return options_; }
  const LexiconSet& lexicons() const { return *lexicons_; }

 private:
  LinterOptions options_;
  std::shared_ptr<const LexiconSet> lexicons_;
  std::vector<std::unique_ptr<Detector>> detectors_;
};

const char* Version();

}  // namespace discreet
