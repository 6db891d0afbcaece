// Every shipped pack's own examples, run through the whole Linter with every pack loaded
// (so a longer term of another rule shadowing a shorter one shows up here): each `match`
// sentence must produce a finding from that rule (or, where a built-in detector found the
// same detail and the duplicate was dropped, a finding of the same catalogue rule), each
// `no_match` sentence none from that rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "linter.h"

namespace discreet {
namespace {

const Linter& SharedLinter() {
  static const Linter linter{LinterOptions{}};
  return linter;
}

std::string Describe(const FileReport& r) {
  std::string s;
  for (const Finding& f : r.findings)
    s += "\n    " + f.source + " [" + f.rule + "] \"" +
         r.document->text().substr(f.span.start, f.span.size()) + "\"";
  return s.empty() ? " (no findings)" : s;
}

TEST(PackExamples, ShippedPacksAreLoaded) {
  std::vector<std::string> names;
  for (const RulePack& p : SharedLinter().packs()) names.push_back(p.name);
  for (const char* want : {"core-en", "bodywork", "mental-health", "hipaa", "sports-events"})
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
}

TEST(PackExamples, EveryRuleMatchesItsExamples) {
  const Linter& linter = SharedLinter();
  size_t rules = 0, sentences = 0;
  for (const RulePack& pack : linter.packs()) {
    for (const PackRule& rule : pack.rules) {
      ++rules;
      EXPECT_GE(rule.match_examples.size(), 2u) << rule.id;
      EXPECT_GE(rule.no_match_examples.size(), 2u) << rule.id;
      for (const std::string& s : rule.match_examples) {
        ++sentences;
        FileReport r = linter.Check({.path = "example", .bytes = s});
        bool hit = std::any_of(r.findings.begin(), r.findings.end(),
                               [&](const Finding& f) { return f.source == rule.id || f.rule == rule.rule; });
        EXPECT_TRUE(hit) << rule.id << " should match: " << s << Describe(r);
      }
      for (const std::string& s : rule.no_match_examples) {
        ++sentences;
        FileReport r = linter.Check({.path = "example", .bytes = s});
        bool hit = std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.source == rule.id; });
        EXPECT_FALSE(hit) << rule.id << " should not match: " << s << Describe(r);
      }
    }
  }
  EXPECT_GT(rules, 20u);
  RecordProperty("sentences", static_cast<int>(sentences));
}

}  // namespace
}  // namespace discreet
