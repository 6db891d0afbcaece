// age: exact ages ("85-year-old", "85 years old", "aged 85", "(48)", ", 85,", "85yo"), ranges ("in
// her 80s", "30-something", "nonagenarian") and milestones ("turning 90", "her 90th
// birthday"), in lowercase, ALL CAPS, with accents, emoji, hashtags and possessives. Numbers
// that are durations, prices, times or decades of the century stay quiet. Ages over 89 carry
// the HIPAA note and the "90 or older" suggestion.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakeAgeDetector(who_testing::Lexicons());
  return *d;
}

class Age : public ::testing::TestWithParam<Case> {};
TEST_P(Age, Finds) { who_testing::ExpectQuasiCase(Det(), "age", GetParam()); }

// One case per line:
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    Positive, Age,
    ::testing::Values(
        Case{"My favorite client is an eccentric 85-year-old who drives a Porsche", "85-year-old"},
        Case{"she is 85 years old and still gardens every day", "85 years old"},
        Case{"My client just found out she has MS. She's only 29.", "29"},
        Case{"he is almost 90 and still golfs every week", "90"},
        Case{"A client aged 85 asked for a gentler pressure", "aged 85"},
        Case{"My client (48) has been coming in for her shoulder", "48"},
        Case{"Our client Hannah Lee (34) came to us before the marathon", "34"},
        Case{"A lovely lady in her 80s came in for a hand massage", "in her 80s"},
        Case{"HE IS TURNING 90 NEXT WEEK AND STILL SKIS", "TURNING 90"},
        Case{"my client is 30-something and a marathoner", "30-something"},
        Case{"A nonagenarian client with the firmest handshake \xF0\x9F\x91\x8B", "nonagenarian"},
        Case{"massaged a 92-year-old today \xF0\x9F\x92\xAA", "92-year-old"},
        Case{"client today (30s, lawyer, lives in the lofts on Pearl St) has tension headaches", "30s"},
        Case{"Her 90th birthday is on Saturday \xF0\x9F\x8E\x89", "90th birthday"},
        Case{"#octogenarian client walked in with a cane", "octogenarian"},
        Case{"She's eighty-five years old and sharp as a tack", "eighty-five years old"},
        Case{"a woman in her late 70s with a bad hip", "in her late 70s"},
        Case{"Massaged an 85yo gentleman this morning", "85yo"},
        Case{"my client just turned 50 and celebrated with a deep tissue", "turned 50"},
        Case{"Client, 40s, desk job, tight neck", "40s"},
        Case{"Zo\xC3\xAB is a 29-year-old nurse with tight calves", "29-year-old"},
        Case{"Ren\xC3\xA9\x65's grandma is 101 years old!", "101 years old"},
        Case{"he is 45 yrs old and lifts every day", "45 yrs old"},
        Case{"my regular is in his eighties and still golfing \xE2\x9B\xB3", "in his eighties"},
        Case{"My client is a centenarian and proud of it", "centenarian"},
        Case{"85 y/o client with the best stories", "85 y/o"},
        Case{"MY CLIENT IS 67 YEARS OLD", "67 YEARS OLD"},
        Case{"Age: 85, retired teacher, tight shoulders", "Age: 85"},
        Case{"she's in her 80\xE2\x80\x99s and spry", "in her 80\xE2\x80\x99s"},
        Case{"She's 41 and just found out she's pregnant again.", "41"},
        Case{"my client is 67, retired and restless", "67"},
        Case{"my client's 85 and still dancing", "85"},
        Case{"she's 85 \xF0\x9F\x92\x83", "85"},
        Case{"#85YearsOld client on my table", "85YearsOld"},
        Case{"her 10-year-old son plays hockey", "10-year-old"},
        Case{"My client Sally Smith, 85, came in today", "85"},
        Case{"Sally Smith, 85, of Pinedale booked again", "85"},
        Case{"my client, 92, came in for a massage", "92"},
        Case{"Grandma Rose, 101, still walks daily", "101"},
        Case{"Her son, 7, waited outside \xF0\x9F\x98\x8A", "7"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, Age,
    ::testing::Values(
        Case{"Book a 90-minute session today", ""},
        Case{"It's only 29 dollars this week!", ""},
        Case{"She's only 29 weeks along and glowing.", ""},
        Case{"Open Monday, 9, and Tuesday, 10, for walk-ins", ""},
        Case{"We see 85, maybe 90, clients a week", ""},
        Case{"My client told me Chicago, 12, was the best trip", ""},
        Case{"Packages: Relax, 60, and Restore, 90, minutes", ""},
        Case{"Suite B, 12, Main Street is our new address", ""},
        Case{"I opened this studio 15 years ago", ""},
        Case{"Gift cards are $90 this week", ""},
        Case{"Our 80s music night is Friday \xF0\x9F\x8E\xB6", ""},
        Case{"Turning 90 degrees on the table is never required", ""},
        Case{"New year, new you! Book 3 sessions in January and get the 4th free.", ""},
        Case{"Clients over 65 get a senior discount", ""},
        Case{"Back in the 90s massage was a luxury", ""},
        Case{"The thermostat is set to 70 for your comfort", ""},
        Case{"| 60 min | $90 |\n| 90 min | $130 |", ""},
        Case{"Stretch for 30 seconds, breathe for 10", ""},
        Case{"Happy 25th anniversary to our studio!", ""},
        Case{"World Cup fever is here \xE2\x9A\xBD we open at 7am on match days.", ""},
        Case{"Our founder, Maria Santos, started this studio 15 years ago in Tucson.", ""},
        Case{"Room 85 is our hot stone suite", ""},
        Case{"TEENAGERS WELCOME WITH A PARENT", ""},
        Case{"Highway 85 is closed so leave early", ""},
        Case{"Top 10 stretches for runners #stretching", ""},
        Case{"Our whiskey massage oil is aged 12 months in oak", ""},
        Case{"We've been open for 30-something years and counting", ""},
        Case{"Our caf\xC3\xA9's 1990s d\xC3\xA9\x63or gets compliments", ""},
        Case{"Buy 5 sessions, get 1 free \xF0\x9F\x8E\x81", ""},
        Case{"She did 20 minutes on the bike and 3 sets of squats", ""},
        Case{"she's 41 weeks pregnant and ready to pop", ""},
        Case{"She's 100% better after two sessions", ""},
        Case{"she was 10 minutes late again", ""},
        Case{"Our 80's playlist is on repeat", ""},
        Case{"It's 5 and we're closed, see you tomorrow", ""},
        Case{"my client's 3 kids are wild", ""},
        Case{"Our studio is in a 100-year-old building downtown \xF0\x9F\x8F\x9B\xEF\xB8\x8F", ""},
        Case{"We still use a 30-year-old recipe for our balm", ""},
        Case{"The old oak out front? The tree is 85 years old.", ""},
        Case{"Our studio's 10 years old today!", ""},
        Case{"her 15-year-old cat sleeps in the waiting room", ""}));

// clang-format on

// The table helper itself: a missed want and an unexpected finding both fail.
TEST(QuasiCaseHelper, ReportsAMissAndAnUnexpectedFinding) {
  EXPECT_NONFATAL_FAILURE(who_testing::ExpectQuasiCase(Det(), "age", Case{"Book a 90-minute session", "90"}),
                          "should find");
  EXPECT_NONFATAL_FAILURE(who_testing::ExpectQuasiCase(Det(), "age", Case{"she is 85 years old", ""}),
                          "unexpected age");
  EXPECT_NONFATAL_FAILURE(who_testing::ExpectQuasiCase(Det(), "age", Case{"she is 85 years old", "85"}),
                          "should find");
}

bool HasSuggestion(const Finding& f, std::string_view s) {
  return std::find(f.suggestions.begin(), f.suggestions.end(), s) != f.suggestions.end();
}

// Ages over 89 are HIPAA identifiers: the message says so and the advice is "90 or older",
// whether the age is exact, a milestone or a range; 89 and below get the usual advice.
TEST(AgeDetails, OverEightyNineCarriesTheHipaaNote) {
  for (const char* text : {"massaged a 92-year-old today", "she is turning 90 next week",
                           "a nonagenarian client with a firm handshake", "my client is in her 90s",
                           "her 95th birthday is on Saturday", "MY CLIENT IS 101 YEARS OLD", "a centenarian client",
                           "my 92 yo client"}) {
    auto found = who_testing::Run(Det(), text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].severity, Severity::kWarning) << text;
    EXPECT_NE(found[0].message.find("89"), std::string::npos) << text << ": " << found[0].message;
    EXPECT_NE(found[0].message.find("HIPAA"), std::string::npos) << text << ": " << found[0].message;
    EXPECT_TRUE(HasSuggestion(found[0], "90 or older")) << text;
  }
  for (const char* text : {"massaged an 89-year-old today", "a woman in her 80s", "she is 85 years old"}) {
    auto found = who_testing::Run(Det(), text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].message.find("HIPAA"), std::string::npos) << text << ": " << found[0].message;
    EXPECT_FALSE(HasSuggestion(found[0], "90 or older")) << text;
  }
}

// An exact age suggests its decade with the person's pronoun; a range is a weaker detail
// than an exact age.
TEST(AgeDetails, ExactAgeSuggestsItsDecadeAndIsRarerThanARange) {
  auto exact = who_testing::Run(Det(), "she is 85 years old");
  auto range = who_testing::Run(Det(), "she is in her 80s");
  ASSERT_EQ(exact.size(), 1u);
  ASSERT_EQ(range.size(), 1u);
  EXPECT_TRUE(HasSuggestion(exact[0], "in her 80s"));
  EXPECT_LT(*exact[0].frequency, *range[0].frequency);
  EXPECT_GT(*exact[0].bits(), *range[0].bits());
}

// A teenager's age has one safer wording, not the same one twice.
TEST(AgeDetails, ATeenagersAgeSuggestsTheBandOnce) {
  auto found = who_testing::Run(Det(), "She's only 16 and already being recruited.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions, std::vector<std::string>{"a teenager"});
}

}  // namespace
}  // namespace discreet
