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

}  // namespace
}  // namespace discreet::qi
