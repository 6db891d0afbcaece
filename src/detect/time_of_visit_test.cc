// time: a client's recurring slot ("my 7am regular", "every Friday at 5", "Tuesdays at 6")
// is a warning in a sentence about a person; a one-off visit time ("my 10am today", "this
// morning") is info; opening hours and classes ("we open at 7am", "our 7am class") are not
// about anyone. Lowercase, ALL CAPS, accents, emoji, hashtags and possessives included.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakeTimeDetector(who_testing::Lexicons());
  return *d;
}

class TimeOfVisit : public ::testing::TestWithParam<Case> {};
TEST_P(TimeOfVisit, Finds) { who_testing::ExpectQuasiCase(Det(), "time", GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    Positive, TimeOfVisit,
    ::testing::Values(
        Case{"My 7am regular finally booked a 90-minute session.", "My 7am regular"},
        Case{"she comes in every Friday at 5 for her shoulders", "every Friday at 5"},
        Case{"He comes in Tuesdays at 6 and always brings coffee", "Tuesdays at 6"},
        Case{"my tuesday 6pm client cried on the table", "my tuesday 6pm client"},
        Case{"EVERY MONDAY AT 9AM SHE IS HERE", "EVERY MONDAY AT 9AM"},
        Case{"My 3pm regular brought cupcakes \xF0\x9F\xA7\x81", "My 3pm regular"},
        Case{"She books every other Thursday morning", "every other Thursday morning"},
        Case{"He's on my table Wednesdays at 4:30", "Wednesdays at 4:30"},
        Case{"she comes each Saturday @ 10am", "each Saturday @ 10am"},
        Case{"my Friday regular loves hot stones", "my Friday regular"},
        Case{"Mondays at 7 are reserved for my favorite client", "Mondays at 7"},
        Case{"my client comes every Sunday evening", "every Sunday evening"},
        Case{"her standing appointment is every Wednesday at noon", "every Wednesday at noon"},
        Case{"Zo\xC3\xAB comes in Fridays at 5pm \xF0\x9F\x92\x86", "Fridays at 5pm"},
        Case{"my 6:30am regular is a nurse", "my 6:30am regular"},
        Case{"SHE COMES IN SATURDAYS AT 8", "SATURDAYS AT 8"},
        Case{"My 10am regular's shoulders are always tight", "My 10am regular's"},
        Case{"my 8am regulars are the best #earlybirds", "my 8am regulars"},
        Case{"Jos\xC3\xA9's husband is here every Thursday at 7pm sharp", "every Thursday at 7pm"},
        Case{"the guy who comes every Monday at 8 brought his wife", "every Monday at 8"},
        Case{"my Monday 9am lady broke her wrist", "my Monday 9am lady"},
        Case{"he comes in every Tuesday at 6 p.m.", "every Tuesday at 6 p.m."},
        Case{"my 5:30 regular is here", "my 5:30 regular"},
        Case{"my client books every Monday @ 7", "every Monday @ 7"},
        Case{"he comes in every Tuesday and Thursday at 6", "every Tuesday and Thursday at 6"},
        Case{"she comes in Tuesdays & Thursdays at 6pm", "Tuesdays & Thursdays at 6pm"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, TimeOfVisit,
    ::testing::Values(
        Case{"World Cup fever is here \xE2\x9A\xBD Come in for a stretch \xE2\x80\x94 we open at 7am on match days.",
             ""},
        Case{"Open Tuesdays and Thursdays until 8", ""},
        Case{"We will be closed Monday for Memorial Day. Online booking stays open.", ""},
        Case{"Our 7am class is full", ""},
        Case{"Yoga every Saturday at 9, all welcome", ""},
        Case{"My 9am coffee is sacred \xE2\x98\x95", ""},
        Case{"Book online any time today", ""},
        Case{"Happy Friday! #selfcare", ""},
        Case{"Sessions run 60 min, last booking at 8pm", ""},
        Case{"Mondays are for stretching", ""},
        Case{"Gift cards available this morning only", ""},
        Case{"I massaged her this morning and she felt better", ""},
        Case{"my 10am today cancelled, so I stretched", ""},
        Case{"Every Friday we post a stretching tip", ""},
        Case{"Our Sunday hours are 10 to 4", ""},
        Case{"EVERY TUESDAY AT 6 IS TRIVIA NIGHT NEXT DOOR", ""},
        Case{"Fridays at 5 we close early", ""},
        Case{"New year, new you! Book 3 sessions in January and get the 4th free.", ""},
        Case{"The Tuesday special is back", ""},
        Case{"Caf\xC3\xA9 next door opens at 7 on weekdays", ""},
        Case{"CLOSED FOR THE HOLIDAYS DEC 24-26. SEE YOU AFTER CHRISTMAS!", ""},
        Case{"Our 6pm slot on Wednesdays is open", ""},
        Case{"Open Tuesdays and Thursdays at 8 for early birds", ""},
        Case{"open late on thursdays, book online", ""},
        Case{"we post a new stretch every monday", ""},
        Case{"the studio's Saturday hours are 9 to 1", ""},
        Case{"the salon's Tuesday special is back", ""}));

// One-off visit times are weak details: reported, but at info.
TEST(TimeOfVisitDetails, AOneOffVisitIsInfo) {
  EXPECT_EQ(who_testing::MatchedAt(Det(), "time", Severity::kInfo, "my 10am today was a delight"),
            std::vector<std::string>{"my 10am"});
  EXPECT_EQ(who_testing::MatchedAt(Det(), "time", Severity::kInfo, "I massaged her this morning"),
            std::vector<std::string>{"this morning"});
}

TEST(TimeOfVisitDetails, ARecurringSlotWithAClockIsRarerThanADay) {
  auto clock = who_testing::Run(Det(), "she comes in every Friday at 5");
  auto day = who_testing::Run(Det(), "she comes in every Friday");
  ASSERT_EQ(clock.size(), 1u);
  ASSERT_EQ(day.size(), 1u);
  EXPECT_EQ(day[0].severity, Severity::kWarning);
  EXPECT_LT(*clock[0].frequency, *day[0].frequency);
}

TEST(TimeOfVisitDetails, ARegularSlotSuggestsARegularClient) {
  auto found = who_testing::Run(Det(), "My 7am regular finally booked.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions.front(), "a regular client");
}

}  // namespace
}  // namespace discreet
