// Tests of the quasi-identifier helpers every QI detector reads numbers with.
#include "detect/qi_common.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace discreet::qi {
namespace {

TEST(SmallNumber, ReadsDigitsAndNumberWords) {
  EXPECT_EQ(SmallNumber("85"), 85);
  EXPECT_EQ(SmallNumber("0"), 0);
  EXPECT_EQ(SmallNumber("999"), 999);
  EXPECT_EQ(SmallNumber("1000"), std::nullopt);  // more than three digits
  EXPECT_EQ(SmallNumber("twenty"), 20);
  EXPECT_EQ(SmallNumber("seventeen"), 17);       // the longest words, past one packed integer
  EXPECT_EQ(SmallNumber("a hundred"), 100);
  EXPECT_EQ(SmallNumber("dozen"), 12);
  EXPECT_EQ(SmallNumber("one"), 1);
  EXPECT_EQ(SmallNumber("ten"), 10);
  EXPECT_EQ(SmallNumber("the"), std::nullopt);   // same length and first letter as "two", "ten"
  EXPECT_EQ(SmallNumber("twentyone"), std::nullopt);
  EXPECT_EQ(SmallNumber("seventeens"), std::nullopt);
  EXPECT_EQ(SmallNumber("eleventh"), std::nullopt);
  EXPECT_EQ(SmallNumber(""), std::nullopt);
  EXPECT_EQ(SmallNumber("Twenty"), std::nullopt);  // keys are folded; this one is not
}

// At a token the answer is its key's, found by the token's hash.
TEST(SmallNumber, AtATokenAsForItsKey) {
  for (const Token& t : Tokenize("Twenty-five cats, a dozen hens, 85 and 1,000 dogs; the 7 TEN #85 eleventh 6'8 twin"))
    EXPECT_EQ(SmallNumber(t), SmallNumber(t.key)) << t.key;
  EXPECT_EQ(SmallNumber(Tokenize("SEVENTEEN")[0]), 17);
  EXPECT_EQ(SmallNumber(Tokenize("the")[0]), std::nullopt);
}

TEST(SmallNumber, EveryNumberWord) {
  const std::pair<const char*, int> words[] = {
      {"zero", 0},       {"nought", 0},    {"one", 1},       {"two", 2},        {"twin", 2},        {"couple", 2},
      {"three", 3},      {"four", 4},      {"five", 5},      {"six", 6},        {"seven", 7},       {"eight", 8},
      {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},    {"a dozen", 12},    {"thirteen", 13},
      {"fourteen", 14},  {"fifteen", 15},  {"sixteen", 16},  {"eighteen", 18},  {"nineteen", 19},   {"thirty", 30},
      {"forty", 40},     {"fourty", 40},   {"fifty", 50},    {"sixty", 60},     {"seventy", 70},    {"eighty", 80},
      {"ninety", 90},    {"hundred", 100}};
  for (const auto& [word, value] : words) EXPECT_EQ(SmallNumber(word), value) << word;
}

TEST(ParseNumberAt, JoinsTensAndUnits) {
  auto at = [](const std::string& text, size_t i) { return ParseNumberAt(Tokenize(text), i); };
  auto n = at("eighty-five years", 0);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 85);
  EXPECT_EQ(n->last, 2u);
  n = at("eighty five", 0);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 85);
  EXPECT_FALSE(at("a couple of", 1));
  EXPECT_FALSE(at("zero", 0));
  EXPECT_EQ(at("85 years", 0)->value, 85);
}

TEST(NumberAt, AnswersAsParseNumberAtAtEveryToken) {
  const Document doc("An eighty-five year old, 6 foot 2, mother of four, twenty two cats, 0 dogs, a couple of "
                     "ninety nine and 1,000 more; thirty-");
  const std::vector<Token> tokens = Tokenize(doc);
  const ScanInput in{.doc = doc, .text = doc.scan_text(), .tokens = tokens};
  size_t numbers = 0;
  for (size_t i = 0; i <= tokens.size(); ++i) {  // one past the end too
    auto want = ParseNumberAt(tokens, i);
    auto got = NumberAt(in, i);
    ASSERT_EQ(got.has_value(), want.has_value()) << i;
    if (!want) continue;
    ++numbers;
    EXPECT_EQ(got->value, want->value) << i;
    EXPECT_EQ(got->last, want->last) << i;
  }
  EXPECT_GE(numbers, 8u);
}

}  // namespace
}  // namespace discreet::qi
