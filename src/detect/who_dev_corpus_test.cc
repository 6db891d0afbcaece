// The shared dev corpus (../shared/corpus/dev.jsonl, outside the repo; skipped when absent),
// measured as DESIGN.md's eval measures it, for the person-name, public-figure and
// public-role rules only: every flag of those rules is found (a finding of the rule, or
// failing that of the same category, overlaps the phrase's first occurrence), and no clean
// phrase is covered by a finding of those rules at warning or above.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "linter.h"

namespace discreet {
namespace {

const std::set<std::string> kRules = {"person-name", "public-figure", "public-role"};

std::filesystem::path CorpusPath() {
  if (const char* env = std::getenv("DISCREET_DEV_CORPUS")) return env;
  return std::filesystem::path(DISCREET_SOURCE_DIR) / ".." / "shared" / "corpus" / "dev.jsonl";
}

TEST(WhoDevCorpus, RecallAndCleanPhrases) {
  std::ifstream in(CorpusPath());
  if (!in) GTEST_SKIP() << "no dev corpus at " << CorpusPath();
  Linter linter{LinterOptions{}};
  int flags = 0, found = 0, clean = 0, false_alarms = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    std::string text = j.at("text");
    std::string format = j.value("format", "text");
    CheckInput input{.path = j.value("id", ""), .bytes = text};
    if (format == "markdown") input.format = InputFormat::kMarkdown;
    if (format == "html") input.format = InputFormat::kHtml;
    FileReport report = linter.Check(input);
    for (const auto& flag : j.value("flags", nlohmann::json::array())) {
      std::string phrase = flag.at(0), rule = flag.at(1);
      if (!kRules.count(rule)) continue;
      ++flags;
      size_t at = text.find(phrase);
      ASSERT_NE(at, std::string::npos) << phrase;
      Span want{at, at + phrase.size()};
      bool same_rule = false, same_category = false;
      for (const Finding& f : report.findings) {
        if (!f.span.Overlaps(want)) continue;
        same_rule = same_rule || f.rule == rule;
        same_category = same_category || (kRules.count(f.rule) && f.category == Category::kIdentifier);
      }
      if (same_rule || same_category) ++found;
      EXPECT_TRUE(same_rule) << j.value("id", "") << ": " << rule << " '" << phrase << "' not found";
    }
    for (const auto& c : j.value("clean", nlohmann::json::array())) {
      std::string phrase = c;
      size_t at = text.find(phrase);
      if (at == std::string::npos) continue;
      ++clean;
      Span span{at, at + phrase.size()};
      for (const Finding& f : report.findings) {
        if (!kRules.count(f.rule) || f.severity == Severity::kInfo || !f.span.Overlaps(span)) continue;
        ++false_alarms;
        ADD_FAILURE() << j.value("id", "") << ": clean '" << phrase << "' flagged by " << f.rule << " at "
                      << SeverityName(f.severity);
      }
    }
  }
  std::cout << "[who] dev corpus: " << found << "/" << flags << " flags found; " << false_alarms
            << " false alarms on " << clean << " clean phrases\n";
}

}  // namespace
}  // namespace discreet
