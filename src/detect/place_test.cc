// place: gazetteer towns (with population), streets, schools, stations, landmarks,
// businesses on a street, local teams and neighbourhood phrases, in lowercase, ALL CAPS,
// with accents, emoji, hashtags and possessives. A town that is also a person's name or an
// ordinary word needs place evidence ("in", "from", "a ... native", ", WY"); a place in a
// post about nobody ("started this studio in Tucson") is info only.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakePlaceDetector(who_testing::Lexicons());
  return *d;
}

class Place : public ::testing::TestWithParam<Case> {};
TEST_P(Place, Finds) { who_testing::ExpectQuasiCase(Det(), "place", GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    Positive, Place,
    ::testing::Values(
        Case{"I massaged Mary Jones from down the street today and her back is a mess!", "from down the street"},
        Case{"A 67-year-old widower from Pinedale with Parkinson's has been coming in weekly.", "Pinedale"},
        Case{"my client lives on maple street and walks here", "maple street"},
        Case{"She lives on Maple Street, right by the park", "Maple Street"},
        Case{"My client works at the hardware store on Main and has migraines.", "hardware store on Main"},
        Case{"My Tuesday lady who lives above the laundromat on 3rd lost her dog.", "laundromat on 3rd"},
        Case{"The mom of 7 who lives in the blue house on Oak came in for her back again", "blue house on Oak"},
        Case{"My client (the redhead from Costco, you know who you are) owes me a coffee", "Costco"},
        Case{"My client who works at the Amazon warehouse on Route 30 hurt his back.", "Amazon warehouse on Route 30"},
        Case{"Today's client: the owner of the yellow food truck by the courthouse.", "by the courthouse"},
        Case{"client today (30s, lawyer, lives in the lofts on Pearl St) has tension headaches", "lofts on Pearl St"},
        Case{"she lives in the lofts on pearl st", "lofts on pearl st"},
        Case{"She just moved into the Pearl Lofts \xF0\x9F\x8F\xA2", "Pearl Lofts"},
        Case{"She works at the bakery on 5th and her wrists show it", "bakery on 5th"},
        Case{"His son goes to Lincoln Elementary", "Lincoln Elementary"},
        Case{"He's a firefighter at Station 4 and his back is wrecked", "Station 4"},
        Case{"my 7am is a firefighter at station 9 and his shoulders are wrecked", "station 9"},
        Case{"A lovely lady from Jordan, MN came in for a facial", "Jordan, MN"},
        Case{"she grew up in Orange and still lives there", "Orange"}, Case{"my client in tucson says hi", "tucson"},
        Case{"MY CLIENT FROM TUCSON IS BACK", "TUCSON"},
        Case{"A client from S\xC3\xA3o Paulo brought us coffee \xE2\x98\x95", "S\xC3\xA3o Paulo"},
        Case{"Her husband is a Sitka native", "Sitka"},
        Case{"#Pinedale client with the sorest shoulders \xF0\x9F\x98\xA9", "Pinedale"},
        Case{"He lives next door to the studio", "next door"},
        Case{"Shout out to Coach Daniels of the Westview Wildcats for trusting us with his back!", "Westview Wildcats"},
        Case{"she drove in from Cheyenne, WY for her session", "Cheyenne, WY"},
        Case{"My client's daughter attends Jefferson High School", "Jefferson High School"},
        Case{"He lives around the corner from us", "around the corner"},
        Case{"A Reading native, she came in for her lower back", "Reading"},
        Case{"Massaged a lady from Boise with a sore neck", "Boise"},
        Case{"Her office is on Elm St. near the river", "Elm St"},
        Case{"She just moved to Z\xC3\xBCrich for work", "Z\xC3\xBCrich"},
        Case{"her mom lives in Pinedale's old mill district", "Pinedale's"},
        Case{"HE LIVES ON OAK AVENUE", "OAK AVENUE"}, Case{"her son goes to lincoln elementary", "lincoln elementary"},
        Case{"he works at fire station 4 downtown", "fire station 4"},
        Case{"my client flew in from Boston for her session", "Boston"},
        Case{"MY CLIENT FLEW IN FROM BOSTON FOR HER SESSION", "BOSTON"},
        Case{"she moved here from Austin last year", "Austin"},
        Case{"she lives next to the bakery \xF0\x9F\xA5\x90", "next to the bakery"},
        Case{"HE WORKS ACROSS FROM THE COURTHOUSE", "ACROSS FROM THE COURTHOUSE"},
        Case{"Our client from Paris said the room was cozy", "Paris"},
        Case{"a lady from Austin brought us cookies \xF0\x9F\x8D\xAA", "Austin"},
        Case{"my client works at the Walmart on 5th", "Walmart on 5th"},
        Case{"he works at the Home Depot on Main St", "Home Depot on Main St"},
        Case{"she works at the bakery on Main Street", "bakery on Main Street"},
        Case{"She's the redhead who runs the flower shop on Elm \xF0\x9F\x8C\xB7", "flower shop on Elm"},
        Case{"she owns the nail salon on Main St", "nail salon on Main St"},
        // A country of origin.
        Case{"My client just moved here from Ghana and barely knows anyone.", "Ghana"},
        Case{"She's from Brazil and loves hot stones \xF0\x9F\x94\xA5", "Brazil"},
        Case{"my client is a native of South Korea", "South Korea"}, Case{"MY CLIENT GREW UP IN JORDAN", "JORDAN"},
        Case{"she moved here from vietnam last spring", "vietnam"},
        Case{"My client lives in Harvard and drives in every week.", "Harvard"},
        // A named neighbourhood, not the town that shares its name (Highlands, NJ).
        Case{"My client lives in the Highlands neighbourhood.", "Highlands neighbourhood"},
        Case{"she just bought a loft in the Pearl District \xF0\x9F\x8F\x99", "Pearl District"},
        Case{"He lives in the Oak Hills subdivision off Route 9.", "Oak Hills subdivision"},
        // A named employer; a one-word company name is not a town here either.
        Case{"My client works at Acme Logistics downtown.", "Acme Logistics"},
        Case{"my regular works for Smith & Sons Plumbing \xF0\x9F\x94\xA7", "Smith & Sons Plumbing"},
        Case{"He works at Intel and bikes to work.", "Intel"},
        Case{"he works at Walmart on Route 9", "Walmart on Route 9"},
        Case{"She works at the Boeing plant in Everett.", "Boeing plant"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, Place,
    ::testing::Values(
        Case{"My regular had ACL surgery last week and is back on the field.", ""},
        Case{"Join our Open House on Saturday for free chair massages!", ""},
        Case{"We ordered new table warmers from Amazon.", ""},
        Case{"Our founder, Maria Santos, started this studio 15 years ago in Tucson. Thank you for growing with us!",
             ""},
        Case{"Jordan is my favorite client", ""}, Case{"Orange is the new black at our juice bar \xF0\x9F\x8D\x8A", ""},
        Case{"Reading is my favorite way to relax after a session", ""},
        Case{"My client loves Paris Hilton's old show", ""}, Case{"Dr. Lincoln referred her to us", ""},
        Case{"Mrs. Austin came in for a facial", ""}, Case{"my client Austin loves hot stones", ""},
        Case{"From head to toe she felt brand new", ""}, Case{"She's reading a great book about the ocean", ""},
        Case{"Crystal, Amber and Jade are not just our new essential oil blends \xE2\x80\x94 they're our best sellers!",
             ""},
        Case{"Happy Mother's Day from all of us!", ""}, Case{"Ask your doctor before booking a session", ""},
        Case{"She came in for her first session in May", ""}, Case{"Her sister Georgia drove her here", ""},
        Case{"Best massage in town, she said \xF0\x9F\x98\x8A", ""},
        Case{"Hope everyone watching the U.S. Open this weekend remembers to stretch!", ""},
        Case{"We will be closed Monday for Memorial Day.", ""},
        Case{"WORLD CUP FEVER IS HERE, COME IN FOR A STRETCH", ""}, Case{"She said her back feels like new", ""},
        Case{"My client is a big Miami Dolphins fan", ""}, Case{"he ran the Chicago Marathon last year", ""},
        Case{"Her husband's name is Lincoln and he is a sweetheart", ""},
        Case{"our new booking page is live #selfcare", ""}, Case{"Her son goes to catholic elementary", ""},
        Case{"She did station 4 of the circuit, then rested", ""},
        Case{"Luxury apartments are going up next to our studio", ""},
        Case{"He's at the bakery on the corner, back in 5", ""},
        Case{"She brought a gift from Jordan for her birthday", ""},
        Case{"A card from Sydney for the whole team \xF0\x9F\x92\x8C", ""},
        Case{"her husband passed away in March, she told me", ""},
        Case{"he moved here in June and found us online", ""}, Case{"A text from Austin said she's running late", ""},
        Case{"my client got a card from Sydney and cried", ""}, Case{"the Costco on Sunday was packed, she said", ""},
        Case{"she was at the bakery on Monday, she said", ""},
        Case{"Caf\xC3\xA9 Orange is our new neighbour, try their croissants", ""},
        Case{"Ren\xC3\xA9\x65's new caf\xC3\xA9 opens on Friday", ""}, Case{"she works at the shop on weekends", ""},
        Case{"he's at the gym on Tuesdays", ""},
        // A trip is not where someone is from, and a country is not the small US town named
        // after it (Italy, Texas; Mexico, Missouri).
        Case{"My client just got back from Italy.", ""},
        Case{"my client just got home from Mexico and is sunburnt", ""}, Case{"we had turkey from the farm stand", ""},
        // A university's or company's one-word name is the organisation (Harvard, MA is a town).
        Case{"My client's daughter just got into Harvard, so proud of her!", ""},
        Case{"Our school district is closed today, so she rescheduled.", ""},
        Case{"The neighborhood is lovely in spring, she said.", ""}, Case{"My client works at home on Mondays.", ""},
        Case{"She works for herself and loves it.", ""}, Case{"He works at night, so he books at noon.", ""}));

TEST(PlaceDetails, TownCarriesItsPopulation) {
  auto found = who_testing::Run(Det(), "A widower from Pinedale has been coming in weekly.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  ASSERT_TRUE(found[0].population.has_value());
  EXPECT_GT(*found[0].population, 0.0);
  EXPECT_LT(*found[0].population, 50'000.0);  // a small town
  EXPECT_NEAR(*found[0].frequency, *found[0].population / 330'000'000.0, 1e-12);
}

TEST(PlaceDetails, ABigCityIsLessIdentifyingThanASmallTown) {
  auto town = who_testing::Run(Det(), "my client from Pinedale");
  auto city = who_testing::Run(Det(), "my client from Chicago");
  ASSERT_EQ(town.size(), 1u);
  ASSERT_EQ(city.size(), 1u);
  EXPECT_GT(*town[0].bits(), *city[0].bits());
}

TEST(PlaceDetails, StateChoosesTheTown) {
  // Two towns named Jackson: the state picks the row (and its population).
  auto ms = who_testing::Run(Det(), "my client from Jackson, MS");
  auto wy = who_testing::Run(Det(), "my client from Jackson, WY");
  ASSERT_EQ(ms.size(), 1u);
  ASSERT_EQ(wy.size(), 1u);
  ASSERT_TRUE(ms[0].population && wy[0].population);
  EXPECT_GT(*ms[0].population, *wy[0].population);
}

// "a town of 3,000": no name, so no frequency of its own (it is one of thousands that
// size), but its people are the scope the risk model counts the other details against.
TEST(PlaceDetails, ATownSizedButNotNamedIsAScope) {
  struct Sized {
    const char* text;
    const char* matched;
    double population;
  };
  for (const Sized& c :
       {Sized{"My client lives in a town of 3,000.", "a town of 3,000", 3'000},
        Sized{"she grew up in a village of about two hundred people", "a village of about two hundred people", 200},
        Sized{"OUR CITY OF 40K HAS THREE STUDIOS AND HE OWNS ONE", "OUR CITY OF 40K", 40'000},
        Sized{"he's the only dentist in a town of eighty-five", "a town of eighty-five", 85},
        Sized{"my client moved to a city of 2 million \xF0\x9F\x8C\x86", "a city of 2 million", 2e6}}) {
    auto found = who_testing::Run(Det(), c.text);
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(found[0].span.start, found[0].span.size()), c.matched) << c.text;
    ASSERT_TRUE(found[0].population.has_value()) << c.text;
    EXPECT_EQ(*found[0].population, c.population) << c.text;
    EXPECT_FALSE(found[0].frequency.has_value()) << c.text;
    EXPECT_TRUE(found[0].unnamed_place()) << c.text;
    EXPECT_EQ(found[0].severity, Severity::kWarning) << c.text;
  }
  for (const char* text : {"She lives in a city of dreams.", "My client drove through a town of 2 stoplights",
                           "Our community of 300 runners meets on Sundays.", "he loves the town of his childhood"})
    EXPECT_TRUE(who_testing::Run(Det(), text).empty()) << text;
}

// Where someone comes from: how many US residents were born there, and never the scope
// (they live here now).
TEST(PlaceDetails, ACountryOfOriginCarriesItsBornHereShare) {
  auto ghana = who_testing::Run(Det(), "My client just moved here from Ghana.");
  auto mexico = who_testing::Run(Det(), "My client just moved here from Mexico.");
  ASSERT_EQ(ghana.size(), 1u);
  ASSERT_EQ(mexico.size(), 1u);
  EXPECT_FALSE(ghana[0].population.has_value());
  EXPECT_GT(*ghana[0].bits(), *mexico[0].bits());  // 200,000 people against 10.7 million
  EXPECT_NEAR(*mexico[0].frequency, 10'700'000 / 330'000'000.0, 1e-3);
  // A US town of that name, with its state, is still the town.
  auto town = who_testing::Run(Det(), "My client lives in Mexico, MO.");
  ASSERT_EQ(town.size(), 1u);
  EXPECT_TRUE(town[0].population.has_value());
}

TEST(PlaceDetails, APlaceInAPostAboutNobodyIsInfo) {
  EXPECT_EQ(who_testing::MatchedAt(Det(), "place", Severity::kInfo, "We started this studio 15 years ago in Tucson."),
            std::vector<std::string>{"Tucson"});
}

}  // namespace
}  // namespace discreet
