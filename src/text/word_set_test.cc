#include "text/word_set.h"

#include <gtest/gtest.h>

#include <string>

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

// The hash reads only a key's first and last bytes (eight of each, or fewer) and its
// length: words alike in those bytes share a slot and are told apart by comparing them.
TEST(WordSet, WordsAlikeInTheBytesTheHashReads) {
  static constexpr WordSet kAlike({"abcdefgh12ijklmnop", "abcdefgh34ijklmnop", "abcdefgh56ijklmnop", "axb", "ayb",
                                   "abcd12abcd", "abcd34abcd", "azb"});
  for (std::string_view hit : {"abcdefgh12ijklmnop", "abcdefgh34ijklmnop", "abcdefgh56ijklmnop", "axb", "ayb",
                               "abcd12abcd", "abcd34abcd", "azb"})
    EXPECT_TRUE(In(kAlike, hit)) << hit;
  for (std::string_view miss : {"abcdefgh78ijklmnop", "abcdefgh1ijklmnop", "awb", "abcd56abcd", "ab", "abcdabcd"})
    EXPECT_FALSE(In(kAlike, miss)) << miss;
  // Keys shorter than four bytes are read as bytes: none past the key's end.
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

TEST(SameWord, ComparesLengthThenBytes) {
  EXPECT_TRUE(SameWord("", ""));
  EXPECT_TRUE(SameWord("mr", "mr"));
  EXPECT_FALSE(SameWord("mr", "mrs"));
  EXPECT_FALSE(SameWord("mr", "ms"));
  EXPECT_FALSE(SameWord("", "a"));
}

}  // namespace
}  // namespace discreet
