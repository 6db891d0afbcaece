// End-to-end tests of configuration through the real binary: `.discreet.json` discovery
// and validation, `discreet init`, rule switches from the config and the command line,
// user rule packs in .discreet/plugins/, the consent ledger, the practice location, and
// `discreet rules` listing every shipped rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "linter.h"
#include "testing/run_binary.h"

namespace discreet {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunDiscreet;
using testing::RunResult;
using testing::TempDir;
using json = nlohmann::json;

const std::string kSally = "My client Sally is pregnant and so excited!\n";
// Two quasi-identifiers and client context, no place named: the population decides.
const std::string kTeacher = "My client, a 67-year-old retired teacher, came in for her back today.\n";

json Report(const RunResult& r) {
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out << r.err;
  return j;
}

bool HasRule(const json& file, const std::string& rule) {
  for (const json& f : file["findings"])
    if (f["rule"].get<std::string>() == rule) return true;
  return false;
}

TEST(Config, FoundByWalkingUpFromTheCheckedFile) {
  TempDir dir;
  dir.Write(".discreet.json", R"({"rules": {"health": "off"}})");
  std::string post = dir.Write("blog/2026/post.txt", kSally);
  json j = Report(RunDiscreet({"check", "--format", "json", post}));
  EXPECT_FALSE(HasRule(j["files"][0], "health"));
  EXPECT_TRUE(HasRule(j["files"][0], "person-name"));
}

TEST(Config, ExplicitConfigWinsAndAMissingOneIsAnError) {
  TempDir dir;
  std::string post = dir.Write("post.txt", kSally);
  std::string cfg = dir.Write("strict.json", R"({"rules": {"person-name": "off"}})");
  json j = Report(RunDiscreet({"check", "--format", "json", "--config", cfg, post}));
  EXPECT_FALSE(HasRule(j["files"][0], "person-name"));
  RunResult missing = RunDiscreet({"check", "--config", dir.path() + "/nope.json", post});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("nope.json: no such config file"));
}

struct BadConfig {
  std::string name, text, message;
};

class ConfigErrors : public ::testing::TestWithParam<BadConfig> {};

TEST_P(ConfigErrors, OneLineNamingFileKeyAndWhatIsExpected) {
  TempDir dir;
  dir.Write(".discreet.json", GetParam().text);
  std::string post = dir.Write("post.txt", kSally);
  RunResult r = RunDiscreet({"check", post});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "") << "nothing is printed when the setup fails";
  EXPECT_THAT(r.err, HasSubstr(dir.path() + "/"));  // the config, or the file it names
  EXPECT_THAT(r.err, HasSubstr(GetParam().message));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ConfigErrors,
    ::testing::Values(
        BadConfig{"NotJson", "{\"beta\": 0.8,,}", ":1:14: not valid JSON"},
        // Found by fuzz/config_fuzz: nlohmann's out_of_range escaped as an internal error.
        BadConfig{"NumberTooLarge", "{\"beta\": 21e1111111111}", "not valid JSON: a number is too large"},
        BadConfig{"UnknownKey", "{\n  \"treshold\": 1\n}", ":2:3: treshold: unknown key"},
        BadConfig{"BetaOutOfRange", "{\"beta\": 2}", ":1:10: beta: expected a number in (0, 1]"},
        BadConfig{"BadLevel", "{\"rules\": {\"health\": \"loud\"}}", "rules.health: expected \"off\""},
        BadConfig{"UnknownRule", "{\"rules\": {\"persn-name\": \"off\"}}", "unknown rule 'persn-name' (nearest: person-name"},
        BadConfig{"UnknownPack", "{\"packs\": {\"disable\": [\"bodywrk\"]}}", "unknown rule 'bodywrk' (nearest: bodywork"},
        BadConfig{"AmbiguousTown", "{\"practice_location\": {\"name\": \"Springfield\"}}",
                  "is ambiguous: Springfield, MO, US"},
        BadConfig{"UnknownTown", "{\"practice_location\": {\"name\": \"Xqzzyville\"}}", "Xqzzyville"},
        BadConfig{"MissingLedger", "{\"consent_ledger\": \"consent.json\"}", "consent.json: cannot open the consent ledger"}),
    [](const auto& info) { return info.param.name; });

TEST(Config, CommentsAreAllowed) {
  TempDir dir;
  dir.Write(".discreet.json", "{\n  // no health findings here\n  \"rules\": {\"health\": \"off\"} /* done */\n}\n");
  std::string post = dir.Write("post.txt", kSally);
  json j = Report(RunDiscreet({"check", "--format", "json", post}));
  EXPECT_FALSE(HasRule(j["files"][0], "health"));
}

TEST(Init, WritesACommentedConfigThatLoadsAndRefusesToOverwrite) {
  TempDir dir;
  std::string out = dir.path() + "/.discreet.json";
  RunResult r = RunDiscreet({"init", "--output", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string post = dir.Write("post.txt", kTeacher + kSally);
  RunResult with_starter = RunDiscreet({"check", "--format", "json", post});
  RunResult with_defaults = RunDiscreet({"check", "--format", "json", "--config", dir.Write("empty.json", "{}"), post});
  ASSERT_EQ(with_starter.exit_code, with_defaults.exit_code) << with_starter.err;
  EXPECT_EQ(Report(with_starter)["files"][0]["risk"], Report(with_defaults)["files"][0]["risk"])
      << "the starter config spells out the defaults";
  RunResult again = RunDiscreet({"init", "--output", out});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("already exists"));
  EXPECT_EQ(RunDiscreet({"init", "--output", out, "--force"}).exit_code, 0);
}

TEST(RuleSwitches, CommandLineComesAfterTheConfig) {
  TempDir dir;
  dir.Write(".discreet.json", R"({"rules": {"health": "off"}})");
  std::string post = dir.Write("post.txt", kSally);
  json on = Report(RunDiscreet({"check", "--format", "json", "--enable-rule", "health=error", post}));
  bool error_level = false;
  for (const json& f : on["files"][0]["findings"])
    error_level |= f["rule"].get<std::string>() == "health" && f["severity"].get<std::string>() == "error";
  EXPECT_TRUE(error_level);
  json off = Report(RunDiscreet({"check", "--format", "json", "--disable-rule", "person-name", post}));
  EXPECT_FALSE(HasRule(off["files"][0], "person-name"));
  RunResult bad = RunDiscreet({"check", "--disable-rule", "no-such-rule", post});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--disable-rule no-such-rule"));
  RunResult level = RunDiscreet({"check", "--enable-rule", "health=loud", post});
  EXPECT_EQ(level.exit_code, 2);
}

TEST(RuleSwitches, DisablingAPackSilencesItsRules) {
  TempDir dir;
  std::string post = dir.Write("post.txt", "Guess who was on my table this afternoon?\n");
  json with = Report(RunDiscreet({"check", "--format", "json", post}));
  bool from_bodywork = false;
  for (const json& f : with["files"][0]["findings"]) from_bodywork |= f.dump().find("bodywork") != std::string::npos;
  json without = Report(RunDiscreet({"check", "--format", "json", "--disable-rule", "bodywork", post}));
  EXPECT_TRUE(HasRule(with["files"][0], "client-context"));
  EXPECT_FALSE(HasRule(without["files"][0], "client-context"));
}

// Issue 4's done-when: a user pack beside the config adds a rule that fires.
TEST(UserPacks, APackInDotDiscreetPluginsFires) {
  TempDir dir;
  dir.Write(".discreet.json", "{}");
  dir.Write(".discreet/plugins/clinic/plugin.json", R"({
  "name": "clinic",
  "version": "1.0.0",
  "description": "Our clinic's own rooms.",
  "rules": [{
    "id": "clinic/room",
    "rule": "place",
    "category": "quasi-identifier",
    "severity": "warning",
    "message": "Names a treatment room, which ties the post to a booking.",
    "description": "Our treatment rooms by name.",
    "terms": ["the lavender room", "the cedar room"],
    "frequency": 0.01,
    "suggestions": ["a treatment room"],
    "examples": {"match": ["She was in the lavender room", "cedar room again? THE CEDAR ROOM"],
                 "no_match": ["lavender oil is lovely", "a cedar chest"]}
  }]
})");
  std::string post = dir.Write("posts/a.txt", "Lovely session in the Lavender Room this morning.\n");
  RunResult r = RunDiscreet({"check", "--format", "json", post});
  json j = Report(r);
  bool fired = false;
  for (const json& f : j["files"][0]["findings"]) fired |= f["text"].get<std::string>() == "the Lavender Room";
  EXPECT_TRUE(fired) << r.out;
  RunResult rules = RunDiscreet({"rules", "clinic/room", "--config", dir.path() + "/.discreet.json"});
  EXPECT_EQ(rules.exit_code, 0) << rules.err;
  EXPECT_THAT(rules.out, HasSubstr("clinic/room"));
}

TEST(UserPacks, ABackreferenceIsRefusedWithFileRuleAndRe2sReason) {
  TempDir dir;
  dir.Write(".discreet.json", "{}");
  std::string pack = dir.Write(".discreet/plugins/bad/plugin.json", R"({
  "name": "bad", "version": "1.0.0", "description": "A pattern RE2 cannot run.",
  "rules": [{"id": "bad/echo", "rule": "gossip", "category": "sensitive", "severity": "warning",
             "message": "x", "description": "x", "patterns": ["(a)\\1"],
             "examples": {"match": ["aa", "aaa"], "no_match": ["b", "c"]}}]
})");
  std::string post = dir.Write("post.txt", "hello\n");
  RunResult r = RunDiscreet({"check", post});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(pack));
  EXPECT_THAT(r.err, HasSubstr("bad/echo"));
  EXPECT_THAT(r.err, HasSubstr("invalid escape sequence"));  // RE2's own words for \1
}

TEST(ConsentLedger, AConsentedNameIsNotFlaggedForWhatItCovers) {
  TempDir dir;
  dir.Write(".discreet.json", R"({"consent_ledger": "consent.json"})");
  dir.Write("consent.json", R"({"entries": [{"name": "Sally", "covers": ["identity"],
                                             "evidence": "signed testimonial 2026-03-01"}]})");
  std::string post = dir.Write("post.txt", kSally);
  json j = Report(RunDiscreet({"check", "--format", "json", post}));
  EXPECT_FALSE(HasRule(j["files"][0], "person-name"));
  EXPECT_TRUE(HasRule(j["files"][0], "health")) << "health is not covered by an identity consent";
}

// Issue 6's done-when: a town of 1,500 makes a draft block that passes in a city of 2 million.
TEST(PracticeLocation, ASmallTownBlocksWhatABigCityPasses) {
  TempDir small, big;
  small.Write(".discreet.json", R"({"practice_location": {"name": "Smallville", "population": 1500}})");
  big.Write(".discreet.json", R"({"practice_location": {"population": 2000000}})");
  RunResult in_town = RunDiscreet({"check", "--format", "json", small.Write("post.txt", kTeacher)});
  RunResult in_city = RunDiscreet({"check", "--format", "json", big.Write("post.txt", kTeacher)});
  EXPECT_EQ(Report(in_town)["files"][0]["verdict"], "block") << in_town.out;
  EXPECT_EQ(Report(in_city)["files"][0]["verdict"], "pass") << in_city.out;
  EXPECT_EQ(in_town.exit_code, 1);
  EXPECT_EQ(in_city.exit_code, 0);
}

TEST(PracticeLocation, ATownFromTheGazetteerSetsThePopulation) {
  TempDir dir;
  dir.Write(".discreet.json", R"({"practice_location": {"name": "Pinedale, WY"}})");
  RunResult r = RunDiscreet({"check", dir.Write("post.txt", kTeacher)});
  EXPECT_THAT(r.out, HasSubstr("Pinedale"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

// Issue 4's done-when: `discreet rules` lists every shipped rule.
TEST(Rules, ListsEveryShippedRule) {
  RunResult r = RunDiscreet({"rules"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Linter linter{LinterOptions{}};
  size_t n = 0;
  for (const RulePack& p : linter.packs())
    for (const PackRule& rule : p.rules) {
      ++n;
      EXPECT_THAT(r.out, HasSubstr(rule.id + " ")) << rule.id;
    }
  EXPECT_GT(n, 40u);
  EXPECT_THAT(r.out, HasSubstr("person-name"));
  RunResult unknown = RunDiscreet({"rules", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
}

}  // namespace
}  // namespace discreet
