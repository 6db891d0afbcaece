// public-role: "<role> of <organisation|place|event>", "<figure>'s <relation>", winners of
// events, and uniques/superlatives — with lowercase, ALL CAPS, hashtags, emoji and
// possessives — and the everyday phrases that only look like them.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakePublicRoleDetector(who_testing::Lexicons());
  return *d;
}

class PublicRole : public ::testing::TestWithParam<Case> {};
TEST_P(PublicRole, Finds) { who_testing::ExpectCase(Det(), "public-role", GetParam()); }

// One case per line:
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    Positive, PublicRole,
    ::testing::Values(
        Case{"Just gave a massage to the Crown Prince of Dubai. What a week!", "Crown Prince of Dubai"},
        Case{"My client won the Boston Marathon last year, her calves are elite.", "won the Boston Marathon"},
        Case{"HE WINS THE STANLEY CUP AND STILL BOOKS HIS MASSAGE \xF0\x9F\x8F\x92", "WINS THE STANLEY CUP"},
        Case{"Guess who was on my table this afternoon? The CEO of the Miami Dolphins!", "CEO of the Miami Dolphins"},
        Case{"Massaged Beyonc\xC3\xA9's manager before the show tonight \xF0\x9F\x99\x8C", "Beyonc\xC3\xA9's manager"},
        Case{"Worked on one of the winners of the Stanley Cup this week.", "winners of the Stanley Cup"},
        Case{"Today's client: the owner of the yellow food truck by the courthouse.", "owner of the yellow food truck"},
        Case{"My 7am regular \xE2\x80\x94 the only female welder at the shipyard \xE2\x80\x94 finally booked",
             "only female welder at the shipyard"},
        Case{"We loved working with the oldest member of the Rotary Club in Sitka", "oldest member of the Rotary Club"},
        Case{"the mayor of Burlington was on my table today", "mayor of Burlington"},
        Case{"Massaged the principal of Jefferson High after the big game", "principal of Jefferson High"},
        Case{"my client, the starting quarterback of the Kansas City Chiefs, has tight hips",
             "starting quarterback of the Kansas City Chiefs"},
        Case{"Our town's only veterinarian came in with a sore back", "Our town's only veterinarian"},
        Case{"THE HEAD COACH OF THE DALLAS COWBOYS WAS ON MY TABLE", "HEAD COACH OF THE DALLAS COWBOYS"},
        Case{"massaged the mayor of laramie today", "mayor of laramie"},
        Case{"Tom Brady's personal chef came in for a session", "Tom Brady's personal chef"},
        Case{"Had the Dolphins' head coach on my table \xF0\x9F\x90\xAC", "Dolphins' head coach"},
        Case{"Worked on the Super Bowl MVP today, what a week", "Super Bowl MVP"},
        Case{"The fire chief of Laramie booked a massage", "fire chief of Laramie"},
        Case{"Our client is the pastor of Grace Church downtown", "pastor of Grace Church"},
        Case{"the youngest player on the Boston Red Sox came in today", "youngest player on the Boston Red Sox"},
        Case{"Massaged Taylor Swift's bodyguard, the man is a wall", "Taylor Swift's bodyguard"},
        Case{"#blessed to work on the governor of Wyoming today", "governor of Wyoming"},
        Case{"The oldest resident of our town came in for her birthday massage", "oldest resident of our town"},
        Case{"the only dentist in Sitka swears by our hot stone massage", "only dentist in Sitka"},
        Case{"My client, the mayor's wife, is going through chemo.", "the mayor's wife"},
        Case{"Had the mayor on my table today, his back was a mess.", "the mayor"},
        Case{"THE SHERIFF'S SON CAME IN AGAIN FOR HIS SHOULDER", "THE SHERIFF'S SON"},
        Case{"Our fire chief came in for a deep tissue session today \xF0\x9F\x94\xA5", "Our fire chief"},
        Case{"my client's husband is the town clerk", "the town clerk"},
        Case{"My client, the owner of the flower shop on Elm, is going through chemo.", "owner of the flower shop"},
        Case{"The guy who runs the hardware store downtown came in with a frozen shoulder.",
             "guy who runs the hardware store"},
        Case{"Our regular who owns the taco truck is expecting twins! \xF0\x9F\x8C\xAE", "regular who owns the taco truck"},
        Case{"MY CLIENT WHO MANAGES THE WALMART ON 5TH HAS A BAD BACK", "CLIENT WHO MANAGES THE WALMART"},
        Case{"Had the only female pilot at our regional airport on my table today \xE2\x9C\x88", "only female pilot at our regional airport"},
        Case{"the oldest nurse at our local hospital came in today", "oldest nurse at our local hospital"},
        Case{"My client who runs the food bank came in today", "client who runs the food bank"},
        Case{"JUST HAD THE QB FROM OUR HIGH SCHOOL ON MY TABLE BEFORE STATE!!!", "QB FROM OUR HIGH SCHOOL"},
        Case{"just had the quarterback of our high school on my table", "quarterback of our high school"},
        Case{"MY CLIENT, THE ONLY FEMALE PILOT AT OUR REGIONAL AIRPORT, HAS A STIFF NECK", "ONLY FEMALE PILOT AT OUR REGIONAL AIRPORT"},
        Case{"My client who manages the farm down the road came in", "client who manages the farm"},
        // A possessive scope before the role: the school's, the church's, a named school's.
        Case{"My client, our high school's head football coach, had knee surgery.", "our high school's head football coach"},
        Case{"My client is our church's organist and has tendonitis.", "our church's organist"},
        Case{"My client, Jefferson High's principal, came in today.", "Jefferson High's principal"},
        Case{"my client is the youngest partner at her law firm", "youngest partner at her law firm"},
        Case{"My client is the only female firefighter in the county.", "only female firefighter in the county"},
        Case{"My client is one of the few female firefighters in the county.", "one of the few female firefighters in the county"},
        Case{"ONE OF THE VERY FEW WOMEN WELDERS AT THE SHIPYARD CAME IN TODAY", "ONE OF THE VERY FEW WOMEN WELDERS AT THE SHIPYARD"},
        // A pageant's title held by a client, and the winner of the pageant.
        Case{"My client, Miss Wyoming 2024, has a sore back.", "Miss Wyoming"},
        Case{"Congrats to my client who just won the Miss Wyoming pageant!", "won the Miss Wyoming"},
        // A relative of a town's one role-holder, with "of" and a modifier.
        Case{"My Monday regular is the widow of the former fire chief.", "widow of the former fire chief"},
        Case{"My client is the son of the former mayor and has a bad back.", "son of the former mayor"},
        // A feat has one holder: "the first woman to ...".
        Case{"So proud of my client who just became the first woman to summit K2 from our town!",
             "first woman to summit K2 from our town"},
        Case{"My client is the youngest person to swim the English Channel.", "youngest person to swim the English Channel"},
        // "Mayo" is the clinic, not Mayo, Maryland.
        Case{"My client is a surgeon at Mayo and was just sued for malpractice.", "surgeon at Mayo"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, PublicRole,
    ::testing::Values(
        Case{"Tips from the CEO of a wellness company", ""},
        Case{"She won the lottery, lucky girl.", ""},
        Case{"We won the Best of Portland award again!", ""},
        Case{"I'm the only massage therapist in town who does cupping", ""},
        Case{"My first client of the day is always the hardest", ""},
        Case{"The best massage in town!", ""},
        Case{"Congrats to the winners of our holiday raffle!", ""},
        Case{"The owner of the studio will be away next week", ""},
        Case{"Ask the front desk manager about gift cards", ""},
        Case{"Our team is the only one in the county offering cupping", ""},
        Case{"Player of the week: your hamstrings!", ""},
        Case{"We are the only studio in town open on Sundays", ""},
        Case{"Taylor Swift's music makes every session better", ""},
        Case{"The king of the castle needs a massage too \xF0\x9F\x91\x91", ""},
        Case{"Our president's day sale starts Monday", ""},
        Case{"A player on my table today \xE2\x80\x94 can't say who!", ""},
        Case{"The chair of the board loved our new chairs", ""},
        Case{"Catch the game with the Miami Dolphins fans at the bar", ""},
        Case{"We're the first spa in Burlington to offer cryotherapy", ""},
        Case{"THE BEST SEAT IN THE HOUSE IS OUR MASSAGE CHAIR", ""},
        Case{"The mayor's proclamation made it Massage Therapy Week", ""},
        Case{"Our favorite client is the sweetest person", ""},
        Case{"Coach of the year? That's you, hamstrings.", ""},
        Case{"The last person to leave turns off the diffuser \xF0\x9F\x8C\xBF", ""},
        Case{"#MassageMonday: the owner of a sore neck deserves a treat", ""},
        Case{"Thanks to the mayor for cutting the ribbon at our new studio!", ""},
        Case{"The fire chief's open house is Saturday, stop by our booth", ""},
        Case{"My client loved the mayor's speech at the parade", ""},
        Case{"The mayor declared October Massage Therapy Month! Thank you, Mayor Lee.", ""},
        Case{"A nurse from our team will call you to confirm", ""},
        Case{"The mayor of a small town came in today.", ""},
        Case{"The owner of the massage studio will be away next week", ""},
        Case{"The guy who ran the Boston Marathon came in today", ""},
        Case{"The lady who owns the studio is on vacation until Monday", ""},
        Case{"My client who owns a bakery came in today", ""},
        Case{"We're the only studio in our part of town with a sauna", ""},
        Case{"He is the only vegan at our house, so I cook twice", ""},
        Case{"My client who owns the cutest dog came in today \xF0\x9F\x90\xB6", ""},
        // The writer's own business is no one else's organisation.
        Case{"The VP of marketing at our studio is me, ha.", ""},
        Case{"The CEO of our studio is me, ha.", ""},
        // A role word inside an organisation's name is the organisation.
        Case{"My client works at the Dollar General and has migraines.", ""},
        Case{"My client works for General Motors.", ""},
        Case{"I'm one of the few massage therapists in the county who offers cupping.", ""},
        Case{"We're one of the few studios in town open on Sundays.", ""},
        Case{"One of the few perks of winter: hot stone season!", ""},
        Case{"Our high school's football team won state!", ""},
        Case{"Miss America is on TV tonight, who's watching?", ""},
        Case{"My client is watching Miss Wyoming tonight with her daughter.", ""},
        Case{"The first person to call wins a free massage!", ""},
        Case{"She was the first woman to walk in today.", ""},
        Case{"He's the only man to ever beat me at chess, lol.", ""},
        Case{"We became the first studio in town to offer cupping.", ""}));
// clang-format on

TEST(PublicRoleDetails, OneHolderIsDirect) {
  auto found = who_testing::Run(Det(), "I massaged the CEO of the Miami Dolphins.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].direct);
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].suggestions.front(), "a business executive");
}

// "a surgeon at Mayo" is at the Mayo Clinic (organisations.tsv's alias), not one of ten
// surgeons in Mayo, Maryland (8,298 people).
TEST(PublicRoleDetails, AnOrganisationAliasWinsOverASmallTown) {
  auto found = who_testing::Run(Det(), "My client is a surgeon at Mayo and was just sued for malpractice.");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].frequency.has_value());
  EXPECT_LT(*found[0].frequency, 1e-6);
}

TEST(PublicRoleDetails, PlaceScopeUsesPopulation) {
  auto found = who_testing::Run(Det(), "I massaged the mayor of Sitka.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(*found[0].frequency, 1.0 / 8863, 1e-6);
}

TEST(PublicRoleDetails, ARelationOfALocalRoleHasTheRelationsHolders) {
  auto wife = who_testing::Run(Det(), "My client, the mayor's wife, came in today.");
  ASSERT_EQ(wife.size(), 1u);
  EXPECT_TRUE(wife[0].direct);
  EXPECT_EQ(wife[0].suggestions.front(), "a client");
  auto son = who_testing::Run(Det(), "My client, the sheriff's son, came in today.");
  ASSERT_EQ(son.size(), 1u);
  EXPECT_FALSE(son[0].direct);  // a sheriff may have several sons
}

// "A nurse at St. Mary's" is one of a hundred there, nobody anyone looks up: an occupation
// narrowed by its workplace, with the role's holders over the place's population.
TEST(PublicRoleDetails, AJobHeldByManyAtAPlaceIsAnOccupation) {
  auto found = who_testing::Run(Det(), "My client, a nurse at St. Mary's, came in today.");
  ASSERT_EQ(found.size(), 1u) << who_testing::Describe(found, "My client, a nurse at St. Mary's, came in today.");
  EXPECT_EQ(found[0].rule, "occupation");
  EXPECT_EQ(found[0].category, Category::kQuasiIdentifier);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_FALSE(found[0].direct);
  ASSERT_TRUE(found[0].frequency.has_value());
  EXPECT_GT(*found[0].frequency, 1e-3);
  EXPECT_NE(found[0].message.find("100 or so"), std::string::npos) << found[0].message;
  EXPECT_EQ(found[0].suggestions.front(), "a nurse");
  // Without a client it is only noted.
  auto news = who_testing::Run(Det(), "Welcome to the team, a nurse at St. Mary's who joins us on Fridays.");
  for (const Finding& f : news) EXPECT_NE(f.rule, "public-role");
}

// A department between the role and the organisation; "my Tuesday 7am" is a booked client.
TEST(PublicRoleDetails, ARoleOfADepartmentAtAnOrganisation) {
  const std::string text = "Shoutout to my Tuesday 7am who just got promoted to VP of marketing at Nike!";
  auto found = who_testing::Run(Det(), text);
  ASSERT_EQ(found.size(), 1u) << who_testing::Describe(found, text);
  EXPECT_EQ(text.substr(found[0].span.start, found[0].span.size()), "VP of marketing at Nike");
  EXPECT_EQ(found[0].severity, Severity::kError);
  auto hr = who_testing::Run(Det(), "My client is the senior vice president of human resources for Nike.");
  ASSERT_EQ(hr.size(), 1u);
  EXPECT_EQ(hr[0].rule, "public-role");
  EXPECT_TRUE(who_testing::Run(Det(), "The VP of marketing is out this week, so call the front desk.").empty());
}

TEST(PublicRoleDetails, ATeamsRosterIsPublicHoweverLong) {
  auto found = who_testing::Run(Det(), "I massaged a player for the Miami Dolphins today.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "public-role");
}

// "One of the few" is a handful of holders: not direct, yet rarer than the job.
TEST(PublicRoleDetails, OneOfTheFewIsAHandful) {
  auto found = who_testing::Run(Det(), "My client is one of the few female firefighters in the county.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].direct);
  EXPECT_EQ(found[0].severity, Severity::kError);
  ASSERT_TRUE(found[0].frequency.has_value());
  EXPECT_NEAR(*found[0].frequency, 3.0 / 100'000, 1e-9);
}

TEST(PublicRoleDetails, WinnersOfATeamEventAreNotDirect) {
  auto found = who_testing::Run(Det(), "Worked on one of the winners of the Stanley Cup.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].direct);
}

}  // namespace
}  // namespace discreet
