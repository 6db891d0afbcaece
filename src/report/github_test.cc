// The GitHub annotations renderer: the command line shape, escaping of data and
// properties (a message or path cannot break out of its command), UTF-16 columns, and
// redaction.
#include "report/github.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace discreet {
namespace {

FileReport ReportWith(const std::string& path, const std::string& text, Span span, std::string message = "A name.") {
  FileReport r;
  r.path = path;
  r.document = std::make_shared<Document>(text);
  Finding f;
  f.rule = "person-name";
  f.severity = Severity::kError;
  f.message = std::move(message);
  f.span = span;
  r.findings.push_back(f);
  return r;
}

TEST(GithubEscape, DataAndProperties) {
  EXPECT_EQ(EscapeGithubData("50% off\r\nnow: a, b"), "50%25 off%0D%0Anow: a, b");
  EXPECT_EQ(EscapeGithubProperty("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
}

TEST(Github, OneCommandPerFindingWithUtf16Columns) {
  // The emoji is two UTF-16 units: "Sally" starts at column 7 and ends before column 12.
  FileReport r = ReportWith("posts/a.md", "line one\nHi \xF0\x9F\x98\x80 Sally\n", {17, 22});
  RenderOptions options;
  options.redact = true;
  std::string out = RenderGithub(r, options);
  EXPECT_EQ(out.substr(0, out.find('\n')),
            "::error file=posts/a.md,line=2,col=7,endLine=2,endColumn=12,title=discreet person-name::A name. (" +
                ShownText(r, r.findings[0], options) + ")");
  EXPECT_EQ(out.find("Sally"), std::string::npos) << out;
  EXPECT_NE(out.find("\ndiscreet: posts/a.md: pass"), std::string::npos) << out;
}

TEST(Github, PathsAndMessagesCannotForgeCommands) {
  FileReport r = ReportWith("we,ird:\nname.md", "Sally\n", {0, 5}, "100% sure\n::error::forged");
  std::string out = RenderGithub(r, {.redact = false});
  EXPECT_NE(out.find("file=we%2Cird%3A%0Aname.md,line=1,col=1,endLine=1,endColumn=6,"), std::string::npos) << out;
  EXPECT_NE(out.find("::100%25 sure%0A::error::forged (\"Sally\")\n"), std::string::npos) << out;
  // Exactly two lines: the annotation and the verdict; nothing else starts a command.
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
  EXPECT_EQ(out.find("\n::"), std::string::npos) << out;
}

TEST(Github, SeverityPicksTheCommand) {
  FileReport r = ReportWith("a.txt", "Sally\n", {0, 5});
  r.findings[0].severity = Severity::kWarning;
  EXPECT_EQ(RenderGithub(r, {}).rfind("::warning ", 0), 0u);
  r.findings[0].severity = Severity::kInfo;
  EXPECT_EQ(RenderGithub(r, {}).rfind("::notice ", 0), 0u);
}

}  // namespace
}  // namespace discreet
