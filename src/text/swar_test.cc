#include "text/swar.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/xorshift.h"

namespace discreet::swar {
namespace {

// Each test against its one-byte definition, on random words of every byte value (and on
// words of bytes below 0x80 for InRange, which asks for them).
TEST(Swar, EachTestIsItsByteDefinition) {
  testing::XorShift next(0xA0761D6478BD642FULL);
  for (int round = 0; round < 20000; ++round) {
    char bytes[8];
    for (char& b : bytes) b = static_cast<char>(next() % 4 == 0 ? "_^@`\x7F\x80\xFF "[next() % 8] : next());
    const uint64_t x = Load(bytes);
    const uint64_t ascii = x & ~kHighs;
    const auto c = static_cast<unsigned char>(bytes[next() % 8]);
    uint64_t equal = 0, in_range = 0;
    size_t count = 0;
    for (int i = 0; i < 8; ++i) {
      const auto b = static_cast<unsigned char>(bytes[i]);
      if (b == c) equal |= uint64_t{0x80} << (8 * i);
      const auto a = static_cast<unsigned char>(b & 0x7F);
      if (a >= 'A' && a <= 'Z') in_range |= uint64_t{0x80} << (8 * i);
      count += b >= 0x80;
    }
    ASSERT_EQ(Equal(x, c), equal) << std::hex << x << " " << int{c};
    ASSERT_EQ(InRange(ascii, 'A', 'Z'), in_range) << std::hex << x;
    ASSERT_EQ(Count(x & kHighs), count) << std::hex << x;
    if (equal) {
      ASSERT_EQ(bytes[FirstByte(equal)], static_cast<char>(c));
    }
  }
}

}  // namespace
}  // namespace discreet::swar
