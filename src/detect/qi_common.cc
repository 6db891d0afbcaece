// Helpers of the quasi-identifier detectors.
#include "detect/qi_common.h"

#include <algorithm>
#include <array>
#include <memory>

#include "detect/who.h"
#include "text/word_set.h"

namespace discreet::qi {
namespace {

// Words that say a sentence is about a person rather than the studio: clients, pronouns,
// people nouns, and what therapists write when they mean a client.
constexpr std::string_view kPersonCues[] = {
    "client", "clients", "patient", "patients", "customer", "regular", "regulars", "she", "he", "her", "him",
    "his", "hers", "herself", "himself", "guy", "lady", "woman", "man", "gentleman", "girl", "boy", "dude",
    "gal", "fella", "mom", "mum", "dad", "wife", "husband", "son", "daughter", "grandma", "grandpa",
    "grandmother", "grandfather", "widow", "widower", "massaged", "treated", "worked on", "on my table",
    "on the table", "on our table", "came in", "comes in", "coming in", "come in for", "booked with",
    "lives", "lived", "living in", "neighbor", "neighbour", "someone", "somebody", "person", "folks who",
    "grind my table", "i massaged", "my 7am", "whose"};

}  // namespace

Finding MakeFinding(std::string_view rule, std::string_view source, Span span, Severity severity,
                    std::string message, std::optional<double> frequency, std::vector<std::string> suggestions) {
  Finding f;
  f.rule = std::string(rule);
  f.source = std::string(source);
  f.category = Category::kQuasiIdentifier;
  f.severity = severity;
  f.message = std::move(message);
  f.span = span;
  if (frequency) f.frequency = std::min(1.0, std::max(*frequency, 1e-10));
  f.suggestions = std::move(suggestions);
  return f;
}

bool IsDictionaryWord(std::string_view key) {
  // One dictionary for the whole library (who.h).
  return who::ClassifyWord(key) == who::WordClass::kCommon;
}

const std::vector<bool>& PersonCues::Of(const ScanInput& in) {
  if (in.person_sentences) return *in.person_sentences;
  static const PhraseIndex* const cues = [] {
    auto* index = new PhraseIndex;  // never destroyed: detectors may run during exit
    for (std::string_view cue : kPersonCues) index->Add(cue, 1);
    return index;
  }();
  const std::vector<Token>& tokens = in.tokens;
  std::vector<bool> flags(tokens.empty() ? 0 : tokens.back().sentence + 1, false);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (flags[tokens[i].sentence]) continue;
    if (cues->LongestAt(tokens, i)) flags[tokens[i].sentence] = true;
  }
  return in.person_sentences.emplace(std::move(flags));
}

long PrevWordIn(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size()) return -1;  // callers pass a "none" (-1) index straight through
  for (size_t j = i; j-- > 0;) {
    if (tokens[j].sentence != tokens[i].sentence) return -1;
    if (tokens[j].is_word()) return static_cast<long>(j);
  }
  return -1;
}

long NextWordIn(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size()) return -1;
  for (size_t j = i + 1; j < tokens.size(); ++j) {
    if (tokens[j].sentence != tokens[i].sentence) return -1;
    if (tokens[j].is_word()) return static_cast<long>(j);
  }
  return -1;
}

bool StartsUpper(std::string_view text, const Token& t) {
  if (t.span.start >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[t.span.start]);
  if (c == '#' && t.span.start + 1 < text.size()) c = static_cast<unsigned char>(text[t.span.start + 1]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  // Non-ASCII first letter: trust the tokenizer's shape.
  return t.shape == Shape::kCapitalized || t.shape == Shape::kAllCaps || t.shape == Shape::kMixed;
}

bool Adjacent(std::string_view text, const Token& a, const Token& b) {
  if (b.span.start < a.span.end) return false;
  for (size_t p = a.span.end; p < b.span.start; ++p)
    if (text[p] != ' ') return false;
  return true;
}

namespace {

struct NumberWord {
  std::string_view word;
  int value;
};
constexpr NumberWord kNumberWords[] = {
    {"zero", 0},      {"nought", 0},    {"one", 1},       {"two", 2},        {"twin", 2},       {"couple", 2},
    {"three", 3},     {"four", 4},      {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},
    {"nine", 9},      {"ten", 10},      {"eleven", 11},   {"twelve", 12},    {"dozen", 12},     {"a dozen", 12},
    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},   {"forty", 40},     {"fourty", 40},    {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},  {"eighty", 80},   {"ninety", 90},    {"hundred", 100},  {"a hundred", 100}};
constexpr auto kNumberWordKeys = WordSet<std::size(kNumberWords)>::Of(kNumberWords, &NumberWord::word);

// One to three ASCII digits.
std::optional<int> Digits(std::string_view key) {
  if (key.empty() || key.size() > 3) return std::nullopt;
  int v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<int> SmallNumber(std::string_view key) {
  if (auto v = Digits(key)) return v;
  const int i = kNumberWordKeys.Find(key);
  return i < 0 ? std::nullopt : std::optional<int>(kNumberWords[i].value);
}

// Asked at every token (NumbersOf): a key that opens with a letter is looked up by the
// token's hash, without the branches a string lookup takes on the key's bytes.
std::optional<int> SmallNumber(const Token& t) {
  if (!t.key.empty() && t.key[0] >= '0' && t.key[0] <= '9') return Digits(t.key);
  const int i = kNumberWordKeys.Find(t);
  return i < 0 ? std::nullopt : std::optional<int>(kNumberWords[i].value);
}

std::optional<ParsedNumber> ParseNumberAt(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const Token& t = tokens[i];
  if (t.shape == Shape::kNumber) {
    auto v = SmallNumber(t);
    if (!v) return std::nullopt;
    return ParsedNumber{*v, i};
  }
  auto v = SmallNumber(t);
  if (!v || *v == 0 || t.key == "couple" || t.key == "twin" || t.key == "dozen") return std::nullopt;
  // "eighty-five", "eighty five"
  if (*v >= 20 && *v % 10 == 0 && *v < 100) {
    size_t j = i + 1;
    if (j < tokens.size() && tokens[j].key == "-") ++j;
    if (j < tokens.size()) {
      auto unit = SmallNumber(tokens[j]);
      if (unit && *unit >= 1 && *unit <= 9 && tokens[j].shape != Shape::kNumber) return ParsedNumber{*v + *unit, j};
    }
  }
  return ParsedNumber{*v, i};
}

const std::vector<ScanInput::TokenNumber>& NumbersOf(const ScanInput& in) {
  if (!in.numbers) {
    std::vector<ScanInput::TokenNumber> numbers(in.tokens.size());
    for (size_t t = 0; t < in.tokens.size(); ++t)
      if (auto n = ParseNumberAt(in.tokens, t)) numbers[t] = {n->value, static_cast<uint32_t>(n->last)};
    in.numbers = std::move(numbers);
  }
  return *in.numbers;
}

}  // namespace discreet::qi
