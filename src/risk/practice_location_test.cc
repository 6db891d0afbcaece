// Tests of the practice-location lookup against a small gazetteer.
#include "risk/practice_location.h"

#include <gtest/gtest.h>

#include "error.h"

namespace discreet {
namespace {

LexiconSet SmallGazetteer() {
  LexiconSet set;
  set.Add(std::make_unique<Lexicon>(
      "places", TsvTable::Parse("places.tsv",
                                "name\tascii_name\tpopulation\tcountry\tadmin1\tfeature\n"
                                "Springfield\tSpringfield\t167000\tUS\tMO\tPPLA2\n"
                                "Springfield\tSpringfield\t114000\tUS\tIL\tPPLA\n"
                                "Pinedale\tPinedale\t1800\tUS\tWY\tPPLA2\n"
                                "Zürich\tZurich\t341730\tCH\t25\tPPLA\n")));
  return set;
}

TEST(PracticeLocationTest, FindsAUniquePlace) {
  PracticeLocation p = ResolvePracticeLocation(SmallGazetteer(), "Pinedale", std::nullopt, "cfg");
  EXPECT_EQ(p.population, 1800);
  EXPECT_EQ(p.name, "Pinedale, WY, US");
  EXPECT_EQ(ResolvePracticeLocation(SmallGazetteer(), "zurich", std::nullopt, "cfg").population, 341730);
}

TEST(PracticeLocationTest, QualifierPicksOne) {
  EXPECT_EQ(ResolvePracticeLocation(SmallGazetteer(), "Springfield, IL", std::nullopt, "cfg").population, 114000);
}

TEST(PracticeLocationTest, AmbiguousListsCandidates) {
  try {
    ResolvePracticeLocation(SmallGazetteer(), "Springfield", std::nullopt, "cfg");
    FAIL();
  } catch (const ConfigError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("ambiguous"), std::string::npos) << m;
    EXPECT_NE(m.find("Springfield, MO, US (167000)"), std::string::npos) << m;
    EXPECT_NE(m.find("Springfield, IL, US (114000)"), std::string::npos) << m;
  }
}

TEST(PracticeLocationTest, UnknownSaysHowToGiveAPopulation) {
  try {
    ResolvePracticeLocation(SmallGazetteer(), "Nowhereville", std::nullopt, "cfg");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("population"), std::string::npos);
  }
}

TEST(PracticeLocationTest, GivenPopulationWins) {
  EXPECT_EQ(ResolvePracticeLocation(SmallGazetteer(), "Nowhereville", 1500, "cfg").population, 1500);
}

}  // namespace
}  // namespace discreet
