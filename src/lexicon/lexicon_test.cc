// Tests of the shipped lexicons (issue 3): every file loads with its declared columns,
// holds at least the minimum rows, has no duplicate keys, frequencies in (0, 1] and
// positive populations; and phrase lookups fold accents, split possessives and match
// multi-word keys longest first.
#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <set>
#include <string>
#include <tuple>

#include "error.h"
#include "text/fold.h"
#include "text/tokenizer.h"

namespace discreet {
namespace {

const LexiconSet& Shipped() {
  static const std::shared_ptr<const LexiconSet> set = LexiconSet::Load(std::string(DISCREET_SOURCE_DIR) + "/lexicons/en");
  return *set;
}

const Lexicon& Get(const char* name) {
  const Lexicon* l = Shipped().Find(name);
  if (!l) ADD_FAILURE() << "no lexicon " << name;
  static const Lexicon* any = Shipped().Find("ages");
  return l ? *l : *any;
}

TEST(ShippedLexicons, MinimumContent) {
  const std::pair<const char*, size_t> minimum[] = {
      {"given_names", 5000}, {"surnames", 20000},     {"places", 100000}, {"us_states", 50},
      {"public_figures", 2000}, {"organisations", 300}, {"roles", 100},  {"events", 150},
      {"vehicle_makes", 60},  {"vehicle_models", 400}, {"occupations", 300}, {"ages", 111},
      {"attributes", 100},    {"health", 500},         {"place_words", 50}, {"colours", 20},
      {"holidays", 20},       {"consent_cues", 10}};
  for (const auto& [name, rows] : minimum) EXPECT_GE(Get(name).rows(), rows) << name;
}

TEST(ShippedLexicons, NoDuplicateKeys) {
  const std::pair<const char*, std::vector<const char*>> keys[] = {
      {"given_names", {"name"}},       {"surnames", {"name"}},          {"us_states", {"name"}},
      {"occupations", {"occupation"}}, {"vehicle_makes", {"make"}},     {"vehicle_models", {"make", "model"}},
      {"events", {"name"}},            {"roles", {"role"}},             {"ages", {"age"}},
      {"health", {"term"}},            {"attributes", {"phrase"}},      {"organisations", {"name"}},
      {"public_figures", {"name"}}};
  for (const auto& [name, columns] : keys) {
    const Lexicon& l = Get(name);
    std::set<std::string> seen;
    for (size_t r = 0; r < l.rows(); ++r) {
      std::string key;
      for (const char* c : columns) key += Fold(l.Get(r, c)) + "\t";
      EXPECT_TRUE(seen.insert(key).second) << name << ": duplicate " << key;
    }
  }
  // Places: one row per GeoNames name, country and region (two towns whose names differ
  // only by accents, like Benito Juárez and Benito Juarez, are different places).
  const Lexicon& places = Get("places");
  std::set<std::tuple<std::string_view, std::string_view, std::string_view>> seen;
  for (size_t r = 0; r < places.rows(); ++r)
    EXPECT_TRUE(seen.emplace(places.Get(r, "name"), places.Get(r, "country"), places.Get(r, "admin1")).second)
        << "places: duplicate " << places.Get(r, "name");
}

TEST(ShippedLexicons, FrequenciesAndPopulations) {
  const std::pair<const char*, const char*> shares[] = {
      {"given_names", "frequency"}, {"surnames", "frequency"}, {"vehicle_makes", "share"},
      {"vehicle_models", "share"},  {"occupations", "share"},  {"ages", "share"},
      {"attributes", "frequency"},  {"colours", "frequency"}};
  for (const auto& [name, column] : shares) {
    const Lexicon& l = Get(name);
    for (size_t r = 0; r < l.rows(); ++r) {
      auto f = l.GetNumber(r, column);
      ASSERT_TRUE(f.has_value()) << name << " row " << r;
      EXPECT_GT(*f, 0) << name << " row " << r;
      EXPECT_LE(*f, 1) << name << " row " << r;
    }
  }
  for (const auto& [name, column] : {std::pair{"us_states", "population"}, std::pair{"roles", "holders"}}) {
    const Lexicon& l = Get(name);
    for (size_t r = 0; r < l.rows(); ++r) EXPECT_GT(l.GetNumber(r, column).value_or(0), 0) << name << " row " << r;
  }
  // Places: a population where GeoNames gives one (empty means unknown, never zero).
  const Lexicon& places = Get("places");
  size_t known = 0;
  for (size_t r = 0; r < places.rows(); ++r)
    if (auto p = places.GetNumber(r, "population")) {
      EXPECT_GT(*p, 0);
      ++known;
    }
  EXPECT_GT(known, places.rows() * 9 / 10);
  // Ages cover 0..110 once each and sum to about the whole population.
  double total = 0;
  for (size_t r = 0; r < Get("ages").rows(); ++r) total += *Get("ages").GetNumber(r, "share");
  EXPECT_NEAR(total, 1.0, 0.02);
}

// The text of the longest match starting at the first word of `text`, "" for none.
std::string LongestAtStart(const char* lexicon, const std::string& text) {
  std::vector<Token> tokens = Tokenize(text);
  auto m = Get(lexicon).index().LongestAt(tokens, 0);
  if (!m) return "";
  return text.substr(tokens[m->first].span.start, tokens[m->last].span.end - tokens[m->first].span.start);
}

TEST(ShippedLexicons, LookupsFoldAccentsSplitPossessivesAndPreferLongerPhrases) {
  EXPECT_EQ(LongestAtStart("public_figures", "Beyonce was here"), "Beyonce");
  EXPECT_EQ(LongestAtStart("public_figures", "BEYONCÉ was here"), "BEYONCÉ");
  EXPECT_EQ(LongestAtStart("public_figures", "Beyoncé's manager"), "Beyoncé's");  // the token keeps its 's
  EXPECT_EQ(LongestAtStart("organisations", "Kansas City Chiefs fans"), "Kansas City Chiefs");
  EXPECT_EQ(LongestAtStart("events", "Super Bowl party"), "Super Bowl");
  EXPECT_EQ(LongestAtStart("places", "São Paulo traffic"), "São Paulo");
  EXPECT_EQ(LongestAtStart("places", "sao paulo traffic"), "sao paulo");
  EXPECT_EQ(LongestAtStart("given_names", "Zoë came in"), "Zoë");
  EXPECT_EQ(LongestAtStart("public_figures", "Massage tips"), "");
}

// MarkFirstKeys may only rule out lexicons that have no phrase starting with a token's key:
// every lexicon's own phrases, looked up with marked tokens, must still be found.
TEST(ShippedLexicons, MarkedTokensFindEveryPhrase) {
  for (const std::string& name : Shipped().names()) {
    const Lexicon& lex = Get(name.c_str());
    const LexiconSchema* schema = FindLexiconSchema(name);
    const std::string_view column = schema && !schema->key_columns.empty() ? schema->key_columns.front() : "";
    const size_t step = std::max<size_t>(1, lex.rows() / 400);
    for (size_t r = 0; r < lex.rows(); r += step) {
      std::string_view cell = column.empty() ? lex.table().Cell(r, 0) : lex.Get(r, column);
      std::string phrase(cell.substr(0, cell.find('|')));
      std::vector<Token> tokens = Tokenize(phrase);
      if (tokens.empty() || !tokens[0].is_word()) continue;
      auto unmarked = lex.index().LongestAt(tokens, 0);
      Shipped().MarkFirstKeys(tokens);
      auto marked = lex.index().LongestAt(tokens, 0);
      ASSERT_EQ(marked.has_value(), unmarked.has_value()) << name << ": " << phrase;
      if (marked) {
        EXPECT_EQ(marked->last, unmarked->last) << name << ": " << phrase;
      }
    }
  }
}

// And it must rule most of them out for ordinary words, or it is not worth its table.
TEST(ShippedLexicons, MarkedTokensRuleOutMostLexicons) {
  std::vector<Token> tokens = Tokenize("had a great session this morning and her shoulders were tight");
  Shipped().MarkFirstKeys(tokens);
  size_t bits = 0;
  for (const Token& t : tokens) bits += static_cast<size_t>(std::popcount(t.lexicon_starts));
  EXPECT_LT(bits, tokens.size() * 6) << "lexicons left to ask, over " << tokens.size() << " tokens";
}

}  // namespace
}  // namespace discreet

namespace discreet {
namespace {

// The schema's number columns are checked when a lexicon loads: a bad cell names its file,
// row and column instead of being read as something else later.
std::string LoadError(const std::string& name, const std::string& tsv) {
  try {
    Lexicon lex(name, TsvTable::Parse(name + ".tsv", tsv));
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(LexiconSchema, NumberColumnsAreCheckedOnLoad) {
  const std::string names = "name\tfrequency\tfemale_share\tcommon_word\n";
  EXPECT_EQ(LoadError("given_names", names + "sally\t0.001\t0.99\t0\nwill\t0.002\t0.01\t1\n"), "");
  EXPECT_EQ(LoadError("given_names", names + "sally\t0.001\t0.99\t\n"), "");  // an empty flag is 0
  EXPECT_NE(LoadError("given_names", names + "sally\t0.001\t0.99\t2\n").find("common_word must be 0 or 1"),
            std::string::npos);
  EXPECT_NE(LoadError("given_names", names + "sally\t0.001\t0.99\tyes\n").find("given_names.tsv"), std::string::npos);
  EXPECT_NE(LoadError("given_names", names + "sally\t1.5\t0.99\t0\n").find("frequency must be in (0, 1]"),
            std::string::npos);
  EXPECT_NE(LoadError("places", "name\tascii_name\tpopulation\tcountry\tadmin1\tfeature\nx\tx\t0\tUS\tVT\tP\n")
                .find("population must be above 0"),
            std::string::npos);
}

TEST(LexiconSchema, FlagsReadAsNumbers) {
  Lexicon lex("surnames", TsvTable::Parse("surnames.tsv", "name\tfrequency\tcommon_word\nbrown\t0.002\t1\nlee\t0.001\t0\n"));
  ASSERT_FALSE(lex.Numbers(2).empty());
  EXPECT_EQ(lex.GetNumber(0, "common_word"), 1.0);
  EXPECT_EQ(lex.GetNumber(1, "common_word"), 0.0);
}

}  // namespace
}  // namespace discreet
