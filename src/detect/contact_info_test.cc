// contact-info: phones (US/CA with and without +1, UK, international +NN, cue'd local
// numbers), emails (role mailboxes only as info), URLs, handles — and the numbers that
// merely look like phones.
#include <gtest/gtest.h>

#include "detect/detector_test_util.h"

namespace discreet {
namespace {

using testing::Matched;

const Detector& Contact() {
  static const auto d = MakeContactInfoDetector(testing::EmptyLexicons());
  return *d;
}

struct Case {
  const char* text;
  std::vector<Matched> expected;
};

class ContactInfo : public ::testing::TestWithParam<Case> {};

TEST_P(ContactInfo, Matches) {
  EXPECT_EQ(testing::MatchedWithSeverity(Contact(), GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Phones, ContactInfo,
    ::testing::Values(
        Case{"Call Jennifer at (503) 555-0147 today", {{"(503) 555-0147", "error"}}},
        Case{"call 503-555-0147", {{"503-555-0147", "error"}}},
        Case{"503.555.0147", {{"503.555.0147", "error"}}},
        Case{"her cell 5035550147.", {{"5035550147", "error"}}},
        Case{"+1 503 555 0147", {{"+1 503 555 0147", "error"}}},
        Case{"+1-503-555-0147", {{"+1-503-555-0147", "error"}}},
        Case{"+1 (416) 555-0199 in Toronto", {{"+1 (416) 555-0199", "error"}}},
        Case{"1-800-555-0199", {{"1-800-555-0199", "error"}}},
        Case{"Toronto (416) 555-0199", {{"(416) 555-0199", "error"}}},
        Case{"UK mobile 07700 900123", {{"07700 900123", "error"}}},
        Case{"+44 7700 900123", {{"+44 7700 900123", "error"}}},
        Case{"+44 (0)20 7946 0958", {{"+44 (0)20 7946 0958", "error"}}},
        Case{"London 020 7946 0958", {{"020 7946 0958", "error"}}},
        Case{"Paris +33 1 42 68 53 00", {{"+33 1 42 68 53 00", "error"}}},
        Case{"Berlin +49 30 901820", {{"+49 30 901820", "error"}}},
        Case{"Sydney +61 2 9374 4000", {{"+61 2 9374 4000", "error"}}},
        Case{"Text 555-0100", {{"555-0100", "error"}}},
        Case{"tel: 555-0100", {{"555-0100", "error"}}},
        Case{"call me 555 1234", {{"555 1234", "error"}}},
        Case{"two: (503) 555-0147 and 503-555-0148", {{"(503) 555-0147", "error"}, {"503-555-0148", "error"}}},
        // Several numbers in one run of digits, spaces and punctuation are each found.
        Case{"call 503-555-0147 - 503 555 0148 (503) 555-0149",
             {{"503-555-0147", "error"}, {"503 555 0148", "error"}, {"(503) 555-0149", "error"}}}));

// The studio's own booking line is info; a person word before a number keeps it an error.
INSTANTIATE_TEST_SUITE_P(
    BookingLines, ContactInfo,
    ::testing::Values(Case{"Call us at (503) 555-0147 to book.", {{"(503) 555-0147", "info"}}},
                      Case{"NEW HOURS! CALL 555-0100 TO BOOK.", {{"555-0100", "info"}}},
                      Case{"Rainy day? Text 503-555-0100 to schedule \xF0\x9F\x8C\xA7", {{"503-555-0100", "info"}}},
                      Case{"Reach the front desk at +44 20 7946 0958", {{"+44 20 7946 0958", "info"}}},
                      Case{"Her cell is 503-555-0100, call her to book", {{"503-555-0100", "error"}}},
                      Case{"my client's number 503-555-0100 to book her next visit", {{"503-555-0100", "error"}}},
                      Case{"Call 503-555-0100 for Jen", {{"503-555-0100", "error"}}}));

// clang-format off
INSTANTIATE_TEST_SUITE_P(
    EmailsUrlsHandles, ContactInfo,
    ::testing::Values(
        Case{"write to jen@example.org", {{"jen@example.org", "error"}}},
        Case{"JEN.SMITH+spa@Example.co.uk!", {{"JEN.SMITH+spa@Example.co.uk", "error"}}},
        Case{"book via hello@studio.example", {{"hello@studio.example", "info"}}},
        Case{"Bookings@Studio.example", {{"Bookings@Studio.example", "info"}}},
        Case{"info@spa.example or front desk", {{"info@spa.example", "info"}}},
        Case{"We're hiring! Send your resume to jobs@blueheronmassage.com",
             {{"jobs@blueheronmassage.com", "info"}}},
        Case{"see https://instagram.com/jenny_runs", {{"https://instagram.com/jenny_runs", "error"}}},
        Case{"see www.facebook.com/jen.smith.", {{"www.facebook.com/jen.smith", "error"}}},
        Case{"https://www.linkedin.com/in/jen", {{"https://www.linkedin.com/in/jen", "error"}}},
        Case{"our site https://studio.example/prices.", {{"https://studio.example/prices", "warning"}}},
        Case{"thanks @jenny_runs!", {{"@jenny_runs", "error"}}},
        Case{"@a is too short to be a handle", {}},
        Case{"C# and a#b and x@y", {}}));
// clang-format on

INSTANTIATE_TEST_SUITE_P(
    LookAlikes, ContactInfo,
    ::testing::Values(
        Case{"Only $1,299.99 today", {}},
        Case{"Price 1299.99", {}},
        Case{"$5,000,000 raised", {}},
        Case{"2,500,000 people", {}},
        Case{"at 10:30 or 10:30am", {}},
        Case{"since 2019", {}},
        Case{"between 2019 and 2023", {}},
        Case{"in 2019-2020", {}},
        Case{"version 1.2.3", {}},
        Case{"v10.2.33", {}},
        Case{"IP 192.168.100.200", {}},
        Case{"Beverly Hills 90210", {}},
        Case{"ZIP 90210-1234", {}},
        Case{"open 24/7", {}},
        Case{"3-4 times a week", {}},
        Case{"closed Dec 24-26", {}},
        Case{"on 12/25", {}},
        Case{"1/2 price", {}},
        Case{"Tues 5-7pm", {}},
        Case{"ISBN 978-3-16-148410-0", {}},
        Case{"order #123456789", {}},
        Case{"pages 100-200", {}},
        Case{"score 21-14", {}},
        Case{"30-60-90 plan", {}},
        Case{"555-0100 dollars", {}},  // seven digits with no cue
        Case{"Lat 45.5231, -122.6765", {}},
        Case{"pi is 3.14159265358", {}},
        Case{"60 minute massage for $90", {}}));

TEST(ContactInfoFinding, CarriesRuleCategoryAndFrequency) {
  std::vector<Finding> f = testing::RunDetector(Contact(), "Call (503) 555-0147");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "contact-info");
  EXPECT_EQ(f[0].source, "builtin/contact-info");
  EXPECT_EQ(f[0].category, Category::kIdentifier);
  EXPECT_TRUE(f[0].direct);
  ASSERT_TRUE(f[0].frequency.has_value());
  EXPECT_LT(*f[0].frequency, 1e-6);
  EXPECT_EQ(f[0].span, (Span{5, 19}));
  EXPECT_FALSE(f[0].message.empty());
}

TEST(ContactInfoFinding, SpansAfterAnEmojiAreByteOffsets) {
  std::string text = "Call (503) 555-0147 \xF0\x9F\x98\x80 or jen@example.org";
  std::vector<Finding> f = testing::RunDetector(Contact(), text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].span, (Span{28, 43}));
}

}  // namespace
}  // namespace discreet
