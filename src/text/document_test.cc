// Document offset maps: byte ↔ UTF-16 ↔ line/column. Every span a report prints goes
// through these, and a browser extension highlights by the UTF-16 numbers.
#include "text/document.h"

#include <gtest/gtest.h>

#include <string>

namespace discreet {
namespace {

struct Pos {
  size_t byte, utf16, code_point, line, column;
};

void ExpectPositions(const std::string& text, std::initializer_list<Pos> expected) {
  Document doc(text);
  for (const Pos& p : expected) {
    SCOPED_TRACE("byte " + std::to_string(p.byte));
    EXPECT_EQ(doc.Utf16Offset(p.byte), p.utf16);
    EXPECT_EQ(doc.CodePointOffset(p.byte), p.code_point);
    LineColumn lc = doc.Position(p.byte);
    EXPECT_EQ(lc.line, p.line);
    EXPECT_EQ(lc.column, p.column);
    const Document::Location at = doc.Locate(p.byte);  // the same, at once
    EXPECT_EQ(at.utf16, p.utf16);
    EXPECT_EQ(at.position.line, p.line);
    EXPECT_EQ(at.position.column, p.column);
  }
}

TEST(Document, Ascii) {
  ExpectPositions("Call Jennifer", {{0, 0, 0, 1, 1}, {5, 5, 5, 1, 6}, {13, 13, 13, 1, 14}});
}

TEST(Document, EmojiIsTwoUtf16UnitsAndOneColumn) {
  // "Call Jennifer at (503) 555-0147 😀 or jen@example.org": the email after the emoji.
  std::string t = "Call Jennifer at (503) 555-0147 \xF0\x9F\x98\x80 or jen@example.org\n";
  ExpectPositions(t, {{17, 17, 17, 1, 18},
                      {31, 31, 31, 1, 32},
                      {32, 32, 32, 1, 33},   // the emoji
                      {36, 34, 33, 1, 34},   // after it: 4 bytes, 2 units, 1 code point
                      {40, 38, 37, 1, 38},   // jen@
                      {55, 53, 52, 1, 53},
                      {56, 54, 53, 2, 1}});  // after the newline
}

TEST(Document, OtherAstralCharacters) {
  // U+1D11E MUSICAL SYMBOL G CLEF, U+20000 (CJK Ext. B), a flag (two regional indicators).
  std::string t = "\xF0\x9D\x84\x9E" "a" "\xF0\xA0\x80\x80" "b" "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7" "c";
  ExpectPositions(t, {{4, 2, 1, 1, 2}, {5, 3, 2, 1, 3}, {9, 5, 3, 1, 4}, {10, 6, 4, 1, 5}, {18, 10, 6, 1, 7},
                      {19, 11, 7, 1, 8}});
}

TEST(Document, CombiningMarksCountAsCodePoints) {
  // "e" + U+0301 COMBINING ACUTE: one grapheme, two code points, two UTF-16 units.
  std::string t = "Zoe\xCC\x81 x";
  ExpectPositions(t, {{3, 3, 3, 1, 4}, {5, 4, 4, 1, 5}, {6, 5, 5, 1, 6}});
}

TEST(Document, CjkIsOneUnitPerCharacter) {
  std::string t = "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE Ana";  // 東京の Ana
  ExpectPositions(t, {{3, 1, 1, 1, 2}, {9, 3, 3, 1, 4}, {10, 4, 4, 1, 5}, {13, 7, 7, 1, 8}});
}

TEST(Document, RightToLeftTextIsLogicalOrder) {
  // Hebrew "שלום" then Arabic "سلام": offsets follow storage order, not display order.
  std::string t = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 ok";
  ExpectPositions(t, {{8, 4, 4, 1, 5}, {9, 5, 5, 1, 6}, {17, 9, 9, 1, 10}, {18, 10, 10, 1, 11}});
}

TEST(Document, CrLfLineEnds) {
  std::string t = "one\r\ntwo\r\n\r\nfour";
  Document doc(t);
  EXPECT_EQ(doc.line_count(), 4u);
  EXPECT_EQ(doc.Line(1), "one");
  EXPECT_EQ(doc.Line(2), "two");
  EXPECT_EQ(doc.Line(3), "");
  EXPECT_EQ(doc.Line(4), "four");
  ExpectPositions(t, {{5, 5, 5, 2, 1}, {7, 7, 7, 2, 3}, {12, 12, 12, 4, 1}, {15, 15, 15, 4, 4}});
  // The "\r" of "\r\n" belongs to the line it ends.
  EXPECT_EQ(doc.Position(3).line, 1u);
  EXPECT_EQ(doc.Position(4).line, 1u);
}

TEST(Document, LoneCrEndsALine) {
  std::string t = "one\rtwo\rthree";
  Document doc(t);
  EXPECT_EQ(doc.line_count(), 3u);
  EXPECT_EQ(doc.Line(2), "two");
  EXPECT_EQ(doc.Line(3), "three");
  ExpectPositions(t, {{4, 4, 4, 2, 1}, {8, 8, 8, 3, 1}, {10, 10, 10, 3, 3}});
}

TEST(Document, MixedLineEnds) {
  std::string t = "a\nb\r\nc\rd";
  Document doc(t);
  EXPECT_EQ(doc.line_count(), 4u);
  EXPECT_EQ(doc.Position(7).line, 4u);
  EXPECT_EQ(doc.LineStart(3), 5u);
}

// Offsets are counted 64 bytes at a time: a "\r\n" split across two blocks is one line end,
// and a lone "\r" at a block's end is one too.
TEST(Document, LineEndsAcrossBlockEdges) {
  std::string t = std::string(63, 'a') + "\r\n" + std::string(62, 'b') + "\r" + "c";
  Document doc(t);
  EXPECT_EQ(doc.line_count(), 3u);
  EXPECT_EQ(doc.LineStart(2), 65u);
  EXPECT_EQ(doc.LineStart(3), 128u);
  EXPECT_EQ(doc.Line(3), "c");
  EXPECT_EQ(doc.Position(128).line, 3u);
}

TEST(Document, TrailingNewlineStartsAnEmptyLine) {
  Document doc("x\n");
  EXPECT_EQ(doc.line_count(), 2u);
  EXPECT_EQ(doc.Line(2), "");
  EXPECT_EQ(doc.Position(2).line, 2u);
}

TEST(Document, BomIsNotCounted) {
  std::string t = "\xEF\xBB\xBFHi \xF0\x9F\x98\x80 Sam\nok";
  Document doc(t);
  EXPECT_TRUE(doc.has_bom());
  EXPECT_EQ(doc.Line(1), "Hi \xF0\x9F\x98\x80 Sam");
  EXPECT_EQ(doc.Line(2), "ok");
  ExpectPositions(t, {{0, 0, 0, 1, 1},
                      {3, 0, 0, 1, 1},    // "H": first column, offset 0 in a browser's string
                      {6, 3, 3, 1, 4},    // the emoji
                      {11, 6, 5, 1, 6},   // "Sam"
                      {15, 10, 9, 2, 1},  // "ok"
                      {17, 12, 11, 2, 3}});
}

TEST(Document, NoBomWithoutAllThreeBytes) {
  Document doc("\xEF\xBB" "a" "\xBF");  // not valid UTF-8 either; only has_bom matters here
  EXPECT_FALSE(doc.has_bom());
}

TEST(Document, EmptyText) {
  Document doc("");
  EXPECT_EQ(doc.line_count(), 1u);
  EXPECT_EQ(doc.Line(1), "");
  EXPECT_EQ(doc.Utf16Offset(0), 0u);
  EXPECT_EQ(doc.Position(0).line, 1u);
  EXPECT_EQ(doc.Position(0).column, 1u);
}

TEST(Document, OffsetsPastTheEndClampToTheEnd) {
  Document doc("ab\xF0\x9F\x98\x80");
  EXPECT_EQ(doc.Utf16Offset(100), 4u);
  EXPECT_EQ(doc.CodePointOffset(100), 3u);
}

// Every offset of `t` against a count made here, byte by byte.
void ExpectOffsetsMatchACount(const std::string& t) {
  Document doc(t);
  size_t units = 0, cps = 0, line = 1, column = 1;
  for (size_t i = 0; i <= t.size(); ++i) {
    unsigned char b = i < t.size() ? static_cast<unsigned char>(t[i]) : 0;
    bool boundary = i == t.size() || (b & 0xC0) != 0x80;
    if (boundary) {
      ASSERT_EQ(doc.Utf16Offset(i), units) << i;
      ASSERT_EQ(doc.CodePointOffset(i), cps) << i;
      LineColumn lc = doc.Position(i);
      ASSERT_EQ(lc.line, line) << i;
      ASSERT_EQ(lc.column, column) << i;
      const Document::Location at = doc.Locate(i);
      ASSERT_EQ(at.utf16, units) << i;
      ASSERT_EQ(at.position.line, line) << i;
      ASSERT_EQ(at.position.column, column) << i;
    }
    if (i == t.size()) break;
    if (boundary) {
      ++cps;
      units += b >= 0xF0 ? 2 : 1;
      ++column;
    }
    if (b == '\n' || (b == '\r' && (i + 1 >= t.size() || t[i + 1] != '\n'))) {
      ++line;
      column = 1;
    }
  }
  EXPECT_EQ(doc.line_count(), line);
}

TEST(Document, LongInputAcrossCheckpointsMatchesACount) {
  // Many 64-byte checkpoint blocks with every sequence length, on many lines.
  std::string t;
  for (int i = 0; i < 500; ++i) {
    t += "x\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x98\x80";
    if (i % 7 == 0) t += "\r\n";
    if (i % 11 == 0) t += "\r";
    if (i % 13 == 0) t += "\n";
  }
  ExpectOffsetsMatchACount(t);
}

// Blocks of only ASCII are counted without a pass over their bytes: runs of ASCII of
// every length between the emoji and accents, so that blocks of both kinds alternate.
TEST(Document, AsciiBlocksBesideOthersMatchACount) {
  std::string t;
  for (int i = 0; i < 300; ++i) {
    t += std::string(static_cast<size_t>(i % 150), static_cast<char>('a' + i % 26));
    t += i % 3 == 0 ? "\xF0\x9F\x92\x9C" : i % 3 == 1 ? "\xC3\xA9" : "\n";
  }
  ExpectOffsetsMatchACount(t);
  ExpectOffsetsMatchACount(std::string(1000, 'a'));
}

TEST(Document, ScanTextKeepsLength) {
  Document doc("Hi <b>Sam</b>");
  EXPECT_EQ(doc.scan_text(), doc.text());
  doc.SetScanText("Hi    Sam    ");
  EXPECT_EQ(doc.scan_text(), "Hi    Sam    ");
  EXPECT_THROW(doc.SetScanText("short"), std::logic_error);
}

TEST(Span, OverlapsAndContains) {
  Span a{2, 5}, b{4, 8}, c{5, 6}, d{3, 4};
  EXPECT_TRUE(a.Overlaps(b));
  EXPECT_FALSE(a.Overlaps(c));
  EXPECT_TRUE(a.Contains(d));
  EXPECT_FALSE(a.Contains(b));
  EXPECT_EQ(a.size(), 3u);
}

}  // namespace
}  // namespace discreet
