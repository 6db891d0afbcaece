#include "text/fixed_decimal.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <random>

namespace discreet {
namespace {

std::string Reference(double x, int decimals) {
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
  return std::string(buf, end);
}

TEST(FixedDecimal, RoundsHalfToEvenAsPrintfDoes) {
  EXPECT_EQ(FixedDecimal(0.25, 1), "0.2");
  EXPECT_EQ(FixedDecimal(0.75, 1), "0.8");
  EXPECT_EQ(FixedDecimal(0.05, 1), "0.1");  // 0.05 is a little above a half-tenth
  EXPECT_EQ(FixedDecimal(0.15, 1), "0.1");  // and 0.15 a little below
  EXPECT_EQ(FixedDecimal(2.5, 0), "2");
  EXPECT_EQ(FixedDecimal(3.5, 0), "4");
  EXPECT_EQ(FixedDecimal(12.34, 1), "12.3");
  EXPECT_EQ(FixedDecimal(89.95, 1), "90.0");
  EXPECT_EQ(FixedDecimal(330000000.0, 0), "330000000");
  EXPECT_EQ(FixedDecimal(-0.0, 1), "-0.0");
  EXPECT_EQ(FixedDecimal(-1.25, 1), "-1.2");
  EXPECT_EQ(FixedDecimal(1e300, 0), Reference(1e300, 0));
  EXPECT_EQ(FixedDecimal(0.123456, 3), "0.123");
}

// Every kind of figure a report prints, compared with to_chars: random values over many
// magnitudes, ties and near-ties of tenths and units, and their neighbouring doubles.
TEST(FixedDecimal, EqualsToCharsEverywhere) {
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> exponent(-8, 16);
  std::vector<double> values;
  for (int i = 0; i < 200000; ++i) values.push_back(std::pow(10.0, exponent(random)));
  for (int k = 0; k < 20000; ++k) {
    for (double tie : {k / 20.0, k / 2.0, k / 10.0, k + 0.05, k + 0.95}) {
      values.push_back(tie);
      values.push_back(std::nextafter(tie, 0.0));
      values.push_back(std::nextafter(tie, 1e300));
    }
  }
  for (double x : {999999.95, 999999.94999999, 1e6, 0x1p52, 0x1p52 + 2, 0x1p53, 4503599627370495.5})
    values.push_back(x);
  for (double x : values)
    for (int decimals : {0, 1, 2}) ASSERT_EQ(FixedDecimal(x, decimals), Reference(x, decimals)) << x << " " << decimals;
}

}  // namespace
}  // namespace discreet
