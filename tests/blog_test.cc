// End-to-end tests of issue 7 (blog posts and pre-commit) through the real binary: the
// Markdown done-when post, --format sarif and github, the baseline command and
// --baseline, --staged against a real git index, and parallel checking in input order.
// Drafts are written only under a TempDir.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "testing/run_binary.h"

namespace discreet {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunDiscreet;
using testing::RunResult;
using testing::TempDir;
using json = nlohmann::json;
namespace fs = std::filesystem;

json ParseJson(const RunResult& r) {
  json j = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << r.out << "\nstderr: " << r.err;
  return j;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t CountLines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// A post that blocks on its own: a client named in a sentence about a session.
const std::string kNamedClient = "I massaged Mary Jones today.\n";

// --- The done-when post -------------------------------------------------------

// Front matter names a client in the title, an image's alt text names one, and a fenced
// code block holds a name: exactly the first two are reported, at their line and column.
const std::string kDoneWhenPost =
    "---\n"
    "title: \"A week with Mary Jones\"\n"
    "layout: post\n"
    "---\n"
    "\n"
    "# Notes from the studio\n"
    "\n"
    "![Sally Whitfield after her massage](sally.jpg)\n"
    "\n"
    "```python\n"
    "print(\"Peter Hargreaves\")\n"
    "```\n";

TEST(BlogDoneWhen, FrontMatterAndAltTextReportedCodeBlockNot) {
  TempDir dir;
  std::string post = dir.Write("post.md", kDoneWhenPost);
  RunResult r = RunDiscreet({"check", "--format", "json", "--no-redact", "--fail-on", "never", post});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json file = ParseJson(r)["files"][0];
  std::vector<json> names;
  for (const json& f : file["findings"]) {
    EXPECT_LT(f["span"]["line"].get<int>(), 10) << "a finding in the code block: " << f.dump();
    if (f["rule"] == "person-name") names.push_back(f);
  }
  ASSERT_EQ(names.size(), 2u) << file["findings"].dump(1);
  EXPECT_EQ(names[0]["text"], "Mary Jones");
  EXPECT_EQ(names[0]["span"]["line"], 2);
  EXPECT_EQ(names[0]["span"]["column"], 21);
  EXPECT_EQ(names[0]["span"]["start"], kDoneWhenPost.find("Mary Jones"));
  EXPECT_EQ(names[1]["text"], "Sally Whitfield");
  EXPECT_EQ(names[1]["span"]["line"], 8);
  EXPECT_EQ(names[1]["span"]["column"], 3);
  EXPECT_EQ(names[1]["span"]["start"], kDoneWhenPost.find("Sally Whitfield"));
  EXPECT_THAT(r.out, Not(HasSubstr("Hargreaves")));

  // The text report points at the same places.
  RunResult text = RunDiscreet({"check", "--fail-on", "never", post});
  EXPECT_THAT(text.out, HasSubstr(post + ":2:21: warning:"));
  EXPECT_THAT(text.out, HasSubstr(post + ":8:3: error:"));
}

// --- --format sarif -------------------------------------------------------------------

TEST(BlogSarif, RelativeUriRedactedRegionAndExitCode) {
  TempDir dir;
  // The emoji before the name is 2 UTF-16 code units but 1 code point. (Not the name in
  // the catalogue's example, which the rules' help text shows.)
  dir.Write("posts/a.md", "Hello there.\n\n\xF0\x9F\x98\x80 I massaged Edith Crawley today.\n");
  RunResult r = RunDiscreet({"check", "--format", "sarif", "posts/a.md"}, "", {}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the verdict still decides the exit code
  EXPECT_THAT(r.out, Not(HasSubstr("Edith")));
  EXPECT_THAT(r.out, Not(HasSubstr("Crawley")));
  json log = ParseJson(r);
  EXPECT_EQ(log["version"], "2.1.0");
  const json& run = log["runs"][0];
  const json* name = nullptr;
  for (const json& res : run["results"])
    if (res["ruleId"] == "person-name") name = &res;
  ASSERT_NE(name, nullptr) << r.out;
  const json& loc = (*name)["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "posts/a.md");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["region"]["startLine"], 3);
  EXPECT_EQ(loc["region"]["startColumn"], 15);  // code point column 14
  EXPECT_EQ(loc["region"]["endLine"], 3);
  EXPECT_EQ(loc["region"]["endColumn"], 28);
  EXPECT_EQ(run["tool"]["driver"]["rules"][(*name)["ruleIndex"].get<size_t>()]["id"], "person-name");
  EXPECT_FALSE((*name)["partialFingerprints"]["discreetFinding/v1"].get<std::string>().empty());

  RunResult shown = RunDiscreet({"check", "--format", "sarif", "--no-redact", "posts/a.md"}, "", {}, dir.path());
  EXPECT_THAT(shown.out, HasSubstr("Edith Crawley"));
  // The same finding keeps its fingerprint whether or not the text is shown.
  json shown_log = ParseJson(shown);
  for (const json& res : shown_log["runs"][0]["results"]) {
    if (res["ruleId"] == "person-name") {
      EXPECT_EQ(res["partialFingerprints"], (*name)["partialFingerprints"]);
    }
  }
}

TEST(BlogSarif, UnreadableInputExits3AndMarksTheRunUnsuccessful) {
  TempDir dir;
  dir.Write("a.txt", kNamedClient);
  dir.Write("bad.txt", "caf\xE9\n");
  RunResult r = RunDiscreet({"check", "--format", "sarif", "a.txt", "bad.txt"}, "", {}, dir.path());
  EXPECT_EQ(r.exit_code, 3);
  json inv = ParseJson(r)["runs"][0]["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], false);
  EXPECT_THAT(inv["toolExecutionNotifications"][0]["message"]["text"].get<std::string>(), HasSubstr("bad.txt"));
}

TEST(BlogSarif, FingerprintSaltFromTheEnvironment) {
  TempDir dir;
  dir.Write("a.txt", kNamedClient);
  auto fingerprint = [&](const std::map<std::string, std::string>& env) {
    json log = ParseJson(RunDiscreet({"check", "--format", "sarif", "a.txt"}, "", env, dir.path()));
    return log["runs"][0]["results"][0]["partialFingerprints"].dump();
  };
  EXPECT_EQ(fingerprint({}), fingerprint({}));
  EXPECT_NE(fingerprint({}), fingerprint({{"DISCREET_FINGERPRINT_SALT", "ours"}}));
}

// --- --format github ------------------------------------------------------------------

TEST(BlogGithub, AnnotationsRedactedByDefault) {
  TempDir dir;
  dir.Write("posts/a.md", "Intro.\n\n" + kNamedClient);
  RunResult r = RunDiscreet({"check", "--format", "github", "posts/a.md"}, "", {}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("::error file=posts/a.md,line=3,col=12,endLine=3,endColumn=22,title=discreet person-name::"));
  EXPECT_THAT(r.out, Not(HasSubstr("Mary")));
  EXPECT_THAT(r.out, HasSubstr("\ndiscreet: posts/a.md: block"));
  RunResult shown = RunDiscreet({"check", "--format", "github", "--no-redact", "posts/a.md"}, "", {}, dir.path());
  EXPECT_THAT(shown.out, HasSubstr("(\"Mary Jones\")"));
}

// --- discreet baseline / check --baseline ---------------------------------------------

TEST(BlogBaseline, AcceptedFindingsHiddenMovedStayHiddenEditedReturn) {
  TempDir dir;
  dir.Write("blog/posts/old.md", "# Old\n\n" + kNamedClient);
  dir.Write("blog/posts/clean.md", "Stretch every day.\n");
  std::string blog = dir.path() + "/blog";

  RunResult made = RunDiscreet({"baseline", "posts"}, "", {}, blog);
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_THAT(made.err, HasSubstr(".discreet-baseline.json"));
  EXPECT_EQ(CountLines(made.err), 1u) << made.err;
  std::string file = blog + "/.discreet-baseline.json";
  std::string content = ReadAll(file);
  EXPECT_THAT(content, HasSubstr("discreet.baseline/1"));
  EXPECT_THAT(content, HasSubstr("posts/old.md"));
  EXPECT_THAT(content, Not(HasSubstr("Mary")));

  RunResult before = RunDiscreet({"check", "posts"}, "", {}, blog);
  EXPECT_EQ(before.exit_code, 1);
  RunResult hidden = RunDiscreet({"check", "--baseline", ".discreet-baseline.json", "--format", "json", "posts"}, "", {}, blog);
  EXPECT_EQ(hidden.exit_code, 0) << hidden.out << hidden.err;
  const json report = ParseJson(hidden);  // named: a range-for over a temporary's member dangles
  for (const json& f : report["files"]) EXPECT_TRUE(f["findings"].empty()) << f.dump();

  // Lines added above: still accepted.
  dir.Write("blog/posts/old.md", "# Old\n\nA new first paragraph.\n\nAnd another.\n\n" + kNamedClient);
  EXPECT_EQ(RunDiscreet({"check", "--baseline", ".discreet-baseline.json", "posts"}, "", {}, blog).exit_code, 0);

  // The name edited: a new finding, reported.
  dir.Write("blog/posts/old.md", "# Old\n\nI massaged Mary Whitfield today.\n");
  RunResult edited = RunDiscreet({"check", "--baseline", ".discreet-baseline.json", "--no-redact", "posts"}, "", {}, blog);
  EXPECT_EQ(edited.exit_code, 1);
  EXPECT_THAT(edited.out, HasSubstr("posts/old.md:3:12: error:"));
  EXPECT_THAT(edited.out, HasSubstr("Mary Whitfield"));

  // An accepted post with a new name added is reported, and only the new name.
  dir.Write("blog/posts/old.md", "# Old\n\n" + kNamedClient + "\nI massaged Edith Crawley today.\n");
  RunResult added = RunDiscreet({"check", "--baseline", ".discreet-baseline.json", "--format", "json", "--no-redact", "posts"},
                                "", {}, blog);
  EXPECT_EQ(added.exit_code, 1) << added.out;
  json old_file = ParseJson(added)["files"][1];
  ASSERT_EQ(old_file["path"], "posts/old.md");
  for (const json& f : old_file["findings"]) EXPECT_EQ(f["span"]["line"], 5) << f.dump();
  dir.Write("blog/posts/old.md", "# Old\n\n" + kNamedClient);

    // From another working directory, the same baseline still applies (paths are relative
  // to the baseline file's folder).
  EXPECT_EQ(RunDiscreet({"check", "--baseline", "blog/.discreet-baseline.json", "blog/posts/clean.md"}, "", {}, dir.path())
                .exit_code,
            0);
}

TEST(BlogBaseline, RerecordingKeepsTheSaltAndOutputOption) {
  TempDir dir;
  dir.Write("a.md", kNamedClient);
  ASSERT_EQ(RunDiscreet({"baseline", "--output", "b.json", "a.md"}, "", {}, dir.path()).exit_code, 0);
  std::string first = ReadAll(dir.path() + "/b.json");
  ASSERT_EQ(RunDiscreet({"baseline", "--output=b.json", "a.md"}, "", {}, dir.path()).exit_code, 0);
  EXPECT_EQ(ReadAll(dir.path() + "/b.json"), first);  // same salt, same fingerprints
  EXPECT_FALSE(fs::exists(dir.path() + "/.discreet-baseline.json"));
}

TEST(BlogBaseline, BadBaselineFilesExit2NamingThem) {
  TempDir dir;
  std::string post = dir.Write("a.md", kNamedClient);
  std::string missing = dir.path() + "/missing.json";
  RunResult r = RunDiscreet({"check", "--baseline", missing, post});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(missing));
  EXPECT_EQ(CountLines(r.err), 1u) << r.err;

  for (std::string body : {"{oops", "{\"schema\": \"discreet.report/1\"}", "[]"}) {
    std::string bad = dir.Write("bad.json", body);
    RunResult b = RunDiscreet({"check", "--baseline", bad, post});
    EXPECT_EQ(b.exit_code, 2) << body;
    EXPECT_THAT(b.err, HasSubstr(bad + ": ")) << body;
    EXPECT_EQ(CountLines(b.err), 1u) << b.err;
    // `discreet baseline` will not overwrite a file that is not a baseline.
    RunResult over = RunDiscreet({"baseline", "--output", bad, post});
    EXPECT_EQ(over.exit_code, 2) << body;
    EXPECT_EQ(ReadAll(bad), body);
  }
}

TEST(BlogBaseline, UnreadableInputWritesNothing) {
  TempDir dir;
  dir.Write("a.md", kNamedClient);
  RunResult r = RunDiscreet({"baseline", "a.md", "nope.md"}, "", {}, dir.path());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("nope.md"));
  EXPECT_FALSE(fs::exists(dir.path() + "/.discreet-baseline.json"));
  EXPECT_EQ(RunDiscreet({"baseline"}, "", {}, dir.path()).exit_code, 2);
}

// --- --staged -------------------------------------------------------------------------

class BlogStaged : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed";
    Git("init -q -b main");
    Git("config user.email t@example.org");
    Git("config user.name T");
  }
  void Git(const std::string& args) {
    std::string cmd = "git -C '" + dir_.path() + "' " + args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  TempDir dir_;
};

TEST_F(BlogStaged, ChecksTheIndexNotTheWorkingTree) {
  dir_.Write("posts/a.md", "# Week\n\n" + kNamedClient);
  dir_.Write("posts/b.md", "Stretch every day.\n");
  dir_.Write("notes.py", "print('Mary Jones')\n");  // not a post
  Git("add posts/a.md posts/b.md notes.py");
  // The working tree is fixed, but the fix is not staged: the commit would still name her.
  dir_.Write("posts/a.md", "# Week\n\nA calm week.\n");
  RunResult r = RunDiscreet({"check", "--staged", "--format", "json", "--no-redact"}, "", {}, dir_.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json files = ParseJson(r)["files"];
  ASSERT_EQ(files.size(), 2u) << r.out;
  EXPECT_EQ(files[0]["path"], "posts/a.md");
  EXPECT_EQ(files[0]["verdict"], "block");
  EXPECT_EQ(files[1]["path"], "posts/b.md");

  // From a subfolder, paths are shown relative to it, as git status does; FILE narrows.
  RunResult sub = RunDiscreet({"check", "--staged", "a.md"}, "", {}, dir_.path() + "/posts");
  EXPECT_EQ(sub.exit_code, 1) << sub.err;
  EXPECT_THAT(sub.out, HasSubstr("a.md:3:12: error:"));
  EXPECT_THAT(sub.out, Not(HasSubstr("b.md")));

  // The other way round: a clean staged post with an unstaged name passes.
  Git("add posts/a.md");
  dir_.Write("posts/a.md", "# Week\n\n" + kNamedClient);
  RunResult clean = RunDiscreet({"check", "--staged"}, "", {}, dir_.path());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
}

TEST_F(BlogStaged, DeletedFilesAndNothingStaged) {
  RunResult none = RunDiscreet({"check", "--staged", "--format", "json"}, "", {}, dir_.path());
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_TRUE(ParseJson(none)["files"].empty());
  dir_.Write("gone.md", kNamedClient);
  Git("add gone.md");
  Git("commit -q -m x --no-verify");
  Git("rm -q gone.md");
  RunResult deleted = RunDiscreet({"check", "--staged", "--format", "json"}, "", {}, dir_.path());
  EXPECT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_TRUE(ParseJson(deleted)["files"].empty()) << deleted.out;
}

TEST(BlogStagedOutside, OutsideARepositoryExits2) {
  TempDir dir;  // under the temporary folder, not inside any repository
  RunResult r = RunDiscreet({"check", "--staged"}, "", {{"GIT_CEILING_DIRECTORIES", fs::path(dir.path()).parent_path().string()}},
                            dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not inside a git work tree"));
  EXPECT_EQ(CountLines(r.err), 1u) << r.err;
  EXPECT_EQ(RunDiscreet({"check", "--staged", "-"}, "", {}, dir.path()).exit_code, 2);
}

// --- Many files -----------------------------------------------------------------------

TEST(BlogParallel, OutputInInputOrderWhateverTheThreads) {
  TempDir dir;
  for (int i = 0; i < 60; ++i) {
    std::string name = "posts/" + std::to_string(i % 7) + "/p" + std::to_string(i) + (i % 2 ? ".md" : ".txt");
    dir.Write(name, i % 3 ? "Stretch every day, post " + std::to_string(i) + ".\n" : kNamedClient);
  }
  dir.Write("posts/bad.txt", "caf\xE9\n");  // invalid UTF-8: exit 3, the rest still reported
  RunResult one = RunDiscreet({"check", "--jobs", "1", "--format", "json", "posts"}, "", {}, dir.path());
  RunResult many = RunDiscreet({"check", "--jobs", "8", "--format", "json", "posts"}, "", {}, dir.path());
  RunResult dflt = RunDiscreet({"check", "--format", "json", "posts"}, "", {}, dir.path());
  EXPECT_EQ(one.exit_code, 3);
  EXPECT_EQ(many.exit_code, 3);
  EXPECT_EQ(one.out, many.out);
  EXPECT_EQ(one.out, dflt.out);
  EXPECT_EQ(one.err, many.err);
  EXPECT_EQ(ParseJson(many)["files"].size(), 60u);
  RunResult text1 = RunDiscreet({"check", "--jobs", "1", "posts"}, "", {}, dir.path());
  RunResult text8 = RunDiscreet({"check", "--jobs=8", "posts"}, "", {}, dir.path());
  EXPECT_EQ(text1.out, text8.out);
  EXPECT_EQ(RunDiscreet({"check", "--jobs", "0", "posts"}, "", {}, dir.path()).exit_code, 2);
  EXPECT_EQ(RunDiscreet({"check", "--jobs", "x", "posts"}, "", {}, dir.path()).exit_code, 2);
}

}  // namespace
}  // namespace discreet
