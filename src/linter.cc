// The pipeline: validate → document → tokens → detectors → findings → risk → report.
#include "linter.h"

#include <algorithm>

#include "detect/registry.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace discreet {

const char* Version() { return DISCREET_VERSION; }

Linter::Linter(LinterOptions options)
    : options_(std::move(options)),
      lexicons_(LexiconSet::Load(options_.data_dir / "lexicons" / options_.locale)),
      detectors_(MakeBuiltinDetectors(*lexicons_)) {}

Linter::~Linter() = default;

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
  const std::vector<Token> tokens = Tokenize(*doc);
  ScanInput scan{*doc, doc->scan_text(), tokens};
  for (const auto& detector : detectors_) detector->Detect(scan, report.findings);
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  RiskContext context;
  if (const Lexicon* cues = lexicons_->Find("consent_cues")) context.consent_cue = !cues->index().FindAll(tokens).empty();
  report.risk = AssessRisk(report.findings, tokens, doc->text(), options_.risk, context);
  report.document = std::move(doc);
  return report;
}

}  // namespace discreet
