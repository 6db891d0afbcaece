// The detector interface: each detector reads the tokens (and, for patterns, the scan
// text) of one document and appends findings. Detectors are immutable after construction
// and shared by every thread.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "finding.h"
#include "text/document.h"
#include "text/tokenizer.h"

namespace discreet {

struct ScanInput {
  const Document& doc;
  std::string_view text;  // doc.scan_text()
  const std::vector<Token>& tokens;
  // Shared by several detectors, computed by the first that asks (one scan runs on one
  // thread): which sentences talk about a person (qi::PersonCues).
  mutable std::optional<std::vector<bool>> person_sentences{};
  // Where RE2 patterns that open with a word can begin (WordStarts in pattern_scan.h).
  mutable std::optional<std::vector<uint32_t>> word_starts{};
  // How many ASCII digits the scan text has and where the last is (Digits in pattern_scan.h).
  struct DigitCensus {
    size_t count = 0;
    size_t last = 0;  // offset of the last digit (0 when there is none)
  };
  mutable std::optional<DigitCensus> digits{};
  // The number written at each token, for qi::NumberAt: its value (-1 for none) and the
  // last token it used. Age, height and household counts ask at every token.
  struct TokenNumber {
    int32_t value = -1;
    uint32_t last = 0;
  };
  mutable std::optional<std::vector<TokenNumber>> numbers{};
};

class Detector {
 public:
  virtual ~Detector() = default;
  // Stable id reported as a finding's `source`, e.g. "builtin/phone".
  virtual std::string_view id() const = 0;
  virtual void Detect(const ScanInput& in, std::vector<Finding>& out) const = 0;
};

}  // namespace discreet
