#include "rules/pattern_openings.h"

#include <gtest/gtest.h>

#include <random>

#include "detect/pattern_scan.h"
#include "linter.h"

namespace discreet {
namespace {

using Openings_ = std::optional<std::vector<std::string>>;

TEST(PatternOpenings, ReadsTheWordsAMatchBeginsWith) {
  struct Case {
    const char* pattern;
    Openings_ want;
  };
  // clang-format off
  const Case cases[] = {
      {R"((?i)\bthank(?:s|\s+you)\b)", std::vector<std::string>{"thank"}},
      {R"(\bMS\b)", std::vector<std::string>{"ms"}},
      {R"(\bU\.?S\.? Open\b)", std::vector<std::string>{"u"}},
      {R"((?i)\b(?:during|in|after)\s+her\b)", std::vector<std::string>{"during", "in", "after"}},
      {R"(\b(?i:health\s+plan|insurance)\s*#)", std::vector<std::string>{"health", "insurance"}},
      {R"((?i)\b(?:clients?|regulars?)\s+like)", std::vector<std::string>{"client", "regular"}},
      {R"((?i)\bcolou?r\b)", std::vector<std::string>{"colo"}},
      {R"((?i)\bzz{2}\b)", std::vector<std::string>{"z"}},
      {R"((?i)\b(?:mon|tues)day\b)", std::vector<std::string>{"mon", "tues"}},
      {R"((?i)\b(?:(?:car|truck)\s+)?stolen\b)", std::nullopt},     // the group may be absent
      {R"((?i)\b(?:my|(?:our|their))\s+x)", std::vector<std::string>{"my", "our", "their"}},
      {R"((?i)\b(?:\d{2,}|a\s+dozen)\s+cats)", std::vector<std::string>{"#", "a"}},
      {R"(\b\d?x)", std::nullopt},                                   // the digit may be absent
      {R"(\b[A-Z]{2}\d{2})", std::nullopt},                          // a class: not read
      {R"(\bfoo|bar)", std::nullopt},                                // "bar" may begin anywhere
      {R"(\b(?:foo|)bar)", std::nullopt},                            // an empty alternative
      {R"(\b(?:[|(]|x)y)", std::nullopt},                            // '|' and '(' inside a class
      {R"(\b(?:a|b[]|]|c)y)", std::vector<std::string>{"a", "b", "c"}},  // "[]|]" holds ']' and '|'

      {R"(\b(?P<n>foo)bar)", std::nullopt},                          // named group
      {R"((?i)thanks)", std::nullopt},                               // no \b: may begin mid-word
      {R"(\bé)", std::nullopt},
      {R"(\b)", std::nullopt},
      {R"(\b(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q))", std::nullopt},  // more than 16
  };
  // clang-format on
  for (const Case& c : cases) EXPECT_EQ(PatternOpenings(c.pattern), c.want) << c.pattern;
}

std::vector<Span> Unanchored(const RE2& re, std::string_view text) {
  std::vector<Span> out;
  ForEachMatch(re, text, [&](Span s) { out.push_back(s); });
  return out;
}

std::vector<Span> AtOpenings(const RE2& re, std::string_view text, const std::vector<std::string>& words) {
  std::vector<std::string_view> views(words.begin(), words.end());
  const Openings openings(views);
  std::vector<Span> out;
  ForEachMatchAt(re, text, WordStarts(text), openings, [&](Span s) { out.push_back(s); });
  return out;
}

// Every shipped pattern whose openings are known finds, tried only where they begin, what
// a scan of the whole text finds: on the packs' own examples, in upper case, and with "ſ"
// and the Kelvin sign (which (?i) folds to 's' and 'k') in place of letters.
TEST(PatternOpenings, FindWhatAWholeScanFindsForEveryShippedPattern) {
  const Linter linter{LinterOptions{}};
  std::string text;
  for (const RulePack& pack : linter.packs())
    for (const PackRule& rule : pack.rules) {
      for (const std::string& s : rule.match_examples) text += s + "\n";
      for (const std::string& s : rule.no_match_examples) text += s + " ";
    }
  std::string upper = text, folded;
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  std::mt19937 random(7);
  for (char c : text) {
    if ((c == 's' || c == 'k') && random() % 3 == 0) {
      folded += c == 's' ? "\xC5\xBF" : "\xE2\x84\xAA";
    } else {
      folded += c;
    }
  }
  size_t with_openings = 0, matches = 0;
  for (const RulePack& pack : linter.packs())
    for (const PackRule& rule : pack.rules)
      for (const auto& re : rule.compiled) {
        auto words = PatternOpenings(re->pattern());
        if (!words) continue;
        ++with_openings;
        for (const std::string* t : {&text, &upper, &folded}) {
          const std::vector<Span> want = Unanchored(*re, *t);
          matches += want.size();
          EXPECT_EQ(AtOpenings(*re, *t, *words), want) << rule.id << ": " << re->pattern();
        }
      }
  EXPECT_GT(with_openings, 40u);  // most shipped patterns open with \b and a word
  EXPECT_GT(matches, 100u);
}

}  // namespace
}  // namespace discreet
