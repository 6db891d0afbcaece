// pattern_scan: word starts, and anchored matching at them giving the whole-text scan's
// matches.
#include "detect/pattern_scan.h"

#include <gtest/gtest.h>

#include "testing/xorshift.h"

#include <random>

namespace discreet {
namespace {

TEST(WordStarts, WordsAfterANonWordByte) {
  EXPECT_EQ(WordStarts("Jan 3, on June"), (std::vector<uint32_t>{0, 4, 7, 10}));
  // Not inside a word: \b counts '_' and digits as word bytes, not 'é'.
  EXPECT_EQ(WordStarts("xjan _jan 9jan é9 (jan) -J"), (std::vector<uint32_t>{0, 10, 17, 20, 26}));
  // "ſ" and the Kelvin sign fold to ASCII letters under (?i): starts even inside a word.
  EXPECT_EQ(WordStarts("aſ \u212A ſx"), (std::vector<uint32_t>{0, 1, 4, 8, 10}));
  EXPECT_EQ(WordStarts(""), (std::vector<uint32_t>{}));
}

// WordStarts reads eight bytes at a time; this is its definition, one byte at a time.
std::vector<uint32_t> WordStartsByteByByte(std::string_view text) {
  auto alnum = [](unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::vector<uint32_t> starts;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool after_word = i > 0 && (alnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_');
    std::string_view rest = text.substr(i);
    if ((alnum(c) && !after_word) || rest.starts_with("\xC5\xBF") || rest.starts_with("\xE2\x84\xAA"))
      starts.push_back(static_cast<uint32_t>(i));
  }
  return starts;
}

// Random drafts over every byte class the eight-byte pass tells apart, at every alignment:
// the edges of each class, '_', bytes past ASCII and the two folding letters.
TEST(WordStarts, EqualsTheByteAtATimeDefinition) {
  const std::string_view pieces[] = {"a",    "z", "A", "Z",      "0",    "9",        "_",    "@",
                                     "[",    "`", "{", "/",      ":",    " ",        "\n",   "\x7F",
                                     "\x01", "é", "ſ", "\u212A", "\xC5", "\xE2\x84", "ab12", "x_y"};
  testing::XorShift next(0x9E3779B97F4A7C15ULL);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = static_cast<int>(next() % 40);
    for (int i = 0; i < n; ++i) text += pieces[next() % std::size(pieces)];
    ASSERT_EQ(WordStarts(text), WordStartsByteByByte(text)) << "\"" << text << "\"";
  }
}

TEST(Openings, MatchIgnoringCaseWithDigits) {
  Openings months({"#", "jan", "medical r"});
  std::string_view text = "JAN jaN ja 7 MEDICAL Record medical x";
  std::vector<size_t> open;
  for (uint32_t at : WordStarts(text))
    if (months.OpenAt(text, at)) open.push_back(at);
  EXPECT_EQ(open, (std::vector<size_t>{0, 4, 11, 13}));
}

// The first two bytes are looked up before the rest is compared: a one-byte opening
// opens at the text's last byte, a second byte past ASCII ("Kelvin" sign, "ſ") may be a
// folded letter, and a second byte that matches no opening rules a start out.
TEST(Openings, TheFirstTwoBytesDecideMostStarts) {
  Openings openings({"x", "st", "k#", "ab"});
  auto opens = [&](std::string_view text) { return openings.OpenAt(text, 0); };
  EXPECT_TRUE(opens("x"));
  EXPECT_TRUE(opens("Xy"));
  EXPECT_TRUE(opens("st"));
  EXPECT_TRUE(opens("ST"));
  EXPECT_TRUE(opens("s\xC5\xBF"));      // s + ſ: folds to "ss", not "st", but RE2 decides that
  EXPECT_TRUE(
      opens("\xE2\x84\xAA"
            "7"));  // Kelvin sign + digit
  EXPECT_TRUE(opens("k7"));
  EXPECT_FALSE(opens("kx"));
  EXPECT_FALSE(opens("sx"));
  EXPECT_FALSE(opens("s"));
  EXPECT_FALSE(opens("a"));
  EXPECT_FALSE(opens("ac"));
  EXPECT_TRUE(opens("AB"));
}

std::vector<Span> Whole(const RE2& re, std::string_view text) {
  std::vector<Span> found;
  ForEachMatch(re, text, [&](Span s) { found.push_back(s); });
  return found;
}

std::vector<Span> Anchored(const RE2& re, std::string_view text, const Openings& openings) {
  std::vector<Span> found;
  ForEachMatchAt(re, text, WordStarts(text), openings, [&](Span s) { found.push_back(s); });
  return found;
}

// Random drafts of words the patterns open with, digits and separators: wherever a
// pattern can only begin at its openings, both scans find the same matches, overlapping
// candidates included.
TEST(ForEachMatchAt, EqualsTheWholeTextScan) {
  struct Pattern {
    const char* re;
    Openings openings;
  };
  const Pattern patterns[] = {
      {R"((?i)\b(?:ab|abc\d+|\d+x?|cd\s+\d+)\b)", {"ab", "#", "cd"}},
      {R"((?i)\bon\s+(\d+/\d+)\b)", {"on"}},
      {R"((?i)\b(?:id|member)\s*(?:#|:)?\s*([A-Z0-9][A-Z0-9-]{2,8})\b)", {"id", "member"}},
  };
  const char* pieces[] = {"ab",  "AB",     "abc",      "abc12", "cd",  "CD ",    "on", "On ", "id",
                          "ID:", "member", "Member #", "12",    "3/4", "x",      "_",  "-",   " ",
                          "  ",  ".",      "é",        "ſ",     "9x",  "a1b2c3", "\n"};
  std::mt19937 rng(7);
  for (const Pattern& p : patterns) {
    RE2 re(p.re);
    ASSERT_TRUE(re.ok()) << p.re;
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      int n = static_cast<int>(rng() % 12);
      for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
      ASSERT_EQ(Anchored(re, text, p.openings), Whole(re, text)) << p.re << " on \"" << text << "\"";
    }
  }
}

TEST(ForEachMatchAt, SkipsStartsInsideAnEarlierMatch) {
  RE2 re(R"(\b(?:ab ab|ab)\b)");
  std::vector<Span> found;
  const std::vector<uint32_t> starts = {0, 3, 6};
  ForEachMatchAt(re, "ab ab ab", starts, {"ab"}, [&](Span s) { found.push_back(s); });
  EXPECT_EQ(found, (std::vector<Span>{{0, 5}, {6, 8}}));
}

// The byte-at-a-time definition DigitRuns must equal.
std::vector<Span> DigitRunsByByte(std::string_view text, std::string_view joiners, int min_digits) {
  auto in_run = [&](char c) { return IsAsciiDigit(c) || joiners.find(c) != std::string_view::npos; };
  std::vector<Span> runs;
  for (size_t p = 0; p < text.size();) {
    if (!in_run(text[p])) {
      ++p;
      continue;
    }
    size_t end = p;
    int digits = 0;
    while (end < text.size() && in_run(text[end])) digits += IsAsciiDigit(text[end++]);
    if (digits >= min_digits) runs.push_back({p, end});
    p = end;
  }
  return runs;
}

TEST(DigitRuns, EqualsTheByteAtATimeDefinition) {
  // Digits, joiners, letters, and bytes at or above 0x80 that a carry could turn into a
  // digit ('0' - 0x80 + 0x100 is 0xB0; 0xFF, 0xB9, 0xC0 around it).
  const std::string_view pieces[] = {"0", "5", "9", "/", ":", " ", "-", ".", "(", ")", "+", "a", "Z",
                                     "\xB0", "\xB9", "\xBA", "\xFF", "\xC0", "\x7F", "\n", "\xE2\x80\x93"};
  testing::XorShift next(0x2545F4914F6CDD1DULL);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const size_t n = next() % 60;
    for (size_t i = 0; i < n; ++i) text += pieces[next() % std::size(pieces)];
    for (int min_digits : {1, 3, 9}) {
      for (std::string_view joiners : {std::string_view(" -"), std::string_view(" .-()+")}) {
        auto got = DigitRuns(text, joiners, min_digits);
        auto want = DigitRunsByByte(text, joiners, min_digits);
        ASSERT_EQ(got.size(), want.size()) << round;
        for (size_t i = 0; i < got.size(); ++i) {
          EXPECT_EQ(got[i].start, want[i].start) << round;
          EXPECT_EQ(got[i].end, want[i].end) << round;
        }
      }
    }
  }
}

TEST(CountDigits, EqualsTheByteAtATimeDefinition) {
  // Digits, and bytes at or above 0x80 whose low seven bits are a digit (0xB0-0xB9).
  const std::string_view pieces[] = {"0", "7", "9", "a", "/", " ", "\xB0", "\xB9", "\xBA", "\xFF", "\x2F", "\x3A"};
  testing::XorShift next(0x9E3779B97F4A7C15ULL);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const size_t n = next() % 40;
    for (size_t i = 0; i < n; ++i) text += pieces[next() % std::size(pieces)];
    DigitCensus want;
    for (size_t i = 0; i < text.size(); ++i)
      if (IsAsciiDigit(text[i])) ++want.count, want.last = i;
    const DigitCensus got = CountDigits(text);
    ASSERT_EQ(got.count, want.count) << round;
    ASSERT_EQ(got.last, want.last) << round;
  }
}

TEST(ContainsWord, WholeWordsOnly) {
  EXPECT_TRUE(ContainsWord("please call us at", "call us"));
  EXPECT_TRUE(ContainsWord("call us", "call us"));
  EXPECT_FALSE(ContainsWord("recall us", "call us"));
  EXPECT_FALSE(ContainsWord("call user", "call us"));
  EXPECT_TRUE(ContainsWord("her dob 03", "dob"));
  // A phrase that ends in '.' may run into what follows: "b.12/3".
  EXPECT_TRUE(ContainsWord("born b.12", "b."));
  EXPECT_FALSE(ContainsWord("", "call"));
}

}  // namespace
}  // namespace discreet
