// PhraseIndex: finds multi-word phrases in a token stream by their folded keys, longest
// match first. Lexicons and rule packs both match through it, so "Beyoncé's", "BEYONCE"
// and "#Beyonce" find the same entry.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/tokenizer.h"

namespace discreet {

class PhraseIndex {
 public:
  struct Match {
    size_t first = 0;  // index of the first token
    size_t last = 0;   // index of the last token (inclusive)
    std::span<const uint32_t> values;
    Span span(const std::vector<Token>& tokens) const { return {tokens[first].span.start, tokens[last].span.end}; }
  };

  // Adds `phrase` (any case, accents, punctuation; folded as the tokenizer folds) with a
  // caller-chosen value. A phrase added twice keeps every value. Returns false when the
  // phrase has no words.
  bool Add(std::string_view phrase, uint32_t value);
  // Adds a phrase given as already-folded keys.
  bool AddKeys(std::vector<std::string> keys, uint32_t value);

  // The longest phrase that starts at word token `i`, if any.
  std::optional<Match> LongestAt(const std::vector<Token>& tokens, size_t i) const;

  // Every longest match, left to right, not overlapping.
  std::vector<Match> FindAll(const std::vector<Token>& tokens) const;

  size_t size() const { return entries_.size(); }
  // The values of an exact phrase, or empty.
  std::span<const uint32_t> Lookup(std::string_view phrase) const;

  // The next word token after `i` that a phrase may continue into: punctuation inside a
  // name ("U.S.", "Coca-Cola", "Procter & Gamble") is skipped; anything else ends it.
  static std::optional<size_t> NextWord(const std::vector<Token>& tokens, size_t i);

 private:
  struct Entry {
    std::vector<std::string> keys;
    std::vector<uint32_t> values;
  };
  std::vector<Entry> entries_;
  // First key → entries starting with it, longest first.
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_;
};

// Folded keys of a phrase's words, split as the tokenizer splits.
std::vector<std::string> PhraseKeys(std::string_view phrase);

}  // namespace discreet
