// discreet's public API. A Linter is built once from lexicons, rule packs and
// configuration, is immutable afterwards, and may be shared by any number of threads.
//
//   discreet::Linter linter(discreet::LinterOptions{});
//   discreet::FileReport r = linter.Check({.path = "draft.txt", .bytes = text});
//   if (r.risk.verdict == discreet::Verdict::kBlock) ...
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data_dir.h"
#include "detect/detector.h"
#include "lexicon/lexicon.h"
#include "error.h"
#include "report/report.h"
#include "risk/consent.h"
#include "risk/risk.h"
#include "rules/pack_loader.h"
#include "rules/rule_control.h"
#include "source/source.h"  // InputFormat

namespace discreet {

class Baseline;  // baseline/baseline.h

struct LinterOptions {
  RiskConfig risk;
  std::filesystem::path data_dir = DefaultDataDir();  // holds lexicons/ and plugins/
  std::string locale = "en";

  // Rule packs (plugins/README.md): every pack in <data_dir>/plugins and in each of
  // `plugin_dirs` (folders of pack folders, e.g. <config folder>/.discreet/plugins) loads
  // unless switched off. `only_packs`, when set (config packs.enable), lists the only
  // packs that load; `only_packs_origin` names where it was set, for messages.
  std::vector<std::filesystem::path> plugin_dirs;
  std::optional<std::vector<std::string>> only_packs;
  std::string only_packs_origin = "packs.enable";
  // Rule and pack switches and severities in order, config before CLI (rules/rule_control.h).
  // Built-in findings obey them too. An unknown id makes the Linter throw ConfigError.
  std::vector<RuleOverride> rule_overrides;

  // The consent ledger named by the config (resolved path; empty when none): consented
  // people are not flagged for what their consent covers (risk/consent.h).
  std::filesystem::path consent_ledger;
  // Where the practice location was set ("/x/.discreet.json"), for the message when
  // `risk.practice_name` is unknown to the gazetteer or ambiguous.
  std::string practice_origin = "practice_location";
};

struct CheckInput {
  std::string path;   // for messages and reports only; nothing is read from it
  std::string bytes;  // the draft, UTF-8
  InputFormat format = InputFormat::kText;
  bool lossy = false; // replace invalid UTF-8 with U+FFFD instead of failing
  // Accepted findings (`--baseline`; not owned): the risk is assessed with them, then they
  // are left out of the report, and a subject with nothing new no longer sets the verdict.
  const Baseline* baseline = nullptr;
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

  // Throws InputError for invalid UTF-8 (unless `lossy`) or an oversized input, and
  // ConfigError for a directive that names an unknown rule. The format picks the source
  // (src/source/): Markdown and HTML markup is blanked out of what detectors read.
  FileReport Check(CheckInput input) const;

  const LinterOptions& options() const { return options_; }
  const LexiconSet& lexicons() const { return *lexicons_; }
  // Every pack found, enabled or not (`discreet rules`), and the resolved rule switches.
  const std::vector<RulePack>& packs() const { return packs_; }
  const RuleControl& rule_control() const { return control_; }

 private:
  void LoadRulePacks();
  void ApplyRuleControl(std::vector<Finding>& findings) const;

  LinterOptions options_;
  std::shared_ptr<const LexiconSet> lexicons_;
  std::vector<std::unique_ptr<Detector>> detectors_;
  std::vector<RulePack> packs_;
  RuleControl control_;
  ConsentLedger consent_;
};

const char* Version();

}  // namespace discreet
