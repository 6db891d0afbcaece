// Test helpers for the person-name, public-figure and public-role detectors: the real
// lexicons (loaded once per test binary) and table-driven checks of what a rule finds.
#pragma once

#include <gtest/gtest.h>

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
  ScanInput in{doc, doc.scan_text(), tokens};
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

inline void ExpectCase(const Detector& detector, std::string_view rule, const Case& c) {
  const std::string text = c.text;
  const std::vector<Finding> found = Run(detector, text);
  const std::string want = c.want;
  bool hit = false;
  for (const Finding& f : found) {
    EXPECT_EQ(f.rule, rule);
    EXPECT_EQ(f.source, "builtin/" + std::string(rule));
    EXPECT_EQ(f.category, Category::kIdentifier);
    EXPECT_FALSE(f.message.empty());
    EXPECT_FALSE(f.suggestions.empty());
    ASSERT_TRUE(f.frequency.has_value());
    EXPECT_GT(*f.frequency, 0.0);
    EXPECT_LE(*f.frequency, 1.0);
    if (f.severity == Severity::kInfo) continue;
    std::string got = text.substr(f.span.start, f.span.size());
    if (want.empty()) ADD_FAILURE() << "unexpected " << rule << " '" << got << "' in \"" << text << "\"";
    if (got == want) hit = true;
  }
  if (!want.empty())
    EXPECT_TRUE(hit) << rule << " should find '" << want << "' in \"" << text << "\"; found:\n" << Describe(found, text);
}

}  // namespace discreet::who_testing
