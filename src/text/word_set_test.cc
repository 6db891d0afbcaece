#include "text/word_set.h"

#include <gtest/gtest.h>

#include <string>

#include "text/tokenizer.h"

namespace discreet {
namespace {

constexpr WordSet kArticles({"a", "an", "the"});

TEST(WordSet, FindsEveryWordAndNothingElse) {
  EXPECT_TRUE(In(kArticles, "a"));
  EXPECT_TRUE(In(kArticles, "an"));
  EXPECT_TRUE(In(kArticles, "the"));
  for (std::string_view miss : {"", "A", "The", "th", "thee", "then", "and", "b", "x", "an "})
    EXPECT_FALSE(In(kArticles, miss)) << miss;
}

TEST(WordSet, LongListsAndWordsThatShareAHashSlot) {
  // Enough words that several land in one slot and probing must walk past them.
  static constexpr WordSet kMany({"w00", "w01", "w02", "w03", "w04", "w05", "w06", "w07", "w08", "w09", "w10",
                                  "w11", "w12", "w13", "w14", "w15", "w16", "w17", "w18", "w19", "w20", "w21",
                                  "w22", "w23", "w24", "w25", "w26", "w27", "w28", "w29", "w30", "w31"});
  for (int i = 0; i < 100; ++i) {
    std::string w = "w" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    EXPECT_EQ(In(kMany, w), i < 32) << w;
  }
}

TEST(WordSet, KeysOfAnyLength) {
  static constexpr WordSet kSet({"massage therapist", "x", "long-time"});
  EXPECT_TRUE(In(kSet, "massage therapist"));
  EXPECT_TRUE(In(kSet, "long-time"));
  EXPECT_TRUE(In(kSet, "x"));
  EXPECT_FALSE(In(kSet, std::string(63, 'x')));
  EXPECT_FALSE(In(kSet, std::string(64, 'x')));
  EXPECT_FALSE(In(kSet, std::string(1000, 'x')));
  // Bytes past ASCII are compared as bytes: folded keys carry no accents, but raw text may.
  EXPECT_FALSE(In(kSet, "\xC3\xA9"));
}

// Words alike but in a byte or two, and keys of every length around them.
TEST(WordSet, WordsAlikeButInAByte) {
  static constexpr WordSet kAlike({"abcdefgh12ijklmnop", "abcdefgh34ijklmnop", "abcdefgh56ijklmnop", "axb", "ayb",
                                   "abcd12abcd", "abcd34abcd", "azb"});
  for (std::string_view hit : {"abcdefgh12ijklmnop", "abcdefgh34ijklmnop", "abcdefgh56ijklmnop", "axb", "ayb",
                               "abcd12abcd", "abcd34abcd", "azb"})
    EXPECT_TRUE(In(kAlike, hit)) << hit;
  for (std::string_view miss : {"abcdefgh78ijklmnop", "abcdefgh1ijklmnop", "awb", "abcd56abcd", "ab", "abcdabcd"})
    EXPECT_FALSE(In(kAlike, miss)) << miss;
  for (size_t n = 0; n < 20; ++n) EXPECT_FALSE(In(kAlike, std::string(n, 'a'))) << n;
}

TEST(WordSet, FindGivesTheIndexInTheList) {
  struct Record {
    std::string_view key;
    int value;
  };
  static constexpr Record kRecords[] = {{"forties", 40}, {"fifties", 50}, {"sixties", 60}};
  static constexpr auto kKeys = WordSet<std::size(kRecords)>::Of(kRecords, &Record::key);
  EXPECT_EQ(kKeys.Find("forties"), 0);
  EXPECT_EQ(kKeys.Find("sixties"), 2);
  EXPECT_EQ(kRecords[kKeys.Find("fifties")].value, 50);
  EXPECT_EQ(kKeys.Find("seventies"), -1);
  EXPECT_EQ(kArticles.Find("the"), 2);
  EXPECT_EQ(kArticles.Find("them"), -1);
}

// A token is looked up by the hash it carries: the same answers as its key's.
TEST(WordSet, TokenLookupsEqualKeyLookups) {
  static constexpr WordSet kSet({"mother", "of", "triplets", "dr", "zoe", "x", "long-time", "rock"});
  for (const Token& t : Tokenize("The Mother of TRIPLETS, Dr. Zoë and x long-time rocks ROCK's 42 #motherOf 😀")) {
    EXPECT_EQ(kSet.Find(t), kSet.Find(t.key)) << t.key;
    EXPECT_EQ(In(kSet, t), In(kSet, std::string_view(t.key))) << t.key;
  }
  int found = 0;
  for (const Token& t : Tokenize("mother of triplets dr zoe x rock")) found += In(kSet, t);
  EXPECT_EQ(found, 7);
}

// Every word of a list of the size detectors use is found in its window, whatever the
// slot function the build chose.
TEST(WordSet, EveryWordOfALongListIsFound) {
  static constexpr std::string_view kWords[] = {
      "alpha",   "bravo",   "charlie",   "delta",    "echo",     "foxtrot", "golf",    "hotel",  "india",    "juliet",
      "kilo",    "lima",    "mike",      "november", "oscar",    "papa",    "quebec",  "romeo",  "sierra",   "tango",
      "uniform", "victor",  "whiskey",   "xray",     "yankee",   "zulu",    "one",     "two",    "three",    "four",
      "five",    "six",     "seven",     "eight",    "nine",     "ten",     "eleven",  "twelve", "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",  "thirty",  "forty",  "fifty",    "sixty",
      "seventy", "eighty",  "ninety",    "hundred",  "thousand", "million", "billion", "dozen",  "score",    "gross",
      "pair",    "couple",  "few",       "several",  "many",     "most",    "all",     "none",   "some",     "any"};
  static constexpr WordSet kLong(kWords);
  for (size_t i = 0; i < std::size(kWords); ++i) EXPECT_EQ(kLong.Find(kWords[i]), static_cast<int>(i)) << kWords[i];
  for (std::string_view miss : {"alphas", "zero", "hundreds", "bravo ", "Alpha"}) EXPECT_EQ(kLong.Find(miss), -1);
}

TEST(SameWord, ComparesLengthThenBytes) {
  EXPECT_TRUE(SameWord("", ""));
  EXPECT_TRUE(SameWord("mr", "mr"));
  EXPECT_FALSE(SameWord("mr", "mrs"));
  EXPECT_FALSE(SameWord("mr", "ms"));
  EXPECT_FALSE(SameWord("", "a"));
}

}  // namespace
}  // namespace discreet
