// vehicle: makes and models with a driving verb, a colour, a possessive, an article, a
// vehicle noun or the make next to its model ("the red Tesla", "drives a Porsche", "rides
// his Harley", "silver Prius", "her Toyota Camry"), in lowercase, ALL CAPS, with accents,
// emoji, hashtags and possessives. Makes that are also words or names ("Tesla coils",
// "Jordan almonds", a woman named Mercedes) need that evidence.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakeVehicleDetector(who_testing::Lexicons());
  return *d;
}

class Vehicle : public ::testing::TestWithParam<Case> {};
TEST_P(Vehicle, Finds) { who_testing::ExpectQuasiCase(Det(), "vehicle", GetParam()); }

// One case per line:
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    Positive, Vehicle,
    ::testing::Values(
        Case{"She drives the red Tesla parked out front", "red Tesla"},
        Case{"My favorite client is an eccentric 85-year-old who drives a Porsche", "Porsche"},
        Case{"he rides his Harley to every appointment", "Harley"},
        Case{"My client with the silver Prius left her keys", "silver Prius"},
        Case{"He drives the black Escalade. Ladies, be careful.", "black Escalade"},
        Case{"a pink Cadillac pulled up and out stepped my 2pm", "pink Cadillac"},
        Case{"her Toyota Camry got towed from our lot", "Toyota Camry"},
        Case{"MY CLIENT DRIVES A LAMBORGHINI \xF0\x9F\x98\xB3", "LAMBORGHINI"},
        Case{"she parked her mercedes in the fire lane again", "mercedes"},
        Case{"pulled up in her #Tesla again \xF0\x9F\x99\x84", "Tesla"},
        Case{"Jos\xC3\xA9 drives a Ferrari and tips in cash", "Ferrari"},
        Case{"he restored a 1967 Mustang in his garage", "Mustang"},
        Case{"She bought a new Subaru Outback for the dogs", "Subaru Outback"},
        Case{"got out of a Tesla Model 3 in the lot", "Tesla Model 3"},
        Case{"my regular with the Jeep Wrangler always parks crooked", "Jeep Wrangler"},
        Case{"She drives a Mercedes and always books the 6pm", "Mercedes"},
        Case{"he totaled his Honda Civic last month", "Honda Civic"},
        Case{"THE RED FERRARI IS BACK IN OUR LOT", "RED FERRARI"},
        Case{"Massaged the guy who rides a Ducati", "Ducati"},
        Case{"Ren\xC3\xA9\x65's husband drives a pink Cadillac \xF0\x9F\x92\x97", "pink Cadillac"},
        Case{"her Porsche's engine woke the whole street", "Porsche's"},
        Case{"my client drives a silver prius with a bumper sticker", "silver prius"},
        Case{"He rides a Harley-Davidson to his sessions", "Harley-Davidson"},
        Case{"my client\xE2\x80\x99s Tesla is always double-parked", "Tesla"},
        Case{"Maria's Porsche is parked in the fire lane", "Porsche"},
        Case{"she drives a Ferrari red convertible", "Ferrari"},
        Case{"her Prius broke down outside our door", "Prius"},
        Case{"her Civic engine light is on again", "Civic"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, Vehicle,
    ::testing::Values(
        Case{"We had a Tesla coils demo at the science fair", ""},
        Case{"Jordan almonds are on the front desk", ""},
        Case{"My Monday regular is the widow of the former fire chief.", ""},
        Case{"Our regular who runs the taco truck is back \xF0\x9F\x8C\xAE", ""},
        Case{"Mercedes was my 3pm and she loved the hot stones", ""},
        Case{"Tesla stock is up again, says the news", ""},
        Case{"The Lincoln Memorial trip was amazing", ""},
        Case{"Our Ford Foundation grant came through!", ""},
        Case{"Smart tip: stretch before you run", ""},
        Case{"Jaguar print robes are back in stock", ""},
        Case{"The Mini fridge in the lobby is stocked", ""},
        Case{"Mercedes's mom booked her a gift card", ""},
        Case{"We are all about that Civic duty: vote today!", ""},
        Case{"Ram your foam roller into those knots", ""},
        Case{"Honda Center concert tonight!", ""},
        Case{"The Pilot program starts Monday", ""},
        Case{"A Lotus pose a day keeps the back pain away \xF0\x9F\xA7\x98", ""},
        Case{"TESLA COILS AND SCIENCE NIGHT AT THE LIBRARY", ""},
        Case{"Ferrari red is the color of our new logo", ""},
        Case{"Check out Genesis, our new intro package \xF0\x9F\x8C\xB1", ""},
        Case{"Our Lincoln Park studio is now open", ""},
        Case{"#tbt to the Jordan almonds at our open house", ""},
        Case{"She works at the Ford plant and her wrists ache", ""},
        Case{"mercedes booked another session with us", ""},
        Case{"Our new logo is Ferrari red \xE2\x9D\xA4\xEF\xB8\x8F", ""},
        Case{"that's Ferrari red, she said about her nails", ""},
        Case{"it's Tesla week at the science museum", ""},
        Case{"The client's Mini fridge idea was great", ""},
        Case{"Park your Tesla at our new charging station \xE2\x9A\xA1", ""},
        Case{"Come by on your Harley, we have bike parking", ""},
        Case{"Zo\xC3\xAB's Jaguar print leggings are everywhere", ""},
        Case{"Ren\xC3\xA9\x65's Lotus pose is perfect \xF0\x9F\xA7\x98", ""},
        Case{"her Mustang mug sits on the front desk", ""}));

// clang-format on

TEST(VehicleDetails, AColourNarrowsTheModel) {
  auto plain = who_testing::Run(Det(), "she drives a Cadillac");
  auto pink = who_testing::Run(Det(), "she drives a pink Cadillac");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(pink.size(), 1u);
  EXPECT_EQ(plain[0].severity, Severity::kWarning);
  EXPECT_LT(*pink[0].frequency, *plain[0].frequency);
}

TEST(VehicleDetails, SuggestsTheKindOfVehicle) {
  auto porsche = who_testing::Run(Det(), "she drives a Porsche");
  ASSERT_EQ(porsche.size(), 1u);
  EXPECT_EQ(porsche[0].suggestions.front(), "a sports car");
  auto harley = who_testing::Run(Det(), "he rides his Harley");
  ASSERT_EQ(harley.size(), 1u);
  EXPECT_EQ(harley[0].suggestions.front(), "a motorcycle");
}

}  // namespace
}  // namespace discreet
