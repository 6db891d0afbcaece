// Shared by the quasi-identifier detectors (place, age, vehicle, occupation, attributes,
// time): who a sentence is about, token navigation, number words, the dictionary test that
// tells "Orange" the town from "orange" the colour, and one way to build a finding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "lexicon/lexicon.h"
#include "lexicon/phrase_index.h"

namespace discreet::qi {

inline constexpr double kUsPopulation = 330'000'000;

// A quasi-identifier finding with the fields every one of them carries.
Finding MakeFinding(std::string_view rule, std::string_view source, Span span, Severity severity,
                    std::string message, std::optional<double> frequency, std::vector<std::string> suggestions);

// Whether the lowercase form of `word` (a folded key) is an ordinary English word
// (Hunspell en_US, compiled into the dictionary image): "orange", "reading", "escalade"
// yes; "tucson", "porsche" no. Thread-safe. Without the image every word counts as
// ordinary, so detectors fall back to asking for more evidence.
bool IsDictionaryWord(std::string_view key);

// Per sentence: does it talk about a person (a client, "she", "my 7am", "on my table")?
// A place or a time in a sentence about the studio itself ("we open at 7am in Tucson") is
// not about anyone.
//
// The flags are computed once per scan, by the first detector that asks, and kept in the
// ScanInput.
class PersonCues {
 public:
  // One flag per sentence index.
  static const std::vector<bool>& Of(const ScanInput& in);
  static bool At(const std::vector<bool>& flags, const Token& t) {
    return t.sentence < flags.size() && flags[t.sentence];
  }
};

// The previous / next word token in the same sentence (punctuation stops nothing; emoji
// and punctuation are skipped), or -1.
long PrevWordIn(const std::vector<Token>& tokens, size_t i);
long NextWordIn(const std::vector<Token>& tokens, size_t i);
// The token right before / after i (any kind), or -1.
inline long Before(const std::vector<Token>&, size_t i) { return i == 0 ? -1 : static_cast<long>(i) - 1; }
inline long After(const std::vector<Token>& tokens, size_t i) {
  return i + 1 < tokens.size() ? static_cast<long>(i) + 1 : -1;
}
inline std::string_view KeyOf(const std::vector<Token>& tokens, long i) {
  return i < 0 || static_cast<size_t>(i) >= tokens.size() ? std::string_view() : std::string_view(tokens[i].key);
}
// Whether the token's raw text starts with an upper-case letter (hashtag parts included).
bool StartsUpper(std::string_view text, const Token& t);
// Whether nothing but spaces lies between tokens a and b (a < b).
bool Adjacent(std::string_view text, const Token& a, const Token& b);

// "85" → 85, "eighty" → 80, "eighty-five" is two tokens (see ParseNumberAt).
std::optional<int> SmallNumber(std::string_view key);
// The same for a token's key, looked up by the token's hash.
std::optional<int> SmallNumber(const Token& token);
// A number written at token i: digits, a number word, or "eighty - five" (hyphenated
// words). Returns the value and the index of its last token.
struct ParsedNumber {
  int value = 0;
  size_t last = 0;
};
std::optional<ParsedNumber> ParseNumberAt(const std::vector<Token>& tokens, size_t i);
// ParseNumberAt at every token of the draft, worked out on first use (NumberAt).
const std::vector<ScanInput::TokenNumber>& NumbersOf(const ScanInput& in);
// ParseNumberAt(in.tokens, i), shared by the detectors. Inline: asked ~1,000 times a KB.
inline std::optional<ParsedNumber> NumberAt(const ScanInput& in, size_t i) {
  const std::vector<ScanInput::TokenNumber>& numbers = in.numbers ? *in.numbers : NumbersOf(in);
  if (i >= numbers.size() || numbers[i].value < 0) return std::nullopt;
  return ParsedNumber{numbers[i].value, numbers[i].last};
}

}  // namespace discreet::qi
