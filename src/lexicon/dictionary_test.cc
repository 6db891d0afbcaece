// dictionary: the image format (round trip, damaged images), and the shipped image against
// Hunspell itself on the words of the lexicons and corpora.
#include "lexicon/dictionary.h"

#include <gtest/gtest.h>
#include <hunspell/hunspell.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "error.h"
#include "lexicon/tsv.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

int initialize_utf_tbl();

namespace discreet {
namespace {

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("discreet-dictionary-test-" + name);
}

TEST(Dictionary, WritesAndFindsForms) {
  const auto path = TempPath("round-trip.bin");
  Dictionary::Write({{"rose", WordClass::kCommon},
                     {"Tucson", WordClass::kProperOnly},
                     {"don’t", WordClass::kCommon},
                     {"café", WordClass::kCommon},
                     {"rose", WordClass::kProperOnly}},  // listed twice: the first class stays
                    path);
  auto d = Dictionary::Load(path);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->size(), 4u);
  EXPECT_EQ(d->Find("rose"), WordClass::kCommon);
  EXPECT_EQ(d->Find("Tucson"), WordClass::kProperOnly);
  EXPECT_EQ(d->Find("tucson"), std::nullopt);
  EXPECT_EQ(d->Find(""), std::nullopt);
  // Classify asks the lower-case form, then the capitalised one.
  EXPECT_EQ(d->Classify("ROSE"), WordClass::kCommon);
  EXPECT_EQ(d->Classify("Rose"), WordClass::kCommon);
  EXPECT_EQ(d->Classify("TUCSON"), WordClass::kProperOnly);
  EXPECT_EQ(d->Classify("tucson"), WordClass::kProperOnly);
  EXPECT_EQ(d->Classify("CAFÉ"), WordClass::kCommon);
  EXPECT_EQ(d->Classify("Don’t"), WordClass::kCommon);
  EXPECT_EQ(d->Classify("Lefèvre"), WordClass::kUnknown);
  std::filesystem::remove(path);
}

TEST(Dictionary, NoFileIsNoDictionary) { EXPECT_EQ(Dictionary::Load(TempPath("absent.bin")), nullptr); }

TEST(Dictionary, DamagedImagesNameTheFile) {
  const auto good = TempPath("good.bin");
  Dictionary::Write({{"rose", WordClass::kCommon}}, good);
  std::string bytes;
  {
    std::ifstream f(good, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(f), {});
  }
  auto expect_refused = [&](const std::string& name, const std::string& content, const std::string& what) {
    const auto path = TempPath(name);
    std::ofstream(path, std::ios::binary) << content;
    try {
      Dictionary::Load(path);
      ADD_FAILURE() << name << " was accepted";
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
    std::filesystem::remove(path);
  };
  expect_refused("empty.bin", "", "empty");
  expect_refused("header.bin", "not a dictionary at all, just text", "wrong header");
  expect_refused("short.bin", bytes.substr(0, bytes.size() / 2), "cut short");
  std::string bad_slots = bytes;
  bad_slots[24 + 8 + 8] = 3;  // the slot piece's size: not a power-of-two count of uint32
  expect_refused("slots.bin", bad_slots, "");
  std::filesystem::remove(good);
}

// A damaged pool may give wrong answers, never a read outside the image or a hang.
TEST(Dictionary, DamagedPoolStaysInBounds) {
  const auto path = TempPath("pool.bin");
  std::vector<std::pair<std::string, WordClass>> forms;
  for (int i = 0; i < 100; ++i) forms.emplace_back("word" + std::to_string(i), WordClass::kCommon);
  Dictionary::Write(forms, path);
  std::string bytes;
  {
    std::ifstream f(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(f), {});
  }
  for (size_t i = bytes.size() - 400; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xFF);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  auto d = Dictionary::Load(path);
  ASSERT_TRUE(d);
  for (int i = 0; i < 200; ++i) (void)d->Classify("word" + std::to_string(i));
  std::filesystem::remove(path);
}

// What the detectors asked Hunspell before the image replaced it (Dictionary::Classify).
WordClass AskHunspell(Hunhandle* us, Hunhandle* gb, std::string_view word) {
  std::string lower, title;
  CaseForms(word, lower, title);
  if (Hunspell_spell(us, lower.c_str())) return WordClass::kCommon;
  if (IsAscii(lower) && Hunspell_spell(gb, lower.c_str())) return WordClass::kCommon;
  if (!title.empty() && Hunspell_spell(us, title.c_str())) return WordClass::kProperOnly;
  return WordClass::kUnknown;
}

// Every word of the corpora and a sample of every lexicon's terms, in the case they are
// written and in lower case: the image answers exactly as Hunspell does. (Words with
// digits are left out: Hunspell accepts numbers and ordinals by rule, not as forms, and
// no detector asks about them.)
TEST(ShippedDictionary, AnswersAsHunspellDoes) {
  auto d = Dictionary::Load(DictionaryImagePath());
  ASSERT_TRUE(d) << "no dictionary image at " << DictionaryImagePath() << " (the build makes it)";
  const std::string dir = DISCREET_HUNSPELL_DIR;
  initialize_utf_tbl();
  Hunhandle* us = Hunspell_create((dir + "/en_US.aff").c_str(), (dir + "/en_US.dic").c_str());
  Hunhandle* gb = Hunspell_create((dir + "/en_GB.aff").c_str(), (dir + "/en_GB.dic").c_str());

  std::set<std::string> words = {"rose",    "Rose",    "ROSE",    "will",    "Tucson", "tucson",   "Porsche", "don’t",
                                 "Don't",   "café",    "Zoë",     "Lefèvre", "Nguyễn", "McDonald", "iPhone",  "colour",
                                 "Colours", "realise", "Beyoncé", "O'Brien", "naïve",  "résumé",   "Ångström"};
  auto add_words = [&](std::string_view text) {
    for (const Token& t : Tokenize(text)) {
      if (!t.is_word() || t.shape == Shape::kNumber || t.shape == Shape::kUrl || t.shape == Shape::kEmail) continue;
      std::string_view w = text.substr(t.span.start, t.span.size());
      if (t.possessive && w.size() > 2) w.remove_suffix(w.ends_with("'s") ? 2 : 4);  // 's or ’s
      bool digits = false;
      for (char c : w) digits = digits || (c >= '0' && c <= '9');
      if (!digits && !w.empty()) words.insert(std::string(w));
    }
  };
  for (const char* corpus : {"/tests/corpus/own.jsonl", "/../shared/corpus/dev.jsonl"}) {
    std::ifstream in(std::string(DISCREET_SOURCE_DIR) + corpus);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) add_words(nlohmann::json::parse(line).value("text", ""));
  }
  for (const auto& entry : std::filesystem::directory_iterator(std::string(DISCREET_SOURCE_DIR) + "/lexicons/en")) {
    if (entry.path().extension() != ".tsv") continue;
    TsvTable table = TsvTable::Read(entry.path());
    const size_t step = std::max<size_t>(1, table.rows() / 1500);
    for (size_t r = 0; r < table.rows(); r += step) add_words(table.Cell(r, 0));
  }

  size_t asked = 0, differ = 0;
  for (const std::string& w : words) {
    ++asked;
    WordClass want = AskHunspell(us, gb, w), got = d->Classify(w);
    if (want != got && ++differ <= 20)
      ADD_FAILURE() << "\"" << w << "\": Hunspell says " << static_cast<int>(want) << ", the image "
                    << static_cast<int>(got);
  }
  EXPECT_EQ(differ, 0u) << "of " << asked << " words";
  EXPECT_GT(asked, 10000u);
  Hunspell_destroy(us);
  Hunspell_destroy(gb);
}

}  // namespace
}  // namespace discreet
