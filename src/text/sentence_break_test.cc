#include "text/sentence_break.h"

#include <gtest/gtest.h>

#include "testing/xorshift.h"

#include <cstdint>
#include <string>

namespace discreet {
namespace {

TEST(SentenceBreaks, EndsSentencesWhereUax29Does) {
  // "Hi. " | "Mr. Smith?! " | "ok"
  EXPECT_EQ(SentenceBreaks("Hi. Mr. Smith?! ok"), (std::vector<size_t>{4, 8, 16}));
  EXPECT_EQ(SentenceBreaks("e.g. this stays one"), std::vector<size_t>{});              // SB8
  EXPECT_EQ(SentenceBreaks("It is 3.5 now. U.S.A fans"), (std::vector<size_t>{15}));    // SB6, SB7
  EXPECT_EQ(SentenceBreaks("He said \"stop.\" Then left"), (std::vector<size_t>{16}));  // SB9, SB10
  EXPECT_EQ(SentenceBreaks("one\r\ntwo\n\nthree"), (std::vector<size_t>{5, 9, 10}));    // SB3, SB4
  EXPECT_EQ(SentenceBreaks(""), std::vector<size_t>{});
  EXPECT_EQ(SentenceBreaks("Done."), std::vector<size_t>{});
}

// Random drafts built from pieces of every sentence-break class, ASCII and not, must
// break exactly where ICU's iterator does.
TEST(SentenceBreaks, EqualIcusIterator) {
  const std::vector<std::string> pieces = {
      "a",
      "b",
      "Z",
      "Mr",
      "U",
      "7",
      "42",
      " ",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\r",
      "\v",
      "\f",
      ".",
      ".",
      "!",
      "?",
      ",",
      ";",
      ":",
      "-",
      "'",
      "\"",
      "(",
      ")",
      "[",
      "]",
      "_",
      "#",
      "@",
      "e.g",
      "...",
      "?!",
      "\xC2\x85",          // NEL (Sep)
      "\xE2\x80\xA8",      // line separator (Sep)
      "\xE2\x80\xA9",      // paragraph separator (Sep)
      "\xC2\xA0",          // no-break space (Sp)
      "\xE3\x80\x80",      // ideographic space (Sp)
      "\xC3\xA9",          // é (Lower)
      "\xC3\x89",          // É (Upper)
      "\xC3\x9F",          // ß (Lower)
      "\xCC\x81",          // combining acute (Extend)
      "\xE2\x80\x8D",      // zero-width joiner (Extend)
      "\xC2\xAD",          // soft hyphen (Format)
      "\xEF\xBB\xBF",      // BOM (Format)
      "\xE2\x80\x99",      // ’ (Close)
      "\xE2\x80\x9D",      // ” (Close)
      "\xC2\xBB",          // » (Close)
      "\xE3\x80\x82",      // 。 (STerm)
      "\xEF\xBC\x8E",      // ． (ATerm)
      "\xE2\x80\xA4",      // one dot leader (ATerm)
      "\xEF\xBC\x8C",      // ， (SContinue)
      "\xD7\x90",          // א (OLetter)
      "\xE4\xB8\xAD",      // 中 (OLetter)
      "\xD9\xA3",          // ٣ (Numeric)
      "\xF0\x9F\x99\x8C",  // 🙌
      "\xF0\x9D\x90\x80",  // 𝐀 (Upper, outside the BMP)
  };
  testing::XorShift next(0x2545F4914F6CDD1DULL);
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    const size_t n = 1 + next() % 30;
    for (size_t i = 0; i < n; ++i) text += pieces[next() % pieces.size()];
    ASSERT_EQ(SentenceBreaks(text), SentenceBreaksWithIcu(text)) << "text: [" << text << "]";
  }
}

// SB8 looks ahead past anything but letters and terminators; a long run of those after
// one period is looked at once, not once per character.
TEST(SentenceBreaks, LongRunAfterATermStaysLinear) {
  std::string text = "a. " + std::string(200000, '1') + " b";
  EXPECT_EQ(SentenceBreaks(text), SentenceBreaksWithIcu(text));
  std::string closes = "a." + std::string(100000, ')') + " x";
  EXPECT_EQ(SentenceBreaks(closes), SentenceBreaksWithIcu(closes));
}

}  // namespace
}  // namespace discreet
