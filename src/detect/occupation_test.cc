// occupation: a job said about a person ("a local firefighter", "teaches 4th grade", "the
// UPS driver", "a player from the Super Bowl champions", "(30s, lawyer, ...)"), in
// lowercase, ALL CAPS, with accents, emoji, hashtags and possessives. Generic jobs ("ask
// your doctor"), the studio's own staff ("our receptionist"), promotions ("nurse
// appreciation week") and the writer's own trade stay quiet.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakeOccupationDetector(who_testing::Lexicons());
  return *d;
}

class Occupation : public ::testing::TestWithParam<Case> {};
TEST_P(Occupation, Finds) { who_testing::ExpectQuasiCase(Det(), "occupation", GetParam()); }

// One case per line:
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    Positive, Occupation,
    ::testing::Values(
        Case{"My client is a local firefighter with tight shoulders", "local firefighter"},
        Case{"My client is an Olympic swimmer and has a torn rotator cuff.", "Olympic swimmer"},
        Case{"my client plays in the NBA and has a sprained ankle", "plays in the NBA"},
        Case{"Worked on a sweet 92-year-old WWII vet today.", "WWII vet"},
        Case{"My client the ER doc at St. Vincent's is burning out, 3 night shifts in a row", "ER doc"},
        Case{"The guy from the Channel 5 weather team was on my table today", "weather team"},
        Case{"Client today is a 34 yo pediatric oncologist who just got engaged!!", "pediatric oncologist"},
        Case{"She teaches 4th grade and her neck shows it", "teaches 4th grade"},
        Case{"client today (30s, lawyer, lives in the lofts on Pearl St) has tension headaches", "lawyer"},
        Case{"Client tip from Kevin (the UPS driver on our route): he swears by foam rolling.", "UPS driver"},
        Case{"Had a pro hockey player on my table today! Can't say who \xF0\x9F\x98\x89", "pro hockey player"},
        Case{"Massaged a player from the Super Bowl champions the day after the parade.",
             "player from the Super Bowl champions"},
        Case{"he works as a nurse at the hospital", "nurse"},
        Case{"A RETIRED POLICE OFFICER CAME IN TODAY", "RETIRED POLICE OFFICER"},
        Case{"my regular, a retired dentist, brought cookies", "retired dentist"},
        Case{"She's a pilot and flies out tomorrow \xE2\x9C\x88\xEF\xB8\x8F", "pilot"},
        Case{"Her husband is an electrician", "electrician"},
        Case{"He taught kindergarten for 30 years", "taught kindergarten"},
        Case{"Jos\xC3\xA9 is a veterinarian with a sore back", "veterinarian"},
        Case{"she's a surgeon and stands all day", "surgeon"},
        Case{"my client, a plumber, always books Fridays", "plumber"},
        Case{"he's a pastor at a small church", "pastor"},
        Case{"She teaches high school math and grades all weekend", "teaches high school math"},
        Case{"He's a bartender downtown and his feet hurt", "bartender"},
        Case{"my client is a welder at the shipyard", "welder"},
        Case{"Zo\xC3\xAB's husband is a firefighter \xF0\x9F\x94\xA5", "firefighter"},
        Case{"MY CLIENT IS A LAWYER", "LAWYER"},
        Case{"she is a school principal and never sits down", "school principal"},
        Case{"her son is a former firefighter", "former firefighter"},
        Case{"my client plays for the Dolphins and his hamstrings show it", "plays for the Dolphins"},
        Case{"HE PLAYED FOR THE MIAMI DOLPHINS", "PLAYED FOR THE MIAMI DOLPHINS"},
        Case{"she's the town's only vet", "vet"},
        Case{"she's a PM at the software company", "PM"},
        Case{"my client, a #firefighter, has a sore back", "firefighter"},
        Case{"SHE'S A 3RD GRADE TEACHER", "3RD GRADE TEACHER"},
        Case{"she taught music at the high school for 30 years", "taught music at the high school"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, Occupation,
    ::testing::Values(
        Case{"Ask your doctor before booking a deep tissue session", ""},
        Case{"Our receptionist will call to confirm", ""},
        Case{"Watching the Olympic swimming finals tonight!", ""},
        Case{"Nurse appreciation week: 20% off!", ""},
        Case{"Consult a physician if pain persists", ""},
        Case{"As a massage therapist, I see a lot of tight necks", ""},
        Case{"Firefighters get 10% off every Tuesday", ""},
        Case{"Become a yoga instructor with our course", ""},
        Case{"Teachers, we see you \xF0\x9F\x8D\x8E", ""},
        Case{"The lawyer's office next door is loud", ""},
        Case{"Every athlete needs recovery days", ""},
        Case{"We're hiring a receptionist!", ""},
        Case{"DOCTORS RECOMMEND REGULAR MASSAGE", ""},
        Case{"Our physical therapist partner is offering free consults", ""},
        Case{"Chef's kiss to this new oil blend", ""},
        Case{"I teach a stretching class on Mondays", ""},
        Case{"Any runner knows the feeling", ""},
        Case{"A plumber fixed our sink today", ""},
        Case{"#nurselife deserves a foot rub", ""},
        Case{"Taylor Swift's Eras tour playlist is our official soundtrack this week.", ""},
        Case{"Teacher discount all summer \xE2\x98\x80\xEF\xB8\x8F", ""},
        Case{"Pregnancy massage is safe after the first trimester with the right positioning.", ""},
        Case{"Caf\xC3\xA9 owners: your backs need us too", ""},
        Case{"she plays for fun on weekends", ""},
        Case{"the kids were playing with the dog in the lobby", ""},
        Case{"she said her doctor told her to rest", ""},
        Case{"His lawyer is handling everything, he says", ""},
        Case{"my client's nurse gave her a referral", ""},
        Case{"she comes every Tuesday at 6 pm", ""},
        Case{"My client is a huge Doctor Who fan and we talked about it all session.", ""}));
// clang-format on

TEST(OccupationDetails, ARosterIsRarerThanAJob) {
  auto player = who_testing::Run(Det(), "Massaged a player from the Super Bowl champions today.");
  auto nurse = who_testing::Run(Det(), "she works as a nurse");
  ASSERT_EQ(player.size(), 1u);
  ASSERT_EQ(nurse.size(), 1u);
  EXPECT_EQ(player[0].severity, Severity::kWarning);
  EXPECT_GT(*player[0].bits(), *nurse[0].bits());
  EXPECT_EQ(player[0].suggestions.front(), "an athlete");
}

// "retired" is a row of its own ("my client is retired"); before a job it is that job's
// modifier, one detail rather than two.
// "WWII vet" is a veteran of that war, not a veterinarian, and far rarer than "a veteran".
TEST(OccupationDetails, AWarVetIsAVeteranOfThatWar) {
  auto found = who_testing::Run(Det(), "My client is a WWII vet and still walks every day.");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].frequency.has_value());
  EXPECT_LT(*found[0].frequency, 0.001);
  EXPECT_EQ(found[0].suggestions.front(), "served in the military");
}

TEST(OccupationDetails, RetiredBeforeAJobIsOneDetail) {
  EXPECT_EQ(who_testing::MatchedAt(Det(), "occupation", Severity::kWarning, "my regular, a retired dentist, brought cookies"),
            std::vector<std::string>{"retired dentist"});
  EXPECT_EQ(who_testing::MatchedAt(Det(), "occupation", Severity::kWarning, "my client is retired"),
            std::vector<std::string>{"retired"});
}

// League players travel: the finding says how many hold the job nationwide, so the risk
// model can tell "a pro hockey player" (one of the league) from one in a named town.
TEST(OccupationDetails, LeaguePlayersCarryTheirNationwidePool) {
  auto hockey = who_testing::Run(Det(), "Had a pro hockey player on my table today!");
  auto firefighter = who_testing::Run(Det(), "she is a firefighter");
  ASSERT_EQ(hockey.size(), 1u);
  ASSERT_EQ(firefighter.size(), 1u);
  ASSERT_TRUE(hockey[0].nationwide.has_value());
  EXPECT_NEAR(*hockey[0].nationwide, *hockey[0].frequency * 330'000'000, 1);
  EXPECT_GT(*hockey[0].nationwide, 500);   // NHL: 32 teams x 23
  EXPECT_LT(*hockey[0].nationwide, 1'000);
  EXPECT_FALSE(firefighter[0].nationwide.has_value());
}

TEST(OccupationDetails, OneGradeIsRarerThanTeaching) {
  auto grade_teacher = who_testing::Run(Det(), "she's a 4th grade teacher");
  auto plain_teacher = who_testing::Run(Det(), "she's a teacher");
  ASSERT_EQ(grade_teacher.size(), 1u);
  ASSERT_EQ(plain_teacher.size(), 1u);
  EXPECT_LT(*grade_teacher[0].frequency, *plain_teacher[0].frequency);
  auto grade = who_testing::Run(Det(), "she teaches 4th grade");
  auto teacher = who_testing::Run(Det(), "she teaches high school math");
  ASSERT_EQ(grade.size(), 1u);
  ASSERT_EQ(teacher.size(), 1u);
  EXPECT_LT(*grade[0].frequency, *teacher[0].frequency);
}

}  // namespace
}  // namespace discreet
