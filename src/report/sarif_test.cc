// The SARIF renderer: GitHub's required properties, UTF-16 regions, URIs relative to the
// working directory, redaction (no matched text anywhere unless asked) and fingerprints
// that are stable, salted and distinct per occurrence.
#include "report/sarif.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "rules/catalogue.h"

namespace discreet {
namespace {

using json = nlohmann::json;

FileReport ReportWith(const std::string& path, const std::string& text, std::vector<std::pair<Span, std::string>> found) {
  FileReport r;
  r.path = path;
  r.document = std::make_shared<Document>(text);
  for (auto& [span, rule] : found) {
    Finding f;
    f.rule = rule;
    f.severity = rule == "person-name" ? Severity::kError : Severity::kWarning;
    f.category = rule == "person-name" ? Category::kIdentifier : Category::kQuasiIdentifier;
    f.message = "A detail.";
    f.span = span;
    r.findings.push_back(f);
  }
  return r;
}

SarifOptions Options(std::string working_dir, std::string salt = "", std::vector<std::string> errors = {}) {
  SarifOptions o;
  o.working_dir = std::move(working_dir);
  o.fingerprint_salt = std::move(salt);
  o.input_errors = std::move(errors);
  return o;
}

json Render(const std::vector<FileReport>& reports, bool redact, std::string salt = "") {
  RenderOptions options;
  options.redact = redact;
  return json::parse(RenderSarif(reports, options, Options("/srv/blog", salt)));
}

const std::string kEmojiName = "Hi \xF0\x9F\x98\x80 Sally!\nSally again, 85 years\n";  // emoji = 4 bytes, 2 UTF-16 units

TEST(Sarif, DriverListsEveryCatalogueRuleWithGithubMetadata) {
  json log = Render({ReportWith("posts/a.md", "x\n", {})}, true);
  EXPECT_EQ(log["version"], "2.1.0");
  const json& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "discreet");
  ASSERT_EQ(driver["rules"].size(), RuleCatalogue().size());
  for (const json& rule : driver["rules"]) {
    EXPECT_TRUE(rule["id"].is_string());
    EXPECT_TRUE(rule["name"].is_string());
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_NE(rule["help"]["text"].get<std::string>().find(rule["id"].get<std::string>()), std::string::npos);
    EXPECT_TRUE(rule["defaultConfiguration"]["level"] == "error" || rule["defaultConfiguration"]["level"] == "warning" ||
                rule["defaultConfiguration"]["level"] == "note");
  }
  EXPECT_EQ(driver["rules"][0]["id"], "person-name");
  EXPECT_EQ(driver["rules"][0]["name"], "PersonName");
  EXPECT_EQ(driver["rules"][0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(RuleName("age"), "AgeDetail");
  for (const json& rule : driver["rules"]) {  // SARIF1001: name and id differ, ignoring case
    std::string id = rule["id"], name = rule["name"];
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_NE(name, id);
  }
}

TEST(Sarif, ResultHasRuleIndexLevelAndUtf16Region) {
  // "Sally" after the emoji: bytes 8..13, code points 5..10, UTF-16 units 6..11.
  json log = Render({ReportWith("posts/a.md", kEmojiName, {{{8, 13}, "person-name"}, {{28, 30}, "age"}})}, true);
  const json& run = log["runs"][0];
  ASSERT_EQ(run["results"].size(), 2u);
  const json& r = run["results"][0];
  EXPECT_EQ(r["ruleId"], "person-name");
  EXPECT_EQ(run["tool"]["driver"]["rules"][r["ruleIndex"].get<size_t>()]["id"], "person-name");
  EXPECT_EQ(r["level"], "error");
  const json& region = r["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 1);
  EXPECT_EQ(region["startColumn"], 7);
  EXPECT_EQ(region["endLine"], 1);
  EXPECT_EQ(region["endColumn"], 12);
  EXPECT_EQ(region["charOffset"], 6);
  EXPECT_EQ(region["charLength"], 5);
  const json& age = run["results"][1];
  EXPECT_EQ(age["level"], "warning");
  EXPECT_EQ(run["tool"]["driver"]["rules"][age["ruleIndex"].get<size_t>()]["id"], "age");
  EXPECT_EQ(age["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
  EXPECT_EQ(age["locations"][0]["physicalLocation"]["region"]["startColumn"], 14);
  EXPECT_EQ(age["locations"][0]["physicalLocation"]["region"]["endColumn"], 16);
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
}

TEST(Sarif, ArtifactUriIsRelativeToTheWorkingDirectory) {
  json log = Render({ReportWith("/srv/blog/posts/my post.md", "Sally\n", {{{0, 5}, "person-name"}})}, true);
  const json& loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(loc["uri"], "posts/my%20post.md");
  EXPECT_EQ(loc["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///srv/blog/");

  EXPECT_EQ(ArtifactUri("./posts/../a.md", "/srv/blog"), "a.md");
  bool relative = true;
  EXPECT_EQ(ArtifactUri("/etc/drafts/b.md", "/srv/blog", &relative), "file:///etc/drafts/b.md");
  EXPECT_FALSE(relative);
  EXPECT_EQ(ArtifactUri("../other/c.md", "/srv/blog", &relative), "file:///srv/other/c.md");
  EXPECT_FALSE(relative);
  EXPECT_EQ(ArtifactUri("caf\xC3\xA9#1.md", "/srv/blog"), "caf%C3%A9%231.md");
}

TEST(Sarif, RedactedLogNeverContainsTheMatchedText) {
  FileReport r = ReportWith("a.md", "My client Sally Jones-Whitfield came in\n", {{{10, 31}, "person-name"}});
  RenderOptions options;
  options.redact = true;
  std::string out = RenderSarif({r}, options, Options("/w"));
  EXPECT_EQ(out.find("Sally"), std::string::npos) << out;
  EXPECT_EQ(out.find("Whitfield"), std::string::npos) << out;
  EXPECT_EQ(out.find("snippet"), std::string::npos);
  EXPECT_NE(out.find("[person-name:"), std::string::npos);

  options.redact = false;
  json shown = json::parse(RenderSarif({r}, options, Options("/w")));
  const json& result = shown["runs"][0]["results"][0];
  EXPECT_NE(result["message"]["text"].get<std::string>().find("Sally Jones-Whitfield"), std::string::npos);
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"], "Sally Jones-Whitfield");
}

std::string Fingerprint(const json& log, size_t i) {
  return log["runs"][0]["results"][i]["partialFingerprints"]["discreetFinding/v1"].get<std::string>();
}

TEST(Sarif, FingerprintsAreStableSaltedAndPerOccurrence) {
  FileReport a = ReportWith("a.md", kEmojiName, {{{8, 13}, "person-name"}, {{15, 20}, "person-name"}});
  json one = Render({a}, true), two = Render({a}, true);
  EXPECT_EQ(Fingerprint(one, 0), Fingerprint(two, 0));
  EXPECT_NE(Fingerprint(one, 0), Fingerprint(one, 1));  // the second "Sally" is its own alert
  EXPECT_EQ(Fingerprint(one, 0).size(), 32u);
  EXPECT_NE(Fingerprint(one, 0), Fingerprint(Render({a}, true, "another salt"), 0));

  // Moving the finding to another line keeps its fingerprint; another name changes it.
  FileReport moved = ReportWith("a.md", "\n\nSally\n", {{{2, 7}, "person-name"}});
  EXPECT_EQ(Fingerprint(Render({moved}, true), 0), Fingerprint(one, 0));
  FileReport edited = ReportWith("a.md", "Sadie\n", {{{0, 5}, "person-name"}});
  EXPECT_NE(Fingerprint(Render({edited}, true), 0), Fingerprint(one, 0));
  // Redaction does not change fingerprints.
  EXPECT_EQ(Fingerprint(Render({a}, false), 0), Fingerprint(one, 0));
}

TEST(Sarif, UnreadableInputsMakeTheInvocationUnsuccessful) {
  json ok = Render({ReportWith("a.md", "x\n", {})}, true);
  EXPECT_EQ(ok["runs"][0]["invocations"][0]["executionSuccessful"], true);
  EXPECT_FALSE(ok["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
  RenderOptions redact;
  redact.redact = true;
  json bad = json::parse(RenderSarif({}, redact, Options("/w", "", {"b.md: invalid UTF-8 at byte 3"})));
  const json& inv = bad["runs"][0]["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], false);
  ASSERT_EQ(inv["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["level"], "error");
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["message"]["text"], "b.md: invalid UTF-8 at byte 3");
}

TEST(Sarif, UnknownRuleGetsItsOwnDescriptor) {
  json log = Render({ReportWith("a.md", "Sally\n", {{{0, 5}, "acme/secret-word"}})}, true);
  const json& run = log["runs"][0];
  size_t index = run["results"][0]["ruleIndex"];
  ASSERT_EQ(index, RuleCatalogue().size());
  EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], "acme/secret-word");
  EXPECT_EQ(run["tool"]["driver"]["rules"][index]["name"], "AcmeSecretWord");
}

TEST(Sarif, EndOfLineAndCrLfRegions) {
  // A span running to the end of the first CRLF line ends in column 6 of line 1.
  json log = Render({ReportWith("a.md", "Sally\r\nnext\r\n", {{{0, 5}, "person-name"}, {{7, 11}, "person-name"}})}, true);
  const json& r0 = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(r0["endLine"], 1);
  EXPECT_EQ(r0["endColumn"], 6);
  const json& r1 = log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(r1["startLine"], 2);
  EXPECT_EQ(r1["startColumn"], 1);
}

}  // namespace
}  // namespace discreet
