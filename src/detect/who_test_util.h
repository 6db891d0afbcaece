// Test helpers for the person-name, public-figure and public-role detectors and the
// quasi-identifier detectors: the real lexicons (loaded once per test binary) and
// table-driven checks of what a rule finds.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "detect/registry.h"
#include "lexicon/lexicon.h"
#include "text/document.h"
#include "text/tokenizer.h"

namespace discreet::who_testing {

inline const LexiconSet& Lexicons() {
  static const std::shared_ptr<const LexiconSet> set =
      LexiconSet::Load(std::string(DISCREET_SOURCE_DIR) + "/lexicons/en");
  return *set;
}

inline std::vector<Finding> Run(const Detector& detector, const std::string& text) {
  Document doc(text);
  std::vector<Token> tokens = Tokenize(doc);
  ScanInput in{.doc = doc, .text = doc.scan_text(), .tokens = tokens};
  std::vector<Finding> out;
  detector.Detect(in, out);
  return out;
}

// One row of a table: `text`, and the exact text the rule must find at warning or above
// (`want` empty: nothing of that rule at warning or above; info findings are allowed).
struct Case {
  const char* text;
  const char* want;
  friend std::ostream& operator<<(std::ostream& os, const Case& c) { return os << '"' << c.text << '"'; }
};

inline std::string Describe(const std::vector<Finding>& found, const std::string& text) {
  std::string s;
  for (const Finding& f : found)
    s += "  [" + f.rule + " " + std::string(SeverityName(f.severity)) + "] '" + text.substr(f.span.start, f.span.size()) +
         "'\n";
  return s.empty() ? "  (nothing)\n" : s;
}

// The checks every finding must pass: who produced it, a message, suggestions, and a
// frequency in (0, 1] with bits = log2(1/frequency) >= 0. A quasi-identifier on its own is
// never an error (the risk model decides what a combination of them is worth).
inline void ExpectWellFormed(const Finding& f, std::string_view source, Category category) {
  EXPECT_EQ(f.source, source);
  EXPECT_EQ(f.category, category) << f.rule;
  if (category == Category::kQuasiIdentifier) {
    EXPECT_NE(f.severity, Severity::kError) << f.rule;
  }
  EXPECT_FALSE(f.message.empty());
  EXPECT_FALSE(f.suggestions.empty());
  for (const std::string& s : f.suggestions) EXPECT_FALSE(s.empty());
  ASSERT_TRUE(f.frequency.has_value());
  EXPECT_GT(*f.frequency, 0.0);
  EXPECT_LE(*f.frequency, 1.0);
  ASSERT_TRUE(f.bits().has_value());
  EXPECT_GE(*f.bits(), 0.0);
  EXPECT_NEAR(*f.bits(), -std::log2(*f.frequency), 1e-9);
}

// The table check shared by ExpectCase and ExpectQuasiCase. `source` is the detector's id;
// a detector that reports several rules (builtin/attributes: appearance and household) may
// report the others in a row about one of them, and those findings only have to be well formed.
inline void ExpectRuleCase(const Detector& detector, std::string_view rule, std::string_view source,
                           Category category, const Case& c) {
  const std::string text = c.text;
  SCOPED_TRACE(text);
  const std::vector<Finding> found = Run(detector, text);
  const std::string want = c.want;
  const bool one_rule = source == "builtin/" + std::string(rule);
  bool hit = false;
  for (const Finding& f : found) {
    ExpectWellFormed(f, source, category);
    if (one_rule) {
      EXPECT_EQ(f.rule, rule);
    }
    if (f.rule != rule) continue;
    if (f.severity == Severity::kInfo) continue;
    std::string got = text.substr(f.span.start, f.span.size());
    if (want.empty()) ADD_FAILURE() << "unexpected " << rule << " '" << got << "' in \"" << text << "\"";
    if (got == want) hit = true;
  }
  if (!want.empty()) {
    EXPECT_TRUE(hit) << rule << " should find '" << want << "' in \"" << text << "\"; found:\n" << Describe(found, text);
  }
}

inline void ExpectCase(const Detector& detector, std::string_view rule, const Case& c) {
  ExpectRuleCase(detector, rule, "builtin/" + std::string(rule), Category::kIdentifier, c);
}

// For the quasi-identifier rules (age, place, vehicle, occupation, appearance, household,
// time): the same table check, category quasi-identifier, every finding info or warning.
// `source` defaults to "builtin/<rule>".
inline void ExpectQuasiCase(const Detector& detector, std::string_view rule, const Case& c,
                            std::string_view source = {}) {
  const std::string own = source.empty() ? "builtin/" + std::string(rule) : std::string(source);
  ExpectRuleCase(detector, rule, own, Category::kQuasiIdentifier, c);
}

// The findings of `rule` at exactly `severity`, as matched texts.
inline std::vector<std::string> MatchedAt(const Detector& detector, std::string_view rule, Severity severity,
                                          const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : Run(detector, text))
    if (f.rule == rule && f.severity == severity) out.push_back(text.substr(f.span.start, f.span.size()));
  return out;
}

}  // namespace discreet::who_testing
