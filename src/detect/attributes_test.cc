// appearance and household (both from builtin/attributes): hair dye, height, limbs,
// accents, mobility aids and the lexicon's terms; counted pets, children and grandchildren,
// multiples, widowhood and living arrangements — in lowercase, ALL CAPS, with accents,
// emoji, hashtags and possessives. Everyday senses ("blind spot", "ginger tea", "wheelchair
// accessible", "Twins game") and details in posts about nobody stay below warning.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

constexpr std::string_view kSource = "builtin/attributes";

const Detector& Det() {
  static const auto d = MakeAttributesDetector(who_testing::Lexicons());
  return *d;
}

class Appearance : public ::testing::TestWithParam<Case> {};
TEST_P(Appearance, Finds) { who_testing::ExpectQuasiCase(Det(), "appearance", GetParam(), kSource); }

class Household : public ::testing::TestWithParam<Case> {};
TEST_P(Household, Finds) { who_testing::ExpectQuasiCase(Det(), "household", GetParam(), kSource); }

INSTANTIATE_TEST_SUITE_P(
    Positive, Appearance,
    ::testing::Values(
        Case{"She dyes her hair purple and drives a Porsche", "dyes her hair purple"},
        Case{"My client is 7 foot tall and needs the long table", "7 foot tall"},
        Case{"He has a prosthetic left leg and never complains", "prosthetic left leg"},
        Case{"the lady with the service dog and the Boston accent cried on the table today", "Boston accent"},
        Case{"he's covered in tattoos and hates needles, go figure", "covered in tattoos"},
        Case{"a purple-haired client came in this morning \xF0\x9F\x92\x9C", "purple-haired"},
        Case{"SHE IS IN A WHEELCHAIR AND LOVES HOT STONES", "IN A WHEELCHAIR"},
        Case{"he wears hearing aids so I speak up", "hearing aids"},
        Case{"my client has a cochlear implant", "cochlear implant"},
        Case{"He uses a cane since his stroke", "cane"},
        Case{"my client with the thick Jamaican accent", "Jamaican accent"},
        Case{"Ren\xC3\xA9\x65 says her septum piercing still hurts", "septum piercing"},
        Case{"his mohawk is bright green \xF0\x9F\xA6\x9A", "mohawk"},
        Case{"He is blind and loves the hot stones", "blind"},
        Case{"The guy with the handlebar mustache was back", "handlebar mustache"},
        Case{"she is missing her right hand", "missing her right hand"},
        Case{"He lost his left arm overseas", "lost his left arm"},
        Case{"she walks with crutches this month", "crutches"},
        Case{"my client with a glass eye tells the best jokes", "glass eye"},
        Case{"#redhead client with the best freckles", "redhead"},
        Case{"he's a little person and the table is too high for him", "little person"},
        Case{"he dyed his beard bright blue for the game", "dyed his beard bright blue"},
        Case{"my client is seven feet tall", "seven feet tall"},
        Case{"Zo\xC3\xAB's oxygen tank came with her to the session", "oxygen tank"},
        Case{"she's 6'8\" and needs the long table", "6'8\""},
        Case{"he's 6\xE2\x80\x99\x38\xE2\x80\x9D and ducks under our door", "6\xE2\x80\x99\x38\xE2\x80\x9D"},
        Case{"he's six foot six and played college ball", "six foot six"},
        Case{"SHE HAS PINK HAIR AND A NOSE RING", "PINK HAIR"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, Appearance,
    ::testing::Values(
        Case{"Our studio is wheelchair accessible", ""},
        Case{"Check your blind spot when you back out of our lot", ""},
        Case{"Try our ginger tea after your session \xF0\x9F\x8D\xB5", ""},
        Case{"Tight quads? Book a sports massage", ""},
        Case{"Sugar cane scrub is back!", ""},
        Case{"We have a 7 foot table for tall folks", ""},
        Case{"Temporary tattoo night for kids", ""},
        Case{"A tattoo artist is joining our building", ""},
        Case{"Color your world with our new lavender oil", ""},
        Case{"Stretch your quads and hamstrings daily", ""},
        Case{"Our pleas for more parking fell on deaf ears", ""},
        Case{"Ginger ale in the lobby for everyone", ""},
        Case{"We painted the ceiling purple", ""},
        Case{"BLIND DATE WITH A BOOK: PICK ONE AT THE DESK", ""},
        Case{"Mrs. Walker referred her friend", ""},
        Case{"She's 5 foot 6 and loves our hot stones", ""},
        Case{"Our new blond wood floors look great", ""},
        Case{"Caf\xC3\xA9 au lait and ginger snaps at the front desk", ""},
        Case{"Wheelchair ramp now open at the side door", ""},
        Case{"He said the 6 foot hose in the garden burst", ""},
        Case{"#tbt to our 80s hair night \xF0\x9F\x8E\xB8", ""},
        Case{"Blind faith in a good stretch never hurt anyone", ""},
        Case{"she got blind drunk at the wedding, she said", ""},
        Case{"Our basement room has a 6'8\" ceiling, mind your head", ""}));

INSTANTIATE_TEST_SUITE_P(
    Positive, Household,
    ::testing::Values(
        Case{"My favorite client is an eccentric 85-year-old who has 50 cats", "50 cats"},
        Case{"she's a mother of triplets and hasn't slept in years", "mother of triplets"},
        Case{"A 67-year-old widower from Pinedale has been coming in weekly.", "widower"},
        Case{"my client was recently widowed", "recently widowed"},
        Case{"He has 12 grandchildren and knows all their birthdays", "12 grandchildren"},
        Case{"She's a single mom and works two jobs", "single mom"},
        Case{"my client has a dozen rescue dogs", "a dozen rescue dogs"},
        Case{"HE LIVES ALONE WITH HIS PARROT", "LIVES ALONE"},
        Case{"she has twins and a husband in the navy", "twins"},
        Case{"my client has 8 kids and no time for herself", "8 kids"},
        Case{"she's going through a divorce right now", "going through a divorce"},
        Case{"he keeps 200 chickens on his land", "200 chickens"},
        Case{"my client lives on a boat \xF0\x9F\x9A\xA4", "lives on a boat"},
        Case{"she is raising her grandchildren alone", "raising her grandchildren"},
        Case{"He's a foster parent to four teens", "foster parent"},
        Case{"my client is newly engaged \xF0\x9F\x92\x8D", "engaged"},
        Case{"client has 5 dogs and a parrot", "5 dogs"},
        Case{"Ren\xC3\xA9\x65 has been a widow since spring", "widow"},
        Case{"my client is an empty nester now", "empty nester"},
        Case{"She has 6 kids under 10", "6 kids"},
        Case{"MY CLIENT HAS 30 CATS", "30 CATS"},
        Case{"he's a #catlady at heart with 20 cats", "20 cats"},
        Case{"the widower's back was tight again", "widower's"},
        Case{"she's a mother of 8 and never sits down", "mother of 8"},
        Case{"he is a dad of six \xF0\x9F\x98\x85", "dad of six"},
        Case{"MY CLIENT IS A FATHER OF 10", "FATHER OF 10"},
        Case{"my client is a mother of 4 rescue dogs", "4 rescue dogs"},
        Case{"My client lost her husband last year and carries it in her shoulders", "lost her husband"},
        Case{"my client's wife passed away in March", "wife passed away"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, Household,
    ::testing::Values(
        Case{"Twins game tonight, stretch first!", ""},
        Case{"We lost her husband's booking, sorry! Call us to rebook.", ""},
        Case{"Black widow spiders are not welcome here", ""},
        Case{"Book 4 sessions and save", ""},
        Case{"Adopted a new policy: no phones at the table", ""},
        Case{"Keep your core engaged during planks", ""},
        Case{"Hold your horses, the sale starts Monday", ""},
        Case{"We donated to the homeless shelter this winter", ""},
        Case{"We stay engaged with our community", ""},
        Case{"The Minnesota Twins are in town", ""},
        Case{"Our new studio started on a farm outside town", ""},
        Case{"Goats yoga is Saturday! \xF0\x9F\x90\x90", ""},
        Case{"Our 2 studio cats say hi", ""},
        Case{"Fried chickens for our potluck on Friday", ""},
        Case{"4 kids' yoga classes start in June", ""},
        Case{"Happy Mother's Day to all the moms!", ""},
        Case{"Gift cards for the grandparents in your life", ""},
        Case{"TWINS FANS GET 10% OFF", ""},
        Case{"Caf\xC3\xA9 opening: we adopted the corner spot", ""},
        Case{"Pregnancy massage is safe after the first trimester", ""},
        Case{"Minnesota Twins' fans get a discount", ""},
        Case{"she's a mother of 2 and a teacher", ""},
        Case{"#twins day at the studio, bring your sibling", ""},
        Case{"#adopted our new studio dog policy today", ""}));

TEST(AttributesDetails, MoreCatsIsRarer) {
  auto five = who_testing::Run(Det(), "she has 5 cats");
  auto fifty = who_testing::Run(Det(), "she has 50 cats");
  ASSERT_EQ(five.size(), 1u);
  ASSERT_EQ(fifty.size(), 1u);
  EXPECT_EQ(fifty[0].rule, "household");
  EXPECT_GT(*fifty[0].bits(), *five[0].bits());
}

TEST(AttributesDetails, TallerIsRarer) {
  auto six_five = who_testing::Run(Det(), "my client is 6 foot 5");
  auto seven = who_testing::Run(Det(), "my client is 7 foot");
  ASSERT_EQ(six_five.size(), 1u);
  ASSERT_EQ(seven.size(), 1u);
  EXPECT_EQ(seven[0].rule, "appearance");
  EXPECT_EQ(seven[0].suggestions.front(), "tall");
  EXPECT_GT(*seven[0].bits(), *six_five[0].bits());
}

TEST(AttributesDetails, ATermInAPostAboutNobodyIsInfo) {
  // A household phrase in the studio's own news is reported, but at info only.
  EXPECT_EQ(who_testing::MatchedAt(Det(), "household", Severity::kInfo, "Our new studio started on a farm"),
            std::vector<std::string>{"on a farm"});
}

}  // namespace
}  // namespace discreet
