// End-to-end tests of `discreet check`: the real binary, its exit codes, streams, report
// formats, input handling, colour and redaction. Drafts are written only under a TempDir.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <string>
#include <vector>

#include "testing/run_binary.h"

namespace discreet {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using testing::RunDiscreet;
using testing::RunResult;
using testing::TempDir;
using json = nlohmann::json;

// The issue's "done when" draft: the email comes after an astral emoji.
const std::string kDoneWhen = "Call Jennifer at (503) 555-0147 \xF0\x9F\x98\x80 or jen@example.org\n";
const std::string kClean = "Super Bowl Sunday special: 20% off every 60-minute massage!\n";

json ParseJson(const RunResult& r) {
  json j = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << r.out << "\nstderr: " << r.err;
  return j;
}

const json* FindingWithText(const json& file, const std::string& text) {
  for (const json& f : file["findings"])
    if (f["text"] == text) return &f;
  return nullptr;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// --- The "done when" case -------------------------------------------------------------

TEST(CliDoneWhen, ReportsBothContactDetailsWithExactSpans) {
  RunResult r = RunDiscreet({"check", "--format", "json", "-"}, kDoneWhen);
  ASSERT_NE(r.exit_code, 2) << r.err;
  ASSERT_NE(r.exit_code, 3) << r.err;
  json j = ParseJson(r);
  EXPECT_EQ(j["schema"], "discreet.report/1");
  EXPECT_EQ(j["tool"]["name"], "discreet");
  ASSERT_EQ(j["files"].size(), 1u);
  const json& file = j["files"][0];
  EXPECT_EQ(file["path"], "<stdin>");
  EXPECT_TRUE(file["verdict"] == "block" || file["verdict"] == "warn" || file["verdict"] == "pass");

  const json* phone = FindingWithText(file, "(503) 555-0147");
  ASSERT_NE(phone, nullptr) << r.out;
  EXPECT_EQ((*phone)["rule"], "contact-info");
  EXPECT_EQ((*phone)["category"], "identifier");
  const json& ps = (*phone)["span"];
  EXPECT_EQ(ps["start"], 17);
  EXPECT_EQ(ps["end"], 31);
  EXPECT_EQ(ps["utf16_start"], 17);
  EXPECT_EQ(ps["utf16_end"], 31);
  EXPECT_EQ(ps["line"], 1);
  EXPECT_EQ(ps["column"], 18);
  EXPECT_EQ(ps["end_line"], 1);
  EXPECT_EQ(ps["end_column"], 32);

  const json* email = FindingWithText(file, "jen@example.org");
  ASSERT_NE(email, nullptr) << r.out;
  EXPECT_EQ((*email)["rule"], "contact-info");
  const json& es = (*email)["span"];
  EXPECT_EQ(es["start"], 40);  // bytes: the emoji is 4
  EXPECT_EQ(es["end"], 55);
  EXPECT_EQ(es["utf16_start"], 38);  // UTF-16: the emoji is 2
  EXPECT_EQ(es["utf16_end"], 53);
  EXPECT_EQ(es["line"], 1);
  EXPECT_EQ(es["column"], 38);  // code points: the emoji is 1
  EXPECT_EQ(es["end_line"], 1);
  EXPECT_EQ(es["end_column"], 53);
}

TEST(CliJson, FindingsFollowTheSchema) {
  RunResult r = RunDiscreet({"check", "--format=json", "-"}, kDoneWhen);
  json file = ParseJson(r)["files"][0];
  ASSERT_FALSE(file["findings"].empty());
  for (const json& f : file["findings"]) {
    for (const char* key : {"rule", "category", "severity", "message", "text", "span", "suggestions"})
      EXPECT_TRUE(f.contains(key)) << key << " in " << f.dump();
    for (const char* key : {"start", "end", "utf16_start", "utf16_end", "line", "column", "end_line", "end_column"})
      EXPECT_TRUE(f["span"][key].is_number_unsigned()) << key;
    EXPECT_TRUE(f["severity"] == "error" || f["severity"] == "warning" || f["severity"] == "info");
    if (f.contains("frequency")) {
      EXPECT_TRUE(f["bits"].is_number());
    }
  }
  EXPECT_TRUE(file["subjects"].is_array());
}

TEST(CliJson, CrLfAndBomPositions) {
  TempDir dir;
  std::string path = dir.Write("crlf.txt", "\xEF\xBB\xBFHello\r\nCall (503) 555-0147\r\n");
  RunResult r = RunDiscreet({"check", "--format", "json", path});
  const json j = ParseJson(r);
  const json* phone = FindingWithText(j["files"][0], "(503) 555-0147");
  ASSERT_NE(phone, nullptr) << r.out;
  const json& s = (*phone)["span"];
  EXPECT_EQ(s["start"], 15);       // bytes include the BOM
  EXPECT_EQ(s["utf16_start"], 12); // a browser's string does not
  EXPECT_EQ(s["line"], 2);
  EXPECT_EQ(s["column"], 6);
}

// --- Text output ------------------------------------------------------------------------

TEST(CliText, CompilerStyleLines) {
  TempDir dir;
  std::string path = dir.Write("draft.txt", "Hello.\nCall (503) 555-0147 now\n");
  RunResult r = RunDiscreet({"check", path});
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_GE(lines.size(), 3u) << r.out;
  std::regex head(R"(^(.+):(\d+):(\d+): (error|warning|info): .+ \[[a-z/-]+\]$)");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines[0], m, head)) << lines[0];
  EXPECT_EQ(m[1], path);
  EXPECT_EQ(m[2], "2");
  EXPECT_EQ(m[3], "6");
  EXPECT_EQ(lines[1], " 2 | Call (503) 555-0147 now");
  EXPECT_EQ(lines[2], "   | " + std::string(5, ' ') + "^" + std::string(13, '~'));
  // Then the verdict line (the risk explanation may follow it).
  EXPECT_THAT(r.out, HasSubstr("\n" + path + ": "));
}

// Where the caret stands: its display column in the caret line, relative to the text
// after " | " (the source line's text starts at the same place).
size_t CaretColumn(const std::string& out, const std::string& needle_line) {
  std::vector<std::string> lines = Lines(out);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].find(needle_line) == std::string::npos) continue;
    const std::string& caret = lines[i + 1];
    size_t bar = caret.find(" | ");
    size_t at = caret.find('^');
    if (bar == std::string::npos || at == std::string::npos) return std::string::npos;
    return at - (bar + 3);  // all ASCII before the caret
  }
  return std::string::npos;
}

TEST(CliText, CaretAlignedUnderEmoji) {
  // 😀 is two terminal columns wide: "😀😀 Call " is 2+2+1+5 = 10 columns.
  RunResult r = RunDiscreet({"check", "-"}, "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 Call (503) 555-0147\n");
  EXPECT_EQ(CaretColumn(r.out, "(503) 555-0147"), 10u) << r.out;
}

TEST(CliText, CaretAlignedUnderCjk) {
  // 東京の is three wide characters (6 columns), then " Call " (6).
  RunResult r = RunDiscreet({"check", "-"}, "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE Call (503) 555-0147\n");
  EXPECT_EQ(CaretColumn(r.out, "(503) 555-0147"), 12u) << r.out;
}

TEST(CliText, CaretAlignedAfterCombiningMarksAndHebrew) {
  // "Zoë" with a combining diaeresis is 3 columns; שלום is 4.
  RunResult r = RunDiscreet({"check", "-"}, "Zoe\xCC\x88 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D (503) 555-0147\n");
  EXPECT_EQ(CaretColumn(r.out, "(503) 555-0147"), 9u) << r.out;
}

TEST(CliText, UnderlineCoversTheMatch) {
  RunResult r = RunDiscreet({"check", "-"}, kDoneWhen);
  std::vector<std::string> lines = Lines(r.out);
  bool found = false;
  for (const std::string& l : lines) {
    // jen@example.org: 15 characters → "^" + 14 "~"; after "Call … 😀 or " (2-wide emoji).
    const std::string underline = "^" + std::string(14, '~');
    if (l.find(underline) != std::string::npos && l.find(underline + "~") == std::string::npos) {
      found = true;
      EXPECT_EQ(l.find('^') - (l.find(" | ") + 3), 38u) << l;
    }
  }
  EXPECT_TRUE(found) << r.out;
}

// --- Input handling ---------------------------------------------------------------------

TEST(CliInput, InvalidUtf8FileExits3WithOneLine) {
  TempDir dir;
  std::string path = dir.Write("bad.txt", "Hello \xF0\x9F\x98\x80 caf\xE9 ok\n");
  RunResult r = RunDiscreet({"check", path});
  EXPECT_EQ(r.exit_code, 3);
  // "Hello " 6 + emoji 4 + " caf" 4: the bad byte is at offset 14.
  EXPECT_EQ(r.err, "discreet: " + path + ": invalid UTF-8 at byte 14\n");
}

TEST(CliInput, InvalidUtf8OnStdin) {
  RunResult r = RunDiscreet({"check", "-"}, "ab\xFF" "cd");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "discreet: <stdin>: invalid UTF-8 at byte 2\n");
}

TEST(CliInput, InvalidUtf8DoesNotStopTheOtherFiles) {
  TempDir dir;
  std::string bad = dir.Write("bad.txt", "\xC0\x80");
  std::string good = dir.Write("good.txt", "Call (503) 555-0147\n");
  RunResult r = RunDiscreet({"check", "--format", "json", bad, good});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "discreet: " + bad + ": invalid UTF-8 at byte 0\n");
  json j = ParseJson(r);
  ASSERT_EQ(j["files"].size(), 1u);
  EXPECT_EQ(j["files"][0]["path"], good);
}

TEST(CliInput, LossyReplacesBadBytes) {
  RunResult r = RunDiscreet({"check", "--lossy", "--format", "json", "-"}, "caf\xE9 Call (503) 555-0147\n");
  EXPECT_NE(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.err, "");
  json file = ParseJson(r)["files"][0];
  EXPECT_NE(FindingWithText(file, "(503) 555-0147"), nullptr) << r.out;
}

TEST(CliInput, NamedBinaryFileExits3) {
  TempDir dir;
  std::string bin = dir.Write("photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  RunResult r = RunDiscreet({"check", bin});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, StartsWith("discreet: " + bin + ": binary"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST(CliInput, BinaryFileInsideADirectoryIsSkipped) {
  TempDir dir;
  dir.Write("posts/a.txt", kClean);
  dir.Write("posts/b.txt", std::string("GIF89a\0\0\0", 9));
  RunResult r = RunDiscreet({"check", "--format", "json", dir.path() + "/posts"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  json j = ParseJson(r);
  ASSERT_EQ(j["files"].size(), 1u);
  EXPECT_EQ(j["files"][0]["path"], dir.path() + "/posts/a.txt");
}

TEST(CliInput, MissingFileExits3AndOthersAreStillReported) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Call (503) 555-0147\n");
  std::string missing = dir.path() + "/missing.txt";
  RunResult r = RunDiscreet({"check", "--format", "json", missing, good});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "discreet: " + missing + ": No such file or directory\n");
  json j = ParseJson(r);
  ASSERT_EQ(j["files"].size(), 1u);
  EXPECT_EQ(j["files"][0]["path"], good);
  EXPECT_FALSE(j["files"][0]["findings"].empty());
}

TEST(CliInput, DirectoriesAreWalkedRecursivelyInOrder) {
  TempDir dir;
  dir.Write("blog/2024/b.md", kClean);
  dir.Write("blog/2024/a.txt", kClean);
  dir.Write("blog/index.html", "<p>Welcome</p>\n");
  dir.Write("blog/notes.TXT", kClean);
  dir.Write("blog/image.png", "not a post");
  dir.Write("blog/.git/config.txt", "hidden");
  dir.Write("blog/.drafts/x.md", "hidden");
  RunResult r = RunDiscreet({"check", "--format", "json", dir.path() + "/blog"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> paths;
  const json j = ParseJson(r);
  for (const json& f : j["files"]) paths.push_back(f["path"]);
  std::string b = dir.path() + "/blog/";
  EXPECT_EQ(paths, (std::vector<std::string>{b + "2024/a.txt", b + "2024/b.md", b + "index.html", b + "notes.TXT"}));
}

TEST(CliInput, SeveralFilesInTheOrderGiven) {
  TempDir dir;
  std::string one = dir.Write("z.txt", kClean);
  std::string two = dir.Write("a.txt", "Call (503) 555-0147\n");
  RunResult r = RunDiscreet({"check", "--format", "json", one, two});
  json j = ParseJson(r);
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["path"], one);
  EXPECT_EQ(j["files"][1]["path"], two);
  EXPECT_TRUE(j["files"][0]["findings"].empty());
  EXPECT_FALSE(j["files"][1]["findings"].empty());
  // Text: one verdict line per file.
  RunResult t = RunDiscreet({"check", one, two});
  EXPECT_THAT(t.out, HasSubstr(one + ": pass"));
  EXPECT_THAT(t.out, HasSubstr(two + ": "));
}

TEST(CliInput, StdinWithDashOrNoArguments) {
  RunResult dash = RunDiscreet({"check", "-"}, "Call (503) 555-0147\n");
  RunResult none = RunDiscreet({"check"}, "Call (503) 555-0147\n");
  EXPECT_THAT(dash.out, StartsWith("<stdin>:1:6: "));
  EXPECT_EQ(dash.out, none.out);
  EXPECT_EQ(dash.exit_code, none.exit_code);
}

TEST(CliInput, EmptyInputPasses) {
  RunResult r = RunDiscreet({"check", "-"}, "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<stdin>: pass"));
}

TEST(CliInput, DoubleDashEndsOptions) {
  TempDir dir;
  std::string path = dir.Write("-odd.txt", kClean);
  RunResult r = RunDiscreet({"check", "--", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// --- Exit codes -------------------------------------------------------------------------

struct VerdictRun {
  std::string verdict;
  int exit_block, exit_warn, exit_never;
};

VerdictRun RunAllFailOn(const std::string& draft) {
  VerdictRun v;
  json j = ParseJson(RunDiscreet({"check", "--format", "json", "--fail-on", "never", "-"}, draft));
  v.verdict = j["files"][0]["verdict"];
  v.exit_block = RunDiscreet({"check", "--fail-on", "block", "-"}, draft).exit_code;
  v.exit_warn = RunDiscreet({"check", "--fail-on=warn", "-"}, draft).exit_code;
  v.exit_never = RunDiscreet({"check", "--fail-on", "never", "-"}, draft).exit_code;
  return v;
}

TEST(CliExit, FailOnFollowsTheVerdict) {
  for (const std::string& draft :
       {kClean, kDoneWhen, std::string("My client Jennifer cried on my table today. Her cell is (503) 555-0147.\n"),
        std::string("A client of mine came in on Dec 3 after her surgery.\n")}) {
    SCOPED_TRACE(draft);
    VerdictRun v = RunAllFailOn(draft);
    EXPECT_EQ(v.exit_never, 0);
    EXPECT_EQ(v.exit_block, v.verdict == "block" ? 1 : 0) << v.verdict;
    EXPECT_EQ(v.exit_warn, v.verdict == "pass" ? 0 : 1) << v.verdict;
  }
}

TEST(CliExit, ClientContactDetailsBlock) {
  // DESIGN.md: "a contact/id number with client context" blocks, and fails the default run.
  const std::string draft = "My client Jennifer loved her massage today. Her cell is (503) 555-0147.\n";
  RunResult r = RunDiscreet({"check", "--format", "json", "-"}, draft);
  json file = ParseJson(r)["files"][0];
  bool client_context = false;
  for (const json& f : file["findings"]) client_context = client_context || f["rule"] == "client-context";
  if (!client_context) GTEST_SKIP() << "no client-context rule loaded in this build";
  EXPECT_EQ(file["verdict"], "block");
  EXPECT_EQ(r.exit_code, 1);
}

TEST(CliExit, CleanDraftPasses) {
  VerdictRun v = RunAllFailOn(kClean);
  EXPECT_EQ(v.verdict, "pass");
  EXPECT_EQ(v.exit_block, 0);
  EXPECT_EQ(v.exit_warn, 0);
}

TEST(CliExit, DefaultFailOnIsBlock) {
  for (const std::string& draft : {kClean, kDoneWhen}) {
    RunResult plain = RunDiscreet({"check", "-"}, draft);
    RunResult block = RunDiscreet({"check", "--fail-on", "block", "-"}, draft);
    EXPECT_EQ(plain.exit_code, block.exit_code);
  }
}

struct UsageCase {
  std::vector<std::string> args;
  std::string err_contains;
};

class CliUsage : public ::testing::TestWithParam<UsageCase> {};

TEST_P(CliUsage, Exits2WithAMessage) {
  RunResult r = RunDiscreet(GetParam().args, kClean);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(GetParam().err_contains));
  EXPECT_EQ(r.out, "");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CliUsage,
    ::testing::Values(UsageCase{{"check", "--format", "xml", "-"}, "--format 'xml'"},
                      UsageCase{{"check", "--format"}, "--format needs a value"},
                      UsageCase{{"check", "--fail-on", "sometimes", "-"}, "--fail-on 'sometimes'"},
                      UsageCase{{"check", "--color", "purple", "-"}, "--color 'purple'"},
                      UsageCase{{"check", "--frobnicate", "-"}, "unknown option '--frobnicate'"},
                      UsageCase{{"check", "-x"}, "unknown option '-x'"},
                      UsageCase{{"frobnicate"}, "unknown command 'frobnicate'"},
                      UsageCase{{}, "Usage"}),
    [](const auto& info) { return "case" + std::to_string(info.index); });

TEST(CliHelp, HelpAndVersion) {
  RunResult help = RunDiscreet({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("discreet check"));
  RunResult check_help = RunDiscreet({"check", "--help"});
  EXPECT_EQ(check_help.exit_code, 0);
  EXPECT_THAT(check_help.out, HasSubstr("--fail-on"));
  EXPECT_THAT(check_help.out, HasSubstr("--format"));
  RunResult version = RunDiscreet({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(std::regex_match(version.out, std::regex(R"(discreet \d+\.\d+\.\d+\n)"))) << version.out;
}

// --- Colour -----------------------------------------------------------------------------

bool HasAnsi(const std::string& s) { return s.find("\x1b[") != std::string::npos; }

TEST(CliColor, NeverWhenNotATerminal) {
  EXPECT_FALSE(HasAnsi(RunDiscreet({"check", "-"}, kDoneWhen).out));
  EXPECT_FALSE(HasAnsi(RunDiscreet({"check", "--color", "auto", "-"}, kDoneWhen).out));
  EXPECT_FALSE(HasAnsi(RunDiscreet({"check", "-"}, kDoneWhen, {{"NO_COLOR", "1"}}).out));
}

TEST(CliColor, AlwaysGivesAnsiInTextOnly) {
  std::string text = RunDiscreet({"check", "--color", "always", "-"}, kDoneWhen).out;
  EXPECT_TRUE(HasAnsi(text));
  EXPECT_THAT(text, HasSubstr("\x1b[1;31m"));  // errors in red
  EXPECT_FALSE(HasAnsi(RunDiscreet({"check", "--color", "always", "--format", "json", "-"}, kDoneWhen).out));
  EXPECT_FALSE(HasAnsi(RunDiscreet({"check", "--color", "never", "-"}, kDoneWhen).out));
}

// Runs the binary on a pseudo-terminal, so that isatty(stdout) is true.
std::string RunOnTerminal(const std::string& file, bool no_color) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (no_color) setenv("NO_COLOR", "1", 1);
    else unsetenv("NO_COLOR");
    unsetenv("CI");
    execl(DISCREET_BINARY, DISCREET_BINARY, "check", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string out;
  char buf[4096];
  while (true) {
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has exited
    out.append(buf, static_cast<size_t>(n));
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

TEST(CliColor, AutoOnATerminalUnlessNoColor) {
  TempDir dir;
  std::string path = dir.Write("draft.txt", kDoneWhen);
  EXPECT_TRUE(HasAnsi(RunOnTerminal(path, false)));
  EXPECT_FALSE(HasAnsi(RunOnTerminal(path, true)));
}

// --- Redaction --------------------------------------------------------------------------

const std::vector<std::string> kSecrets = {"555-0147", "(503)", "jen@example.org", "jen@", "Jennifer"};

TEST(CliRedact, CiHidesMatchedTextInText) {
  RunResult r = RunDiscreet({"check", "-"}, kDoneWhen, {{"CI", "1"}});
  for (const std::string& s : kSecrets) EXPECT_THAT(r.out, Not(HasSubstr(s))) << r.out;
  EXPECT_THAT(r.out, HasSubstr("[contact-info:"));
  EXPECT_THAT(r.err, Not(HasSubstr("555")));
}

TEST(CliRedact, CiHidesMatchedTextInJson) {
  RunResult r = RunDiscreet({"check", "--format", "json", "-"}, kDoneWhen, {{"CI", "true"}});
  for (const std::string& s : kSecrets) EXPECT_THAT(r.out, Not(HasSubstr(s))) << r.out;
  json file = ParseJson(r)["files"][0];
  ASSERT_FALSE(file["findings"].empty());
  bool phone_span = false;
  for (const json& f : file["findings"]) {
    EXPECT_TRUE(std::regex_match(f["text"].get<std::string>(), std::regex(R"(\[[a-z/-]+:[0-9a-f]{6}\])")))
        << f["text"];
    // Spans stay: a tool can still point at the place without the text.
    phone_span = phone_span || f["span"]["start"] == 17;
  }
  EXPECT_TRUE(phone_span);
}

TEST(CliRedact, RedactedTagsAreStableAndDistinct) {
  RunResult a = RunDiscreet({"check", "--redact", "--format", "json", "-"}, kDoneWhen);
  RunResult b = RunDiscreet({"check", "--redact", "--format", "json", "-"}, kDoneWhen);
  EXPECT_EQ(a.out, b.out);
  json file = ParseJson(a)["files"][0];
  ASSERT_GE(file["findings"].size(), 2u);
  EXPECT_NE(file["findings"][0]["text"], file["findings"][1]["text"]);
}

TEST(CliRedact, NoRedactShowsTextUnderCi) {
  RunResult r = RunDiscreet({"check", "--no-redact", "-"}, kDoneWhen, {{"CI", "1"}});
  EXPECT_THAT(r.out, HasSubstr("(503) 555-0147"));
  EXPECT_THAT(r.out, HasSubstr("jen@example.org"));
}

TEST(CliRedact, EmptyCiDoesNotRedact) {
  RunResult r = RunDiscreet({"check", "-"}, kDoneWhen, {{"CI", ""}});
  EXPECT_THAT(r.out, HasSubstr("jen@example.org"));
}

// --- Examples shipped in the repository -------------------------------------------------

TEST(CliExamples, ShippedDraftsHaveTheDocumentedVerdicts) {
  std::string dir = std::string(DISCREET_SOURCE_DIR) + "/examples/";
  json draft = ParseJson(RunDiscreet({"check", "--format", "json", dir + "draft.txt"}))["files"][0];
  EXPECT_NE(FindingWithText(draft, "(503) 555-0147"), nullptr);
  RunResult promo = RunDiscreet({"check", "--fail-on", "warn", dir + "promo.txt"});
  EXPECT_EQ(promo.exit_code, 0) << promo.out;
}

}  // namespace
}  // namespace discreet
