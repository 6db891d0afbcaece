// The pack loader: a good pack loads whole; every kind of broken pack is refused with one
// line naming the file, the JSON line:column, the rule id and what is wrong.
#include "rules/pack_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "error.h"
#include "testing/run_binary.h"

namespace discreet {
namespace {

using nlohmann::json;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

json GoodRule(const std::string& id = "demo/pregnant") {
  return json{{"id", id},
              {"rule", "health"},
              {"category", "sensitive"},
              {"severity", "warning"},
              {"message", "A health detail about a person."},
              {"description", "Pregnancy said about a person."},
              {"terms", {"pregnant", "@extra"}},
              {"examples",
               {{"match", {"She is pregnant.", "My client is pregnant again."}},
                {"no_match", {"Prenatal massage is lovely.", "Book a session today."}}}}};
}

json GoodPack() {
  return json{{"name", "demo"},
              {"version", "1.0.0"},
              {"description", "A pack for tests."},
              {"lists", {{"extra", {"expecting twins"}}}},
              {"rules", {GoodRule()}}};
}

// "LINE:COL" of the first occurrence of `needle` in `text`.
std::string PositionOfText(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  size_t line = 1, col = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

class PackLoaderTest : public ::testing::Test {
 protected:
  // Writes `pack` as <tmp>/<folder>/plugin.json and returns its path.
  std::filesystem::path Write(const json& pack, const std::string& folder = "demo") {
    text_ = pack.dump(2);
    return WriteText(text_, folder);
  }
  std::filesystem::path WriteText(const std::string& text, const std::string& folder = "demo") {
    text_ = text;
    std::filesystem::create_directories(std::filesystem::path(dir_.path()) / folder);
    return dir_.Write(folder + "/plugin.json", text);
  }
  // The ConfigError message loading `pack` gives, or "" when it loads.
  std::string Error(const json& pack) { return ErrorOf(Write(pack)); }
  std::string ErrorOf(const std::filesystem::path& file) {
    try {
      LoadPack(file, lexicons());
    } catch (const ConfigError& e) {
      std::string msg = e.what();
      EXPECT_EQ(msg.find('\n'), std::string::npos) << "one line: " << msg;
      return msg;
    }
    return "";
  }
  std::filesystem::path lexicons() const { return std::filesystem::path(dir_.path()) / "lexicons"; }
  std::string file() const { return (std::filesystem::path(dir_.path()) / "demo" / "plugin.json").string(); }
  // The expected "FILE:LINE:COL: " prefix, the position being that of `needle`.
  std::string At(const std::string& needle) const { return file() + ":" + PositionOfText(text_, needle) + ": "; }

  testing::TempDir dir_;
  std::string text_;
};

TEST_F(PackLoaderTest, LoadsAGoodPack) {
  std::filesystem::path f = Write(GoodPack());
  RulePack pack = LoadPack(f, lexicons());
  EXPECT_EQ(pack.name, "demo");
  ASSERT_EQ(pack.rules.size(), 1u);
  const PackRule& r = pack.rules[0];
  EXPECT_EQ(r.id, "demo/pregnant");
  EXPECT_EQ(r.rule, "health");
  EXPECT_EQ(r.category, Category::kSensitive);
  ASSERT_EQ(r.terms.size(), 2u);
  EXPECT_EQ(r.terms[1].phrase, "expecting twins");  // "@extra" expanded
  EXPECT_EQ(r.match_examples.size(), 2u);
}

TEST_F(PackLoaderTest, InvalidRe2PatternNamesFileRuleAndRe2Reason) {
  json p = GoodPack();
  p["rules"][0]["patterns"] = {"\\bok\\b", "(a)\\1"};
  std::string e = Error(p);
  EXPECT_THAT(e, HasSubstr(At("\"(a)\\\\1\"") + "demo/pregnant: pattern"));
  EXPECT_THAT(e, HasSubstr("is not valid RE2: invalid escape sequence: \\1"));
}

// Found by fuzz/pack_fuzz: nlohmann throws out_of_range, not parse_error, for a number too
// large for a double, and it escaped the loader as an internal error.
TEST_F(PackLoaderTest, ANumberTooLargeIsAJsonError) {
  std::string e = ErrorOf(WriteText(R"({"name": "demo", "version": "1.0.0", "x": 666666666666666.6E6667})"));
  EXPECT_THAT(e, HasSubstr(file() + ": not valid JSON: a number is too large"));
}

TEST_F(PackLoaderTest, LookaheadIsNotRe2) {
  json p = GoodPack();
  p["rules"][0]["patterns"] = {"foo(?=bar)"};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, AllOf(HasSubstr("demo/pregnant"), HasSubstr("not valid RE2: invalid perl operator: (?=")));
  }
}

TEST_F(PackLoaderTest, UnknownRuleField) {
  json p = GoodPack();
  p["rules"][0]["patern"] = {"x"};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr(At("\"patern\"") + "demo/pregnant: unknown field \"patern\""));
  }
}

TEST_F(PackLoaderTest, UnknownPackField) {
  json p = GoodPack();
  p["author"] = "me";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr(At("\"author\"") + "unknown field \"author\""));
  }
}

TEST_F(PackLoaderTest, UnknownCategory) {
  json p = GoodPack();
  p["rules"][0]["category"] = "secret";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr(At("\"secret\"") + "demo/pregnant: unknown category \"secret\""));
  }
}

TEST_F(PackLoaderTest, UnknownCatalogueRule) {
  json p = GoodPack();
  p["rules"][0]["rule"] = "healthy";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr(At("\"healthy\"") + "demo/pregnant: unknown catalogue rule \"healthy\""));
  }
}

TEST_F(PackLoaderTest, CategoryMustMatchTheCatalogueRule) {
  json p = GoodPack();
  p["rules"][0]["category"] = "quasi-identifier";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, AllOf(HasSubstr("demo/pregnant: category \"quasi-identifier\""),
                              HasSubstr("catalogue rule \"health\" is \"sensitive\"")));
  }
}

TEST_F(PackLoaderTest, DuplicateIdInOnePack) {
  json p = GoodPack();
  p["rules"].push_back(GoodRule());
  std::string e = Error(p);
  EXPECT_THAT(e, HasSubstr("demo/pregnant: duplicate id"));
  // The position is that of the second rule's id.
  size_t second = text_.find("\"id\": \"demo/pregnant\"", text_.find("\"id\": \"demo/pregnant\"") + 1);
  size_t line = 1 + static_cast<size_t>(std::count(text_.begin(), text_.begin() + static_cast<long>(second), '\n'));
  EXPECT_THAT(e, HasSubstr(file() + ":" + std::to_string(line) + ":"));
}

TEST_F(PackLoaderTest, DuplicateIdAcrossPacksAndDuplicatePackName) {
  Write(GoodPack(), "demo");
  json other = GoodPack();
  other["name"] = "other";
  other["rules"][0]["id"] = "other/pregnant";
  Write(other, "other");
  EXPECT_NO_THROW(LoadPacks({std::filesystem::path(dir_.path()) / "demo", std::filesystem::path(dir_.path()) / "other"},
                            lexicons()));
  try {
    LoadPacks({std::filesystem::path(dir_.path()) / "demo", std::filesystem::path(dir_.path()) / "demo"}, lexicons());
    FAIL() << "a pack loaded twice must be refused";
  } catch (const ConfigError& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("pack \"demo\" is already loaded from"));
  }
}

TEST_F(PackLoaderTest, IdMustStartWithThePackName) {
  json p = GoodPack();
  p["rules"][0]["id"] = "other/pregnant";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("other/pregnant: id must start with the pack name \"demo/\""));
  }
}

TEST_F(PackLoaderTest, MissingTermsFile) {
  json p = GoodPack();
  p["rules"][0]["terms_file"] = "nowhere.tsv";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, AllOf(HasSubstr(At("\"nowhere.tsv\"") + "demo/pregnant: terms_file"),
                              HasSubstr("nowhere.tsv does not exist")));
  }
}

TEST_F(PackLoaderTest, TermsFileFrequenciesAreChecked) {
  json p = GoodPack();
  p["rules"][0]["rule"] = "household";
  p["rules"][0]["category"] = "quasi-identifier";
  p["rules"][0]["terms_file"] = "terms.tsv";
  dir_.Write("demo/terms.tsv", "# comment\nphrase\tfrequency\nmother of triplets\t0.0002\nfifty cats\t2\n");
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, AllOf(HasSubstr("terms.tsv:4: frequency \"2\""), HasSubstr("not a number in (0, 1]")));
  }
  dir_.Write("demo/terms.tsv", "phrase\tfrequency\nmother of triplets\t0.0002\n# later comment\nfifty cats\t\n");
  RulePack pack = LoadPack(Write(p), lexicons());
  ASSERT_EQ(pack.rules[0].terms.size(), 4u);
  EXPECT_EQ(pack.rules[0].terms[2].frequency, 0.0002);
  EXPECT_FALSE(pack.rules[0].terms[3].frequency.has_value());
}

TEST_F(PackLoaderTest, MissingLexicon) {
  json p = GoodPack();
  p["rules"][0]["lexicon"] = "en/nothing.tsv";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, AllOf(HasSubstr(At("\"en/nothing.tsv\"") + "demo/pregnant: lexicon"),
                              HasSubstr("nothing.tsv does not exist")));
  }
}

TEST_F(PackLoaderTest, LexiconFirstColumnIsRead) {
  std::filesystem::create_directories(lexicons() / "en");
  dir_.Write("lexicons/en/conditions.tsv", "# a lexicon\ncondition\tnote\nshingles\tx\nlong covid\ty\n");
  json p = GoodPack();
  p["rules"][0]["lexicon"] = "en/conditions.tsv";
  RulePack pack = LoadPack(Write(p), lexicons());
  ASSERT_EQ(pack.rules[0].terms.size(), 4u);
  EXPECT_EQ(pack.rules[0].terms[3].phrase, "long covid");
}

TEST_F(PackLoaderTest, PathsMayNotLeaveThePack) {
  json p = GoodPack();
  p["rules"][0]["terms_file"] = "../other/terms.tsv";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("terms_file must be a relative .tsv path inside the pack's folder"));
  }
}

TEST_F(PackLoaderTest, BadSeverity) {
  json p = GoodPack();
  p["rules"][0]["severity"] = "fatal";
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr(At("\"fatal\"") + "demo/pregnant: severity \"fatal\" is not one of info, warning, error"));
  }
}

TEST_F(PackLoaderTest, FrequencyOutsideZeroOne) {
  for (double f : {0.0, -0.5, 1.5}) {
    json p = GoodPack();
    p["rules"][0]["rule"] = "occupation";
    p["rules"][0]["category"] = "quasi-identifier";
    p["rules"][0]["frequency"] = f;
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("demo/pregnant: frequency must be a number in (0, 1]")) << f;
  }
  json p = GoodPack();
  p["rules"][0]["frequency"] = 0.5;  // a sensitive rule has no frequency
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("frequency is for identifier and quasi-identifier rules only"));
  }
}

TEST_F(PackLoaderTest, NotInNamesIsABoolean) {
  json p = GoodPack();
  p["rules"][0]["not_in_names"] = "yes";
  EXPECT_THAT(Error(p), HasSubstr("demo/pregnant: not_in_names must be true or false"));
  p["rules"][0]["not_in_names"] = true;
  EXPECT_TRUE(LoadPack(Write(p), lexicons()).rules[0].not_in_names);
}

TEST_F(PackLoaderTest, RuleWithNoTermsOrPatterns) {
  json p = GoodPack();
  p["rules"][0].erase("terms");
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("demo/pregnant: the rule has no terms, terms_file, lexicon or patterns"));
  }
}

TEST_F(PackLoaderTest, FewerThanTwoExamplesOfEachKind) {
  json p = GoodPack();
  p["rules"][0]["examples"]["match"] = {"She is pregnant."};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("demo/pregnant: examples.match needs at least 2 sentences"));
  }
  p = GoodPack();
  p["rules"][0]["examples"]["no_match"] = {"Book now."};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("demo/pregnant: examples.no_match needs at least 2 sentences"));
  }
  p = GoodPack();
  p["rules"][0]["examples"].erase("no_match");
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("demo/pregnant: examples.no_match needs at least 2 sentences"));
  }
}

TEST_F(PackLoaderTest, MissingRequiredField) {
  json p = GoodPack();
  p["rules"][0].erase("message");
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("demo/pregnant: missing field \"message\""));
  }
}

TEST_F(PackLoaderTest, UnknownListReference) {
  json p = GoodPack();
  p["rules"][0]["terms"] = {"pregnant", "@nope"};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, AllOf(HasSubstr(At("\"@nope\"") + "demo/pregnant: terms: unknown list \"@nope\""),
                              HasSubstr("(lists: @extra)")));
  }
}

TEST_F(PackLoaderTest, ContextIsChecked) {
  json p = GoodPack();
  p["rules"][0]["context"] = {{{"must", true}, {"before", 99}, {"after", 0}, {"terms", {"she"}}}};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("demo/pregnant: context[0]: before must be a whole number of words from 0 to 50"));
  }
  p["rules"][0]["context"] = {{{"must", true}, {"before", 0}, {"after", 0}, {"terms", {"she"}}}};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("context[0]: before and after are both 0"));
  }
  p["rules"][0]["context"] = {{{"must", true}, {"before", 3}, {"after", 0}, {"terms", {"she"}}, {"window", 3}}};
  {
    const std::string e = Error(p);
    EXPECT_THAT(e, HasSubstr("context[0]: unknown field \"window\""));
  }
}

TEST_F(PackLoaderTest, NameMustMatchItsFolder) {
  json p = GoodPack();
  std::filesystem::path f = Write(p, "elsewhere");
  EXPECT_THAT(ErrorOf(f), HasSubstr("name \"demo\" differs from its folder \"elsewhere\""));
}

TEST_F(PackLoaderTest, SyntaxErrorGivesLineAndColumn) {
  std::filesystem::path f = WriteText("{\n  \"name\": \"demo\",\n  \"version\": 1.0.0\n}\n");
  std::string e = ErrorOf(f);
  EXPECT_THAT(e, HasSubstr(file() + ":3:"));
  EXPECT_THAT(e, HasSubstr("not valid JSON"));
  EXPECT_THAT(e, Not(HasSubstr("[json.exception")));
}

}  // namespace
}  // namespace discreet
