// exact-date: dates of birth and dated visits in common formats; a date with no cue is a
// shop notice ("closed Dec 24-26"), not an identifier.
#include <gtest/gtest.h>

#include "detect/detector_test_util.h"

namespace discreet {
namespace {

using testing::Matched;

const Detector& Dates() {
  static const auto d = MakeExactDateDetector(testing::EmptyLexicons());
  return *d;
}

struct Case {
  const char* text;
  std::vector<Matched> expected;
};

class ExactDate : public ::testing::TestWithParam<Case> {};

TEST_P(ExactDate, Matches) {
  EXPECT_EQ(testing::MatchedWithSeverity(Dates(), GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(BirthDates, ExactDate,
                         ::testing::Values(Case{"born 03/14/1961", {{"03/14/1961", "error"}}},
                                           Case{"DOB: 1961-03-14", {{"1961-03-14", "error"}}},
                                           Case{"D.O.B. 3-14-61", {{"3-14-61", "error"}}},
                                           Case{"her birthday is March 14", {{"March 14", "error"}}},
                                           Case{"HER BIRTHDAY IS MARCH 14", {{"MARCH 14", "error"}}},
                                           Case{"b. 14 March 1961", {{"14 March 1961", "error"}}},
                                           Case{"born on the 14th of March, 1961", {{"14th of March, 1961", "error"}}},
                                           Case{"birthday May 5", {{"May 5", "error"}}},
                                           Case{"born Dec. 3", {{"Dec. 3", "error"}}},
                                           Case{"born 5 May", {{"5 May", "error"}}},  // starts at the text's last digit
                                           Case{"date of birth 14.03.1961", {{"14.03.1961", "error"}}}));

INSTANTIATE_TEST_SUITE_P(Visits, ExactDate,
                         ::testing::Values(Case{"she came in on Dec 3", {{"Dec 3", "warning"}}},
                                           Case{"appointment on 3/14/2024", {{"3/14/2024", "warning"}}},
                                           Case{"Saw her on March 3rd", {{"March 3rd", "warning"}}},
                                           Case{"on 14.03.2024 for her session", {{"14.03.2024", "warning"}}},
                                           Case{"Dec 3rd appointment", {{"Dec 3rd", "warning"}}},
                                           Case{"I massaged him on September 9", {{"September 9", "warning"}}},
                                           Case{"came in on 3/14", {{"3/14", "warning"}}},
                                           Case{"came in on 3/4",
                                                {{"3/4", "warning"}}},  // two digits, the fewest a short date has
                                           Case{"her visit on 11/2", {{"11/2", "warning"}}}));

INSTANTIATE_TEST_SUITE_P(
    LookAlikes, ExactDate,
    ::testing::Values(Case{"closed Dec 24-26", {}},
                      Case{"Happy birthday! We are closed Dec 24-26", {}},
                      Case{"Gift cards through December 24", {}},
                      Case{"open March 14", {}},
                      Case{"born in 1961", {}},
                      Case{"came in May", {}},
                      Case{"session at 10:30 on Tuesday", {}},
                      Case{"visit 2024-13-01", {}},
                      Case{"since 2019", {}},
                      Case{"Only $1,299.99 today", {}},
                      Case{"version 1.2.3 session", {}},
                      Case{"Beverly Hills 90210", {}},
                      Case{"open 24/7 for appointments", {}},
                      Case{"3-4 times a week session", {}},
                      Case{"1/2 price session", {}},
                      Case{"call (503) 555-0147", {}},
                      Case{"SSN 123-45-6789", {}}));

TEST(ExactDateFinding, FrequencyDependsOnKind) {
  auto birth = testing::RunDetector(Dates(), "born 03/14/1961");
  auto visit = testing::RunDetector(Dates(), "came in on Dec 3");
  ASSERT_EQ(birth.size(), 1u);
  ASSERT_EQ(visit.size(), 1u);
  EXPECT_EQ(birth[0].rule, "exact-date");
  ASSERT_TRUE(birth[0].frequency && visit[0].frequency);
  EXPECT_LT(*birth[0].frequency, *visit[0].frequency);
}

// Every month, in every case the pattern folds, and dates in every position of a draft:
// the date pattern is tried only at the word starts its openings name, so a month left
// out of them would be missed here.
TEST(ExactDate, EveryMonthSpellingIsFound) {
  const char* months[] = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
                          "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
                          "nov", "november", "dec", "december"};
  for (std::string m : months) {
    for (std::string spelled : {m, std::string(1, static_cast<char>(m[0] - 32)) + m.substr(1), [&] {
           std::string upper = m;
           for (char& c : upper) c = static_cast<char>(c - 32);
           return upper;
         }()}) {
      std::string text = "Her birthday, " + spelled + " 14, and then 14th of " + spelled + ".";
      std::vector<testing::Matched> want = {{spelled + " 14", "error"}, {"14th of " + spelled, "error"}};
      EXPECT_EQ(testing::MatchedWithSeverity(Dates(), text), want) << text;
    }
  }
}

// (?i) folds "ſ" to 's', so the whole-text scan matched "Seſ"-style spellings; the
// anchored scan keeps that.
TEST(ExactDate, FoldedLongSIsAStart) {
  EXPECT_EQ(testing::MatchedWithSeverity(Dates(), "born 3 ſept 1961"),
            (std::vector<testing::Matched>{{"3 ſept 1961", "error"}}));
}

TEST(ExactDate, DatesAfterOtherDatesAndInsideWords) {
  EXPECT_EQ(testing::MatchedWithSeverity(Dates(), "born 3/14/1961 and DOB 4/15/1962, x3/14/1961 no"),
            (std::vector<testing::Matched>{{"3/14/1961", "error"}, {"4/15/1962", "error"}}));
  EXPECT_EQ(testing::MatchedWithSeverity(Dates(), "came in on 3/14, then on4/2, then ON 5/6"),
            (std::vector<testing::Matched>{{"3/14", "warning"}, {"5/6", "warning"}}));
}

}  // namespace
}  // namespace discreet
