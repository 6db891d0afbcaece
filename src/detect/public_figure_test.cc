// public-figure: names and aliases from public_figures.tsv with possessives, folded
// accents, ALL CAPS, lowercase and hashtags; error next to client context, info without.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakePublicFigureDetector(who_testing::Lexicons());
  return *d;
}

class PublicFigure : public ::testing::TestWithParam<Case> {};
TEST_P(PublicFigure, Finds) { who_testing::ExpectCase(Det(), "public-figure", GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    Positive, PublicFigure,
    ::testing::Values(
        Case{"Massaged Beyonc\xC3\xA9's manager before the show tonight \xF0\x9F\x99\x8C", "Beyonc\xC3\xA9"},
        Case{"I massaged Beyonce yesterday!!", "Beyonce"},
        Case{"BEYONCE WAS ON MY TABLE TODAY", "BEYONCE"},
        Case{"Guess who was on my table this week? Tom Brady!", "Tom Brady"},
        Case{"my client taylor swift tipped really well", "taylor swift"},
        Case{"#TaylorSwift was on my table \xF0\x9F\x98\xB1", "TaylorSwift"},
        Case{"Worked on Serena Williams' shoulder today", "Serena Williams"},
        Case{"Just gave a massage to the Crown Prince of Dubai. What a week!", "Crown Prince of Dubai"},
        Case{"Had Oprah on my table this morning", "Oprah"},
        Case{"Massaged Shaquille O'Neal today, what a big guy", "Shaquille O'Neal"},
        Case{"Client spotlight: Simone Biles!", "Simone Biles"},
        Case{"LeBron James came in for a recovery session", "LeBron James"},
        Case{"treated Lionel Messi after the match, legs of steel", "Lionel Messi"},
        Case{"Michael Phelps was on my table, swimmer shoulders for days", "Michael Phelps"},
        Case{"Massaged Patrick Mahomes's calves before the game", "Patrick Mahomes"},
        Case{"So honored to have worked on Jennifer Lopez's back \xF0\x9F\x99\x8F", "Jennifer Lopez"},
        Case{"Kim Kardashian was my 3pm client", "Kim Kardashian"},
        Case{"rubbed shoulders with cristiano ronaldo in session today lol", "cristiano ronaldo"},
        Case{"We massaged Travis Kelce after practice", "Travis Kelce"},
        Case{"Gave Usain Bolt a sports massage, on my table for 90 min", "Usain Bolt"},
        Case{"MY CLIENT TODAY WAS SIMONE BILES", "SIMONE BILES"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, PublicFigure,
    ::testing::Values(
        Case{"Taylor Swift's Eras tour playlist is our official soundtrack this week. Come relax to it!", ""},
        Case{"Beyonc\xC3\xA9's new album is on repeat at the front desk", ""},
        Case{"Drake's new song is everywhere this week", ""},
        Case{"Tickled pink by your reviews!", ""},
        Case{"Join our Prince tribute night on Friday", ""},
        Case{"The rock climbing gym next door has a deal", ""},
        Case{"Green day = stretch day", ""},
        Case{"Watching the Super Bowl? Tom Brady fans get 10% off.", ""},
        Case{"Future appointments can be booked online", ""},
        Case{"Sting like a bee, stretch like a cat", ""},
        Case{"Our playlist: Adele, Sade and Norah Jones", ""},
        Case{"Serena is our new front desk hero", ""},
        Case{"Lincoln Park clinic is now open", ""},
        Case{"Happy Mother's Day from all of us!", ""},
        Case{"Ice cube therapy for sore muscles?", ""},
        Case{"Pasta night at the studio!", ""},
        Case{"We play Bad Bunny and Shakira in the lobby \xF0\x9F\x8E\xB6", ""},
        Case{"The Crown Prince suite is our biggest room", ""},
        Case{"#tbt to the LeBron James documentary night", ""},
        Case{"WORLD CUP FEVER! MESSI OR RONALDO? VOTE BELOW", ""},
        Case{"usher in the new year with a stretch", ""},
        Case{"Fun fact: Beyonc\xC3\xA9 reportedly gets a massage before every show.", ""},
        Case{"In an interview, LeBron James said he spends $1.5M a year on his body, massage included", ""}));

TEST(PublicFigureDetails, DirectOnePersonWithSuggestion) {
  auto found = who_testing::Run(Det(), "I massaged Beyonce yesterday");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].direct);
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_LT(*found[0].frequency, 1e-8);
}

// Hearsay lowers only a weak cue: a famous client is still one when the post says so.
TEST(PublicFigureDetails, HearsayDoesNotHideAClient) {
  auto found = who_testing::Run(Det(), "Apparently my client today was Beyonce!");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kError);
}

TEST(PublicFigureDetails, NoClientIsInfo) {
  auto found = who_testing::Run(Det(), "Taylor Swift's Eras tour playlist is our official soundtrack this week.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
}

}  // namespace
}  // namespace discreet
