// The text renderer: compiler-style lines, a caret underline aligned by display width,
// and no crash whatever span a rule reports (inside a BOM, on a line terminator).
#include "report/text.h"

#include <gtest/gtest.h>

#include <memory>

namespace discreet {
namespace {

FileReport ReportWith(const std::string& text, std::vector<Span> spans) {
  FileReport r;
  r.path = "t.txt";
  r.document = std::make_shared<Document>(text);
  for (Span s : spans) {
    Finding f;
    f.rule = "contact-info";
    f.severity = Severity::kError;
    f.message = "m";
    f.span = s;
    r.findings.push_back(f);
  }
  return r;
}

TEST(DisplayWidth, WideNarrowAndZeroWidth) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x98\x80"), 2u);              // emoji
  EXPECT_EQ(DisplayWidth("\xE6\x9D\xB1\xE4\xBA\xAC"), 4u);      // 東京
  EXPECT_EQ(DisplayWidth("\xEF\xBC\xA1"), 2u);                  // fullwidth Ａ
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);                     // combining acute
  EXPECT_EQ(DisplayWidth("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), 4u);  // Hebrew
  EXPECT_EQ(DisplayWidth("\t"), 4u);
}

TEST(RenderText, CaretUnderWideText) {
  std::string text = "\xE6\x9D\xB1\xE4\xBA\xAC call 555-0100\n";
  FileReport r = ReportWith(text, {{12, 20}});
  std::string out = RenderText(r, {});
  EXPECT_NE(out.find("t.txt:1:9: error: m [contact-info]\n"), std::string::npos) << out;
  EXPECT_NE(out.find("   | " + std::string(10, ' ') + "^" + std::string(7, '~') + "\n"), std::string::npos) << out;
}

TEST(RenderText, TabsExpandInBothLines) {
  FileReport r = ReportWith("\tcall 555-0100", {{6, 14}});
  std::string out = RenderText(r, {});
  EXPECT_NE(out.find(" 1 |     call 555-0100\n"), std::string::npos) << out;
  EXPECT_NE(out.find("   | " + std::string(9, ' ') + "^" + std::string(7, '~') + "\n"), std::string::npos) << out;
}

TEST(RenderText, SpansInsideBomOrLineTerminatorDoNotCrash) {
  // Regression: a span starting inside the BOM or at the "\n" of "\r\n" used to index past
  // the printed line (std::out_of_range from substr).
  std::string text = "\xEF\xBB\xBFHi\r\nthere\r\n";
  FileReport r = ReportWith(text, {{0, 5}, {5, 7}, {6, 9}, {7, 14}, {14, 16}});
  std::string out;
  ASSERT_NO_THROW(out = RenderText(r, {}));
  EXPECT_NE(out.find(" 1 | Hi\n"), std::string::npos) << out;
}

TEST(RenderText, RedactionHidesTheLine) {
  FileReport r = ReportWith("call 555-0100 now", {{5, 13}});
  RenderOptions options;
  options.redact = true;
  std::string out = RenderText(r, options);
  EXPECT_EQ(out.find("555-0100"), std::string::npos) << out;
  EXPECT_NE(out.find("[contact-info:"), std::string::npos) << out;
}

TEST(RenderText, ColourOnlyWhenAsked) {
  FileReport r = ReportWith("call 555-0100", {{5, 13}});
  EXPECT_EQ(RenderText(r, {}).find('\x1b'), std::string::npos);
  RenderOptions options;
  options.color = true;
  EXPECT_NE(RenderText(r, options).find("\x1b[1;31m"), std::string::npos);
}

}  // namespace
}  // namespace discreet
