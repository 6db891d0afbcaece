// Folding: "Beyoncé", "BEYONCE" and "beyonce" must be one key, for names and lexicon
// entries alike, whatever the case, accents, width or apostrophe style of the draft.
#include "text/fold.h"

#include <gtest/gtest.h>

namespace discreet {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

class FoldTable : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTable, Folds) { EXPECT_EQ(Fold(GetParam().input), GetParam().folded) << GetParam().input; }

INSTANTIATE_TEST_SUITE_P(
    Cases, FoldTable,
    ::testing::Values(
        FoldCase{"", ""},
        FoldCase{"sally", "sally"},
        FoldCase{"Sally", "sally"},
        FoldCase{"SALLY", "sally"},
        FoldCase{"McDonald", "mcdonald"},
        FoldCase{"Beyonc\xC3\xA9", "beyonce"},              // precomposed é
        FoldCase{"Beyonce\xCC\x81", "beyonce"},             // e + combining acute
        FoldCase{"BEYONC\xC3\x89", "beyonce"},              // É
        FoldCase{"Zo\xC3\xAB Lef\xC3\xA8vre", "zoe lefevre"},
        FoldCase{"Nguy\xE1\xBB\x85n", "nguyen"},            // ễ: circumflex and tilde
        FoldCase{"NGUY\xE1\xBB\x84N", "nguyen"},            // Ễ
        FoldCase{"Stra\xC3\x9F" "e", "strasse"},           // ß case-folds to ss
        FoldCase{"\xE1\xBA\x9E", "ss"},                     // capital sharp s ẞ
        FoldCase{"Fran\xC3\xA7ois", "francois"},            // ç
        FoldCase{"Ren\xC3\xA9" "e \xC3\x85" "sa", "renee asa"},
        FoldCase{"\xEF\xBC\xA1\xEF\xBD\x8E\xEF\xBD\x81", "ana"},  // fullwidth Ａｎａ
        FoldCase{"\xEF\xBC\x91\xEF\xBC\x92", "12"},          // fullwidth digits
        FoldCase{"O\xE2\x80\x99" "Brien", "o'brien"},       // ’ U+2019
        FoldCase{"O\xE2\x80\x98" "Brien", "o'brien"},       // ‘ U+2018
        FoldCase{"O\xCA\xBC" "Brien", "o'brien"},           // ʼ U+02BC
        FoldCase{"O'Brien", "o'brien"},
        FoldCase{"\xEF\xAC\x81" "sh", "fish"},              // ﬁ ligature (NFKC)
        FoldCase{"co\xC2\xAD" "operate", "cooperate"},      // soft hyphen vanishes
        FoldCase{"\xCE\x9F\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xAD\xCE\xB1\xCF\x82",
                 "\xCE\xBF\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCE\xB1\xCF\x83"},  // Greek: accent and final sigma
        FoldCase{"\xE6\x9D\xB1\xE4\xBA\xAC", "\xE6\x9D\xB1\xE4\xBA\xAC"},  // CJK unchanged
        FoldCase{"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"},  // Hebrew unchanged
        FoldCase{"555-0147", "555-0147"}));

TEST(Fold, AsciiAndUnicodePathsAgree) {
  EXPECT_EQ(Fold("Tom Brady"), Fold("Tom Brad\xC3\xBD"));
  EXPECT_EQ(Fold("BEYONCE"), Fold("Beyonc\xC3\xA9"));
}

TEST(Fold, FoldIntoReusesAndClearsTheBuffer) {
  std::string out = "leftover text";
  FoldInto("Zo\xC3\xAB", out);
  EXPECT_EQ(out, "zoe");
  FoldInto("AB", out);
  EXPECT_EQ(out, "ab");
}

TEST(Fold, ResultIsIdempotent) {
  for (const char* s : {"Beyonc\xC3\xA9", "Stra\xC3\x9F" "e", "\xEF\xBC\xA1na", "Nguy\xE1\xBB\x85n"}) {
    std::string once = Fold(s);
    EXPECT_EQ(Fold(once), once) << s;
  }
}

}  // namespace
}  // namespace discreet
