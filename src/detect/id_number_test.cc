// id-number: SSNs (and the areas SSA never issues), and ids introduced by "ID", "member",
// "policy", "MRN" and the like — and the numbers that merely look like them.
#include <gtest/gtest.h>

#include "detect/detector_test_util.h"

namespace discreet {
namespace {

const Detector& Ids() {
  static const auto d = MakeIdNumberDetector(testing::EmptyLexicons());
  return *d;
}

struct Case {
  const char* text;
  std::vector<std::string> expected;
};

class IdNumber : public ::testing::TestWithParam<Case> {};

TEST_P(IdNumber, Matches) { EXPECT_EQ(testing::MatchedTexts(Ids(), GetParam().text), GetParam().expected) << GetParam().text; }

INSTANTIATE_TEST_SUITE_P(
    Ssn, IdNumber,
    ::testing::Values(Case{"SSN 123-45-6789", {"123-45-6789"}},
                      Case{"ssn is 123-45-6789.", {"123-45-6789"}},
                      Case{"her number 123-45-6789", {"123-45-6789"}},
                      Case{"123 45 6789", {"123 45 6789"}},
                      Case{"SSN: 123456789", {"123456789"}},
                      Case{"social security number 123456789", {"123456789"}},
                      Case{"000-12-3456", {}},   // area 000 is never issued
                      Case{"666-12-3456", {}},   // nor 666
                      Case{"900-12-3456", {}},   // nor 900-999
                      Case{"987-65-4321", {}},
                      Case{"123-00-4567", {}},   // group 00
                      Case{"123-45-0000", {}},   // serial 0000
                      Case{"SSN: 000123456", {}},
                      Case{"call 123-45-6789-0", {}},
                      Case{"order 123456789", {}}));  // nine digits with no cue

INSTANTIATE_TEST_SUITE_P(
    KeyedIds, IdNumber,
    ::testing::Values(Case{"MRN 00123456", {"00123456"}}, Case{"MRN: A1234567", {"A1234567"}},
                      Case{"medical record number 7654321", {"7654321"}},
                      Case{"member ID: XJH123456789", {"XJH123456789"}},
                      Case{"Member # XJH-1234-5678", {"XJH-1234-5678"}}, Case{"policy # ABC-123-456", {"ABC-123-456"}},
                      Case{"policy number is 12345-67890", {"12345-67890"}}, Case{"Patient ID 12345", {"12345"}},
                      Case{"insurance id w123456789", {"w123456789"}}, Case{"account 12345678", {"12345678"}},
                      Case{"policy # AB-12-34", {"AB-12-34"}},  // four digits, the fewest an ID may have
                      Case{"ID: 1234", {}},                     // too short
                      Case{"ID 2024", {}}, Case{"policy 5", {}}, Case{"id ABCDEFGH", {}},  // no digits
                      Case{"my ID card", {}}, Case{"member since 2019", {}}, Case{"members 12345 strong", {}},
                      Case{"Only $1,299.99 today", {}}, Case{"version 1.2.3", {}}, Case{"Beverly Hills 90210", {}},
                      Case{"open 24/7", {}}, Case{"3-4 times a week", {}}, Case{"call (503) 555-0147", {}}));

TEST(IdNumberFinding, IsADirectIdentifier) {
  std::vector<Finding> f = testing::RunDetector(Ids(), "SSN 123-45-6789");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "id-number");
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_TRUE(f[0].direct);
  EXPECT_EQ(f[0].span, (Span{4, 15}));
}

TEST(IdNumberFinding, OneFindingPerNumber) {
  // Matched by both the plain and the keyword SSN patterns: reported once.
  EXPECT_EQ(testing::RunDetector(Ids(), "SSN 123-45-6789 and ID 123-45-6789").size(), 2u);
  EXPECT_EQ(testing::RunDetector(Ids(), "SSN 123-45-6789").size(), 1u);
}

// Every keyword keyed ids may start with, lower-case and upper-case: the pattern is tried
// only at the word starts its openings name, so a keyword left out of them would be
// missed here.
TEST(IdNumber, EveryKeywordIsFound) {
  const char* keywords[] = {"id",       "i.d.",  "mrn",           "medical record", "medical record number",
                            "member",   "membership", "policy",     "patient",        "chart",
                            "account",  "acct",  "claim",           "case",           "subscriber",
                            "insurance"};
  for (std::string k : keywords) {
    std::string upper = k;
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    for (const std::string& spelled : {k, upper}) {
      std::string text = "Her " + spelled + " # 4412-9981 is on file.";
      EXPECT_EQ(testing::MatchedTexts(Ids(), text), std::vector<std::string>{"4412-9981"}) << text;
    }
  }
  for (const char* text : {"ssn 123456789", "SSN: 123456789", "social security 123456789", "Soc. Sec. 123456789",
                           "SOCIAL SECURITY NO. 123456789"})
    EXPECT_EQ(testing::MatchedTexts(Ids(), text), std::vector<std::string>{"123456789"}) << text;
}

}  // namespace
}  // namespace discreet
