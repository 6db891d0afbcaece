// person-name: full names, titles and family words, initials, a given name in a person
// context, handles used as people, accents, ALL CAPS, lowercase, hashtags and emoji — and
// the common-word names, brand names and studio staff that must not be flagged.
#include <gtest/gtest.h>

#include "detect/who_test_util.h"

namespace discreet {
namespace {

using who_testing::Case;

const Detector& Det() {
  static const auto d = MakePersonNameDetector(who_testing::Lexicons());
  return *d;
}

class PersonName : public ::testing::TestWithParam<Case> {};
TEST_P(PersonName, Finds) { who_testing::ExpectCase(Det(), "person-name", GetParam()); }

// Several cases per line where they are short; clang-format would reflow them.
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    Positive, PersonName,
    ::testing::Values(Case{"I massaged Mary Jones from down the street today and her back is a mess!", "Mary Jones"},
                      Case{"My client Sally is three months pregnant!! So happy for her.", "Sally"},
                      Case{"thanks Sally for the lovely flowers!", "Sally"},
                      Case{"Sally came in for a massage and left floating", "Sally"},
                      Case{"Crystal booked again for Friday \xF0\x9F\x98\x8D", "Crystal"},
                      Case{"Rose told me the whole story of her move", "Rose"},
                      Case{"huge thanks to marcus for the referral", "marcus"},
                      Case{"my client mike (the UPS guy on our route) finally booked", "mike"},
                      Case{"Client tip from Kevin (the UPS driver on our route): foam roll daily.", "Kevin"},
                      Case{"Sally's back is finally pain-free after six weeks.", "Sally"},
                      Case{"Shout out to Coach Daniels of the Westview Wildcats for trusting us!", "Coach Daniels"},
                      Case{"We loved working with Grandpa Joe on his arthritis this winter.", "Grandpa Joe"},
                      Case{"Mr. Thompson came in with a stiff neck again.", "Mr. Thompson"},
                      Case{"My sweet client Mrs. O'Brien turned 102 last week!", "Mrs. O'Brien"},
                      Case{"Paul R. left us the loveliest review after his session.", "Paul R."},
                      Case{"thanks @jenny_runs for the shout-out!", "@jenny_runs"},
                      Case{"Congrats to Zoë Lefèvre on her first marathon!", "Zoë Lefèvre"},
                      Case{"My client Nguyễn Văn An brought his mother along today.", "Nguyễn Văn An"},
                      Case{"MY CLIENT RACHEL GOLDBERG RAN HER FIRST HALF MARATHON!!!", "RACHEL GOLDBERG"},
                      Case{"so proud of rachel goldberg today, what a comeback", "rachel goldberg"},
                      Case{"Our client Hannah Lee (34) came to us before the Chicago Marathon.", "Hannah Lee"},
                      Case{"Massaged Kevin today \xF0\x9F\x92\xAA his hamstrings were tight", "Kevin"},
                      Case{"#ThankYouSally for being such a great client", "Sally"},
                      Case{"Happy birthday Grace! See you at your next session", "Grace"},
                      Case{"Dr. Patel referred a new client to us this week.", "Dr. Patel"},
                      Case{"Kevin's shoulder is doing much better after three sessions.", "Kevin"},
                      Case{"Auntie Rose came in for her monthly massage.", "Auntie Rose"},
                      Case{"thank you Mrs. Garc\xC3\xAD"
                           "a for the tamales!",
                           "Mrs. Garc\xC3\xAD"
                           "a"},
                      Case{"Today Priya finally booked the deep tissue session she's been eyeing.", "Priya"},
                      Case{"@mike_lifts_heavy thanks for coming in, that shoulder should settle.", "@mike_lifts_heavy"},
                      // Both words are also ordinary words ("sally", "smith"), but capitalised mid-sentence.
                      Case{"Loved working on Sally Smith today.", "Sally Smith"},
                      Case{"Great session today, Penny Baker!", "Penny Baker"},
                      // A hashtag with no capitals to split on: a greeting run into a name.
                      Case{"What a week. #thankyousally", "thankyousally"},
                      Case{"BEST CLIENT EVER #THANKYOUSALLY", "THANKYOUSALLY"},
                      Case{"#happybirthdaymarcus from all of us \xF0\x9F\x8E\x82", "happybirthdaymarcus"},
                      Case{"So proud of this one #jessicamoreno", "jessicamoreno"},
                      // A common full name run together, both parts also words.
                      Case{"Back to full range of motion #sallysmith", "sallysmith"},
                      Case{"Twelve weeks of rehab done \xF0\x9F\x92\xAA #LINDAMILLER", "LINDAMILLER"},
                      // A hamlet of the same name does not outweigh the name (Robert Lee, TX: 1,000 people).
                      Case{"#robertlee came in again today, his frozen shoulder is so much better.", "robertlee"},
                      // A job or relation in brackets after a name that is also a word.
                      Case{"Bob (the mailman) finally let me work on that shoulder.", "Bob"},
                      Case{"ROSE (OUR NEIGHBOUR) BROUGHT COOKIES \xF0\x9F\x8D\xAA", "ROSE"},
                      Case{"My client Mercedes came in today", "Mercedes"},
                      // Names that are also words of nationality still count with a title or a given name.
                      Case{"Mr. English came in for his usual on Tuesday.", "Mr. English"},
                      Case{"Had a great session with Jennifer French today.", "Jennifer French"},
                      Case{"Thanks Irish for the lovely review!", "Irish"},
                      Case{"My client Princeton came in today.", "Princeton"},
                      Case{"I love my dog. Luna came in today for her first massage!", "Luna"},
                      // Someone's relative, then a capitalised name, even a common word.
                      Case{"She lost her husband Frank in May.", "Frank"},
                      Case{"Her son Will is starting college in the fall.", "Will"},
                      // Spoken to at the end of a sentence.
                      Case{"Healing vibes to my client after her mastectomy. You've got this, Deb!", "Deb"}));

INSTANTIATE_TEST_SUITE_P(
    Negative, PersonName,
    ::testing::Values(
        Case{"Crystal, Amber and Jade are not just our new essential oil blends!", ""},
        Case{"Hope came too late for the old shop", ""},
        Case{"Rose oil came in the mail today", ""},
        Case{"Frank talk: if something feels wrong during a session, say so.", ""},
        Case{"Will you book your next session before the holidays?", ""},
        Case{"Rose oil is lovely in a winter massage.", ""},
        Case{"Our founder, Maria Santos, started this studio 15 years ago in Tucson.", ""},
        Case{"Taylor Swift's Eras tour playlist is our official soundtrack this week.", ""},
        Case{"Hope everyone watching the U.S. Open remembers to stretch!", ""},
        Case{"Book 3 sessions in January and get the 4th free.", ""},
        Case{"The Stanley Cup final is on tonight, come stretch first.", ""},
        Case{"CLOSED FOR THE HOLIDAYS DEC 24-26. SEE YOU AFTER CHRISTMAS!", ""},
        Case{"Grace period for cancellations is 24 hours.", ""},
        Case{"will power is a muscle too, and so is your psoas", ""}, Case{"Summer Sale: 20% off all packages!", ""},
        Case{"We will be closed Monday for Memorial Day.", ""},
        Case{"Mark your calendars: open house on Saturday!", ""},
        Case{"The principal of Jefferson High stopped by with flyers.", ""},
        Case{"Follow @calm_studio for more stretching tips", ""},
        Case{"Austin is lovely in the spring \xF0\x9F\x8C\xB8", ""},
        Case{"Jordan almonds at the front desk for everyone \xF0\x9F\x8D\xAC", ""},
        Case{"Dr. appointment reminders now go out by text.", ""},
        Case{"Amber lighting and soft music set the mood.", ""}, Case{"Deep Tissue Massage Special This Week Only", ""},
        Case{"Our therapist Jenna is back from maternity leave!", ""},
        Case{"#SelfCareSunday: hot stones, cold towels, warm tea", ""},
        Case{"Pregnancy massage is safe after the first trimester.", ""},
        Case{"Join us at Grace Church on Sunday for the charity chair massages.", ""},
        Case{"Try our new Amber Rose scrub, or the Jade Stone facial roller.", ""},
        Case{"Happy Rose Day to all our clients!", ""}, Case{"#thanksgiving deals all week long", ""},
        Case{"#thankyounurses for everything you do", ""}, Case{"#welcomeback everyone, we missed you", ""},
        Case{"#selfcaresunday #deeptissue #massagetherapist #newyorkcity #happyhour #sportsmassage", ""},
        // Run-together words that read as a common full name: a town, a word and a colour,
        // a given name that is mostly a word.
        Case{"Now booking in #morganhill and nearby", ""}, Case{"Loved her #hazelbrown eyeshadow look", ""},
        Case{"#markking your calendar: open house Saturday", ""}, Case{"#willpower and a foam roller", ""},
        // A given name that is a word ("My") before a month or weekday, which the dictionary
        // knows only capitalised.
        Case{"My Thursday regular has been sober 5 years today!", ""},
        Case{"MY SATURDAY CLIENT BROUGHT COOKIES", ""},
        Case{"Will November be busy? Book early", ""},
        // A saint's name is a church, hospital or school.
        Case{"My 10am is a nurse at St. Luke's who loves hot stone", ""},
        Case{"Saint Mary's Church is hosting a blood drive", ""},
        Case{"Free chair massage at STE-ANNE fair", ""},
        Case{"Rose (the oil) is back in stock", ""},
        Case{"Will (the new blend) be ready by Friday?", ""},
        // A car make after an article, a possessive or a colour is the car.
        Case{"My client who owns the red Tesla came in", ""},
        Case{"She pulled up in her Mercedes again", ""},
        // A town that is also a rarer given name, after "in" or "from", is the town.
        Case{"My client lives in Princeton.", ""},
        Case{"She drove in from Marion this morning.", ""},
        // A pet's name.
        Case{"My neighbor and client has a service dog named Bear.", ""},
        Case{"Her cat Luna sat in the window all session \xF0\x9F\x90\x88", ""},
        Case{"My client brought her dog, Max, to the session.", ""},
        // Adjectives of nationality, origin and faith are capitalised like names, and the
        // dictionary knows them only capitalised: "My" (a given name) + "Vietnamese" is no name.
        Case{"My Vietnamese client brought her mother along today.", ""},
        Case{"He is half Korean, half Irish, and a total sweetheart.", ""},
        Case{"MY SOMALI CLIENT BROUGHT SAMBUSAS \xF0\x9F\x98\x8B", ""},
        Case{"Our Thai regular swears by the hot stones.", ""},
        Case{"My Mormon client asked for a female therapist only.", ""},
        // A relative's lowercase word is no name.
        Case{"Her husband will pick her up at 5.", ""},
        Case{"Good morning, Sunshine! We open at 9.", ""},
        Case{"The guy from Boston came in again for his shoulder.", ""},
        Case{"My client works nights at the Tyson plant and has carpal tunnel.", ""},
        Case{"We love you, everyone!", ""},
        // The studio's own people: "our own", "our newest therapist", and the same name
        // again later in the paragraph.
        Case{"Our own Jenna just finished her prenatal massage certification. Congrats Jenna!", ""},
        Case{"Meet Marcus, our newest therapist! He specializes in sports massage and loves hiking.", ""},
        Case{"Book with Jenna, Marcus or Kayla \xE2\x80\x94 all three are now certified in cupping!", ""},
        // A pageant's title is not a woman's name.
        Case{"Congrats to my client who just won the Miss Wyoming pageant!", ""},
        // "MS" in capitals in a mixed-case sentence is the disease; a pronoun is no name.
        Case{"Sending love to my client who just found out she has MS. She's only 29.", ""}));
// clang-format on

TEST(PersonNameDetails, FullNameIsDirectWithProductFrequency) {
  auto found = who_testing::Run(Det(), "I massaged Mary Jones today.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].direct);
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_NEAR(*found[0].frequency, 0.00582 * 0.0051, 1e-7);
  EXPECT_EQ(found[0].suggestions.front(), "a client");
}

TEST(PersonNameDetails, GivenNameAloneIsNotDirect) {
  auto found = who_testing::Run(Det(), "My client Sally is pregnant.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].direct);
  EXPECT_NEAR(*found[0].frequency, 0.000402, 1e-7);
}

TEST(PersonNameDetails, StaffNameIsInfo) {
  auto found = who_testing::Run(Det(), "Our founder, Maria Santos, started this studio.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
}

// Staff in one sentence is staff in the paragraph, but never over a client's sentence.
TEST(PersonNameDetails, AStaffNameStaysStaffInItsParagraph) {
  auto found = who_testing::Run(Det(), "Our own Jenna passed her exam. Congrats Jenna!");
  ASSERT_EQ(found.size(), 2u);
  for (const Finding& f : found) EXPECT_EQ(f.severity, Severity::kInfo);
  auto other = who_testing::Run(Det(), "Our own Jenna passed her exam.\n\nCongrats Jenna!");
  ASSERT_EQ(other.size(), 2u);
  EXPECT_EQ(other[1].severity, Severity::kWarning);  // another paragraph
  auto client = who_testing::Run(Det(), "Our own Jenna passed her exam. My client Jenna came in with a migraine.");
  ASSERT_EQ(client.size(), 2u);
  EXPECT_EQ(client[1].severity, Severity::kError);
}

TEST(PersonNameDetails, NoClientContextIsWarning) {
  auto found = who_testing::Run(Det(), "Thank you Sally for the flowers.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
}

}  // namespace
}  // namespace discreet
