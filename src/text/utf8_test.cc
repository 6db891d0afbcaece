// UTF-8 validation, repair and decoding: what counts as valid input decides whether a
// draft is checked or refused, and every offset the reports print depends on it.
#include "text/utf8.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace discreet {
namespace {

struct InvalidCase {
  const char* name;
  std::string bytes;
  std::optional<size_t> first_bad;  // nullopt: valid
};

class Utf8Validity : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(Utf8Validity, FindsFirstInvalidByte) {
  const InvalidCase& c = GetParam();
  EXPECT_EQ(FindInvalidUtf8(c.bytes), c.first_bad) << c.name;
}

TEST_P(Utf8Validity, RepairIsValidAndKeepsTheValidPrefix) {
  const InvalidCase& c = GetParam();
  std::string repaired = RepairUtf8(c.bytes);
  EXPECT_FALSE(FindInvalidUtf8(repaired).has_value()) << c.name;
  if (!c.first_bad) {
    EXPECT_EQ(repaired, c.bytes) << c.name;
  } else {
    EXPECT_EQ(repaired.substr(0, *c.first_bad), c.bytes.substr(0, *c.first_bad)) << c.name;
    EXPECT_NE(repaired.find("\xEF\xBF\xBD"), std::string::npos) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Utf8Validity,
    ::testing::Values(
        InvalidCase{"empty", "", std::nullopt},
        InvalidCase{"ascii", "Call Jennifer at 555-0147", std::nullopt},
        InvalidCase{"long ascii (fast path)", std::string(1000, 'a'), std::nullopt},
        InvalidCase{"two-byte", "Zo\xC3\xAB Lef\xC3\xA8vre", std::nullopt},
        InvalidCase{"three-byte CJK", "\xE6\x9D\xB1\xE4\xBA\xAC", std::nullopt},
        InvalidCase{"four-byte emoji", "\xF0\x9F\x98\x80", std::nullopt},
        InvalidCase{"largest code point U+10FFFF", "\xF4\x8F\xBF\xBF", std::nullopt},
        InvalidCase{"U+FFFF noncharacter is valid UTF-8", "\xEF\xBF\xBF", std::nullopt},
        InvalidCase{"BOM", "\xEF\xBB\xBFhi", std::nullopt},
        InvalidCase{"NUL is valid UTF-8", std::string("a\0b", 3), std::nullopt},
        InvalidCase{"lone continuation byte", "ab\x80", 2},
        InvalidCase{"0xFF", "\xFF", 0},
        InvalidCase{"0xFE", "x\xFE", 1},
        InvalidCase{"overlong 2-byte C0 80 (NUL)", "\xC0\x80", 0},
        InvalidCase{"overlong 2-byte C1 BF", "a\xC1\xBF", 1},
        InvalidCase{"overlong 3-byte E0 80 AF ('/')", "\xE0\x80\xAF", 0},
        InvalidCase{"overlong 3-byte E0 9F BF", "\xE0\x9F\xBF", 0},
        InvalidCase{"overlong 4-byte F0 8F BF BF", "\xF0\x8F\xBF\xBF", 0},
        InvalidCase{"high surrogate ED A0 80", "ok \xED\xA0\x80", 3},
        InvalidCase{"low surrogate ED BF BF", "\xED\xBF\xBF", 0},
        InvalidCase{"last before surrogates ED 9F BF is valid", "\xED\x9F\xBF", std::nullopt},
        InvalidCase{"above U+10FFFF F4 90 80 80", "\xF4\x90\x80\x80", 0},
        InvalidCase{"F5 lead", "\xF5\x80\x80\x80", 0},
        InvalidCase{"truncated 2-byte at end", "abc\xC3", 3},
        InvalidCase{"truncated 3-byte at end", "abc\xE6\x9D", 3},
        InvalidCase{"truncated 4-byte at end", "\xF0\x9F\x98", 0},
        InvalidCase{"truncated 4-byte before ASCII", "\xF0\x9F\x98 x", 0},
        InvalidCase{"bad byte after 8 ASCII bytes (past the fast path)", "12345678\x80", 8},
        InvalidCase{"bad byte at 13 after an emoji", "Call \xF0\x9F\x98\x80 now\xFF!", 13},
        InvalidCase{"latin-1 e-acute", "caf\xE9", 3}),
    [](const auto& info) { return "case" + std::to_string(info.index); });

TEST(Utf8Repair, OneReplacementPerMaximalSubpart) {
  // WHATWG: a truncated sequence is one U+FFFD; each stray byte is its own.
  EXPECT_EQ(RepairUtf8("a\xF0\x9F\x98" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(RepairUtf8("\x80\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("\xE6\x9D" "x"), "\xEF\xBF\xBD" "x");
  EXPECT_EQ(RepairUtf8("ok"), "ok");
}

TEST(Utf8Decode, DecodesEachLengthAndAdvances) {
  std::string s = "a\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x98\x80";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, pos), U'a');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(s, pos), U'\u00E9');
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(DecodeUtf8(s, pos), U'\u6771');
  EXPECT_EQ(pos, 6u);
  EXPECT_EQ(DecodeUtf8(s, pos), U'\U0001F600');
  EXPECT_EQ(pos, 10u);
}

TEST(Utf8Decode, TruncatedSequenceStillAdvances) {
  std::string s = "\xF0\x9F";
  size_t pos = 0;
  DecodeUtf8(s, pos);
  EXPECT_GT(pos, 0u);
  EXPECT_LE(pos, s.size());
}

TEST(Utf8Encode, RoundTripsEveryLength) {
  for (char32_t cp : {U'\0', U'A', U'\u007F', U'\u0080', U'\u07FF', U'\u0800', U'\uFFFD', U'\U00010000',
                      U'\U0001F600', U'\U0010FFFF'}) {
    std::string s;
    AppendUtf8(s, cp);
    EXPECT_EQ(s.size(), Utf8SequenceLength(static_cast<unsigned char>(s[0]))) << static_cast<uint32_t>(cp);
    EXPECT_FALSE(FindInvalidUtf8(s).has_value());
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(s, pos), cp);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(Utf8SequenceLength, ContinuationByteCountsOne) {
  EXPECT_EQ(Utf8SequenceLength(0x80), 1u);
  EXPECT_EQ(Utf8SequenceLength(0xBF), 1u);
  EXPECT_EQ(Utf8SequenceLength('a'), 1u);
  EXPECT_EQ(Utf8SequenceLength(0xC3), 2u);
  EXPECT_EQ(Utf8SequenceLength(0xE6), 3u);
  EXPECT_EQ(Utf8SequenceLength(0xF0), 4u);
}

}  // namespace
}  // namespace discreet
