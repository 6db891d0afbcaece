// The pipeline: validate → document → tokens → detectors → findings → risk → report.
#include "linter.h"

#include <algorithm>

#include "baseline/baseline.h"
#include "detect/dedupe.h"
#include "detect/registry.h"
#include "detect/who.h"
#include "risk/practice_location.h"
#include "rules/catalogue.h"
#include "rules/pack_detector.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace discreet {

const char* Version() { return DISCREET_VERSION; }

namespace {

// lexicons/<locale> when there is one ("en-GB" may have its own), else the language's
// ("en"); an unknown language is a configuration error that lists what there is.
std::filesystem::path LexiconDirFor(const std::filesystem::path& data_dir, const std::string& locale) {
  std::error_code ec;
  const std::filesystem::path root = data_dir / "lexicons";
  if (std::filesystem::is_directory(root / locale, ec)) return root / locale;
  std::string language = locale.substr(0, locale.find('-'));
  if (!language.empty() && std::filesystem::is_directory(root / language, ec)) return root / language;
  std::string have;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec))
    if (entry.is_directory(ec)) have += (have.empty() ? "" : ", ") + entry.path().filename().string();
  throw ConfigError("no lexicons for locale '" + locale + "' in " + root.string() + " (there are: " +
                    (have.empty() ? "none" : have) + ")");
}

}  // namespace

Linter::Linter(LinterOptions options)
    : options_(std::move(options)),
      lexicons_(LexiconSet::Load(LexiconDirFor(options_.data_dir, options_.locale))),
      detectors_(MakeBuiltinDetectors(*lexicons_)) {
  LoadRulePacks();
  who::CheckDictionary();  // a damaged dictionary image is a set-up error, not a silent change
  // A practice location named without a population is looked up once, here, so that an
  // unknown or ambiguous town is a configuration error before any draft is checked.
  if (!options_.risk.practice_name.empty()) {
    PracticeLocation where = ResolvePracticeLocation(*lexicons_, options_.risk.practice_name,
                                                     options_.risk.practice_population, options_.practice_origin);
    options_.risk.practice_name = where.name;
    options_.risk.practice_population = where.population;
  }
  if (!options_.consent_ledger.empty()) consent_ = ConsentLedger::Load(options_.consent_ledger);
}

// Packs come after the built-in detectors: shipped ones from <data_dir>/plugins, then the
// user's. Every rule id any switch may name is known before the switches are checked.
void Linter::LoadRulePacks() {
  std::vector<std::filesystem::path> dirs = FindPackDirs(options_.data_dir / "plugins");
  for (const auto& user : options_.plugin_dirs)
    for (auto& d : FindPackDirs(user)) dirs.push_back(std::move(d));
  packs_ = LoadPacks(dirs, options_.data_dir / "lexicons");

  std::vector<std::string> known, pack_names;
  for (const RuleInfo& r : RuleCatalogue()) known.emplace_back(r.id);
  for (const auto& d : detectors_) known.emplace_back(d->id());
  for (const RulePack& p : packs_) {
    pack_names.push_back(p.name);
    for (const PackRule& r : p.rules) known.push_back(r.id);
  }
  control_ = RuleControl(options_.rule_overrides, known, pack_names, options_.only_packs, options_.only_packs_origin);

  std::vector<PackRule> enabled;
  for (const RulePack& p : packs_) {
    if (!control_.PackEnabled(p.name)) continue;
    for (const PackRule& r : p.rules) {
      auto severity = control_.Resolve(r.id, r.pack, r.rule, r.severity);
      if (!severity) continue;
      enabled.push_back(r);
      enabled.back().severity = *severity;
    }
  }
  if (!enabled.empty()) detectors_.push_back(MakePackDetector(std::move(enabled)));
}

Linter::~Linter() = default;

namespace {

// Whether a directive may name `id`: a catalogue rule, a built-in detector, a pack rule or
// a pack.
bool KnownRuleId(std::string_view id, const std::vector<std::unique_ptr<Detector>>& detectors,
                 const std::vector<RulePack>& packs) {
  if (FindRule(id)) return true;
  for (const auto& d : detectors)
    if (d->id() == id) return true;
  for (const RulePack& p : packs) {
    if (p.name == id) return true;
    for (const PackRule& r : p.rules)
      if (r.id == id) return true;
  }
  return false;
}

// Removes the findings a baseline accepted from `report` after the risk was assessed with
// them. A subject left with no finding of its own was accepted whole and no longer counts
// towards the verdict; the others keep their figures (computed with everything) and
// their verdicts, since a new detail about an accepted person is news.
void HideAccepted(const std::vector<bool>& accepted, FileReport& report) {
  std::vector<int> index(report.findings.size(), -1);
  std::vector<Finding> kept;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (accepted[i]) continue;
    index[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(report.findings[i]));
  }
  if (kept.size() == report.findings.size()) return;
  report.findings = std::move(kept);
  auto remap = [&](int i) { return i >= 0 && static_cast<size_t>(i) < index.size() ? index[i] : -1; };
  for (Subject& s : report.risk.subjects) {
    std::vector<int> findings;
    for (int f : s.findings)
      if (remap(f) >= 0) findings.push_back(remap(f));
    s.findings = std::move(findings);
    s.scope_finding = remap(s.scope_finding);
    s.best_change = remap(s.best_change);
    if (s.findings.empty()) {
      s.verdict = Verdict::kPass;
      s.reason = "accepted in the baseline";
    }
  }
  DecideDraft(report.risk);
}

}  // namespace

// Switches and severities apply to built-in findings here, by source and by rule id (pack
// rules already got theirs when the PackDetector was built; resolving again is a no-op).
void Linter::ApplyRuleControl(std::vector<Finding>& findings) const {
  if (options_.rule_overrides.empty()) return;
  std::erase_if(findings, [&](Finding& f) {
    std::string_view source = f.source;
    std::string_view pack = source.substr(0, source.find('/'));
    auto severity = control_.Resolve(source, pack, f.rule, f.severity);
    if (!severity) return true;
    f.severity = *severity;
    return false;
  });
}

FileReport Linter::Check(CheckInput input) const {
  if (input.bytes.size() > kMaxInputBytes)
    throw InputError(input.path + ": too large (" + std::to_string(input.bytes.size()) + " bytes; the limit is " +
                     std::to_string(kMaxInputBytes >> 20) + " MiB)");
  if (auto bad = FindInvalidUtf8(input.bytes)) {
    if (!input.lossy) throw InputError(input.path + ": invalid UTF-8 at byte " + std::to_string(*bad));
    input.bytes = RepairUtf8(input.bytes);
  }
  FileReport report;
  report.path = std::move(input.path);
  auto doc = std::make_shared<Document>(std::move(input.bytes));
  SourceText source = ReadSource(doc->text(), input.format);
  if (!source.scan.empty()) doc->SetScanText(std::move(source.scan));
  std::vector<Token> tokens = Tokenize(*doc);
  lexicons_->MarkFirstKeys(tokens);
  ScanInput scan{.doc = *doc, .text = doc->scan_text(), .tokens = tokens};
  for (const auto& detector : detectors_) detector->Detect(scan, report.findings);
  ApplyRuleControl(report.findings);
  DedupeFindings(report.findings);  // one finding per detail when a detector and a pack agree
  report.notes = ApplyDirectives(source.directives, *doc, report.path,
                                 [this](std::string_view id) { return KnownRuleId(id, detectors_, packs_); },
                                 report.findings);
  if (!consent_.empty()) consent_.Apply(report.findings, tokens, doc->scan_text());
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  RiskContext context;
  if (const Lexicon* cues = lexicons_->Find("consent_cues")) context.consent_cue = !cues->index().FindAll(tokens).empty();
  // The risk sees every finding, accepted or not: an accepted "my client" still makes a
  // newly added name a client's name. Accepted findings are hidden afterwards.
  report.risk = AssessRisk(report.findings, tokens, doc->scan_text(), options_.risk, context);
  if (input.baseline) HideAccepted(input.baseline->Accepted(report.path, *doc, report.findings), report);
  report.document = std::move(doc);
  return report;
}

}  // namespace discreet
