// Test helper: runs one built-in detector over a draft and returns what it matched.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "detect/registry.h"
#include "text/document.h"
#include "text/tokenizer.h"

namespace discreet::testing {

struct Matched {
  std::string text;
  std::string severity;
  friend bool operator==(const Matched&, const Matched&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Matched& m) {
    return os << "'" << m.text << "' (" << m.severity << ")";
  }
};

inline std::vector<Finding> RunDetector(const Detector& detector, const std::string& text) {
  Document doc(text);
  std::vector<Token> tokens = Tokenize(doc);
  ScanInput in{.doc = doc, .text = doc.scan_text(), .tokens = tokens};
  std::vector<Finding> out;
  detector.Detect(in, out);
  return out;
}

// The matched texts, in the order the detector reported them.
inline std::vector<std::string> MatchedTexts(const Detector& detector, const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : RunDetector(detector, text)) out.push_back(text.substr(f.span.start, f.span.size()));
  return out;
}

inline std::vector<Matched> MatchedWithSeverity(const Detector& detector, const std::string& text) {
  std::vector<Matched> out;
  for (const Finding& f : RunDetector(detector, text))
    out.push_back({text.substr(f.span.start, f.span.size()), std::string(SeverityName(f.severity))});
  return out;
}

// Detectors built once against an empty lexicon set (the RE2 detectors need none).
inline const LexiconSet& EmptyLexicons() {
  static const LexiconSet set;
  return set;
}

}  // namespace discreet::testing
