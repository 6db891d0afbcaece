// Tests of compiled lexicon images: same answers as the text, and ignored when stale or
// malformed.
#include "lexicon/lexicon_image.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/run_binary.h"

namespace discreet {
namespace {

void Write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

TEST(LexiconImageTest, SameAnswersAsTheText) {
  testing::TempDir tmp;
  std::filesystem::path dir = std::filesystem::path(tmp.path()) / "en";
  std::filesystem::create_directories(dir);
  Write(dir / "places.tsv",
        "# test\nname\tascii_name\tpopulation\tcountry\tadmin1\tfeature\n"
        "New York City\tNew York City\t8804190\tUS\tNY\tPPL\nZürich\tZurich\t341730\tCH\t25\tPPLA\n"
        "Pinedale\tPinedale\t\tUS\tWY\tPPLA2\n");
  Write(dir / "roles.tsv",
        "role\taliases\tholders\tkind\tsuggestion\tlocal\nceo\tchief executive|boss\t1\texecutive\tan executive\t0\n");
  std::filesystem::path image = std::filesystem::path(tmp.path()) / "en.bin";
  WriteLexiconImage(dir, image);
  auto mapped = LoadLexiconImage(image, dir);
  ASSERT_NE(mapped, nullptr);
  auto text = LexiconSet::LoadText(dir);
  for (const std::string& name : text->names()) {
    const Lexicon* a = mapped->Find(name);
    const Lexicon* b = text->Find(name);
    ASSERT_NE(a, nullptr) << name;
    ASSERT_EQ(a->rows(), b->rows());
    for (size_t r = 0; r < b->rows(); ++r)
      for (size_t c = 0; c < b->table().columns(); ++c) {
        EXPECT_EQ(a->table().Cell(r, c), b->table().Cell(r, c));
        // Number columns come read from the image, the same values as the text's.
        std::string_view column = b->table().header()[c];
        EXPECT_EQ(a->Numbers(c).size(), b->Numbers(c).size()) << name << "." << column;
        if (!b->Numbers(c).empty()) {
          EXPECT_EQ(a->GetNumber(r, column), b->GetNumber(r, column)) << name << "." << column << " row " << r;
        }
      }
  }
  EXPECT_EQ(mapped->Find("places")->GetNumber(0, "population"), 8804190);
  EXPECT_EQ(mapped->Find("places")->GetNumber(2, "population"), std::nullopt);  // an empty cell
  EXPECT_EQ(mapped->Find("places")->Numbers(0).size(), 0u);                      // name: not a number column
  EXPECT_EQ(mapped->Find("roles")->GetNumber(0, "holders"), 1);
  EXPECT_EQ(mapped->Find("places")->index().Lookup("new york city").size(), 1u);
  EXPECT_EQ(mapped->Find("places")->index().Lookup("ZURICH").size(), 1u);
  EXPECT_EQ(mapped->Find("roles")->index().Lookup("Chief Executive").size(), 1u);
  EXPECT_EQ(mapped->Find("places")->GetNumber(2, "population"), std::nullopt);
  EXPECT_EQ(mapped->Find("places")->GetNumber(0, "population"), 8804190);
}

TEST(LexiconImageTest, StaleOrMalformedImagesAreIgnored) {
  testing::TempDir tmp;
  std::filesystem::path dir = std::filesystem::path(tmp.path()) / "en";
  std::filesystem::create_directories(dir);
  Write(dir / "colours.tsv", "colour\tfrequency\nwhite\t0.25\n");
  std::filesystem::path image = std::filesystem::path(tmp.path()) / "en.bin";
  WriteLexiconImage(dir, image);
  ASSERT_NE(LoadLexiconImage(image, dir), nullptr);
  Write(dir / "colours.tsv", "colour\tfrequency\nwhite\t0.25\nblack\t0.2\n");  // edited after the build
  EXPECT_EQ(LoadLexiconImage(image, dir), nullptr);
  EXPECT_EQ(LoadLexiconImage(std::filesystem::path(tmp.path()) / "missing.bin", dir), nullptr);
  Write(image, "DSCLEX01 truncated");
  EXPECT_EQ(LoadLexiconImage(image, dir), nullptr);
  EXPECT_EQ(LexiconSet::Load(dir)->Find("colours")->rows(), 2u);  // the text still loads
}

}  // namespace
}  // namespace discreet
