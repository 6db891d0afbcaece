// PhraseIndex: a hash on the first key, then a walk over the candidates, longest first.
// A token that starts no phrase costs one hash lookup.
#include "lexicon/phrase_index.h"

#include <algorithm>

namespace discreet {

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  std::vector<std::string> keys;
  for (Token& t : Tokenize(phrase))
    if (t.is_word()) keys.push_back(std::move(t.key));
  return keys;
}

bool PhraseIndex::Add(std::string_view phrase, uint32_t value) { return AddKeys(PhraseKeys(phrase), value); }

bool PhraseIndex::AddKeys(std::vector<std::string> keys, uint32_t value) {
  if (keys.empty()) return false;
  auto& bucket = by_first_[keys.front()];
  for (uint32_t e : bucket) {
    if (entries_[e].keys == keys) {
      entries_[e].values.push_back(value);
      return true;
    }
  }
  uint32_t id = static_cast<uint32_t>(entries_.size());
  entries_.push_back({std::move(keys), {value}});
  auto pos = std::find_if(bucket.begin(), bucket.end(),
                          [&](uint32_t e) { return entries_[e].keys.size() < entries_[id].keys.size(); });
  bucket.insert(pos, id);
  return true;
}

std::optional<size_t> PhraseIndex::NextWord(const std::vector<Token>& tokens, size_t i) {
  for (size_t j = i + 1; j < tokens.size(); ++j) {
    const Token& t = tokens[j];
    if (t.is_word()) return j;
    if (t.shape == Shape::kEmoji) return std::nullopt;
    const std::string& k = t.key;
    bool joiner = k == "." || k == "-" || k == "&" || k == "'" || k == "\xE2\x80\x99" || k == "/" || k == "\xE2\x80\x90";
    if (!joiner) return std::nullopt;
    if (j > i + 1) return std::nullopt;  // at most one joiner between two words
  }
  return std::nullopt;
}

std::optional<PhraseIndex::Match> PhraseIndex::LongestAt(const std::vector<Token>& tokens, size_t i) const {
  const Token& first = tokens[i];
  if (!first.is_word()) return std::nullopt;
  auto it = by_first_.find(first.key);
  if (it == by_first_.end()) return std::nullopt;
  for (uint32_t e : it->second) {
    const Entry& entry = entries_[e];
    size_t at = i;
    bool ok = true;
    for (size_t k = 1; k < entry.keys.size(); ++k) {
      if (tokens[at].possessive) {  // "Beyoncé's manager" is not the phrase "beyonce manager"
        ok = false;
        break;
      }
      auto next = NextWord(tokens, at);
      if (!next || tokens[*next].key != entry.keys[k]) {
        ok = false;
        break;
      }
      at = *next;
    }
    if (ok) return Match{i, at, entry.values};
  }
  return std::nullopt;
}

std::vector<PhraseIndex::Match> PhraseIndex::FindAll(const std::vector<Token>& tokens) const {
  std::vector<Match> out;
  for (size_t i = 0; i < tokens.size();) {
    if (auto m = LongestAt(tokens, i)) {
      out.push_back(*m);
      i = m->last + 1;
    } else {
      ++i;
    }
  }
  return out;
}

std::span<const uint32_t> PhraseIndex::Lookup(std::string_view phrase) const {
  std::vector<std::string> keys = PhraseKeys(phrase);
  if (keys.empty()) return {};
  auto it = by_first_.find(keys.front());
  if (it == by_first_.end()) return {};
  for (uint32_t e : it->second)
    if (entries_[e].keys == keys) return entries_[e].values;
  return {};
}

}  // namespace discreet
