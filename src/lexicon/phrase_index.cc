// PhraseIndex: a hash on the first key, then a walk over the candidates, longest first.
// A token that starts no phrase costs one hash lookup.
#include "lexicon/phrase_index.h"

#include <algorithm>

namespace discreet {

namespace {

bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The tokenizer's split for plain ASCII phrases, without ICU: words are runs of letters
// and digits, joined by '.' or an apostrophe between two of them ("u.s", "o'brien"); a
// trailing 's is a possessive and is dropped. Returns false when the phrase holds
// anything this does not model (then the tokenizer decides).
bool AsciiPhraseKeys(std::string_view phrase, std::vector<std::string>& keys) {
  std::string word;
  auto flush = [&] {
    if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
    if (!word.empty()) keys.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    if (static_cast<unsigned char>(c) >= 0x80 || c == '@' || c == '#' || c == ':' || c == '_') return false;
    if (IsAsciiAlnum(c)) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if ((c == '.' || c == '\'') && !word.empty() && i + 1 < phrase.size() && IsAsciiAlnum(phrase[i + 1])) {
      bool digits = c == '.' && (phrase[i - 1] >= '0' && phrase[i - 1] <= '9') != (phrase[i + 1] >= '0' && phrase[i + 1] <= '9');
      if (digits) return false;  // "3.5x": ICU's rules differ at a letter/digit seam
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return true;
}

}  // namespace

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  std::vector<std::string> keys;
  if (AsciiPhraseKeys(phrase, keys)) return keys;
  keys.clear();
  for (Token& t : Tokenize(phrase))
    if (t.is_word()) keys.push_back(std::move(t.key));
  return keys;
}

bool PhraseIndex::Add(std::string_view phrase, uint32_t value) { return AddKeys(PhraseKeys(phrase), value); }

namespace {

uint64_t HashPrefix(std::string_view a, std::string_view b) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a over a, then ' ' and b
  for (unsigned char c : a) h = (h ^ c) * 1099511628211ULL;
  if (!b.empty()) {
    h = (h ^ ' ') * 1099511628211ULL;
    for (unsigned char c : b) h = (h ^ c) * 1099511628211ULL;
  }
  return h ^ (h >> 29);
}

bool PrefixEquals(std::string_view prefix, std::string_view a, std::string_view b) {
  if (b.empty()) return prefix == a;
  return prefix.size() == a.size() + 1 + b.size() && prefix.starts_with(a) && prefix[a.size()] == ' ' &&
         prefix.ends_with(b);
}

}  // namespace

size_t PhraseIndex::FindSlot(std::string_view a, std::string_view b, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.head == kNone) return i;
    if (slot.hash == tag && PrefixEquals(Prefix(entries_[slot.head]), a, b)) return i;
  }
}

void PhraseIndex::Grow(size_t min_slots) {
  size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
  while (size < min_slots) size *= 2;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  const size_t mask = size - 1;
  for (const Slot& s : old) {
    if (s.head == kNone) continue;
    uint64_t hash = HashPrefix(Prefix(entries_[s.head]), {});
    size_t i = hash & mask;
    while (slots_[i].head != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void PhraseIndex::Reserve(size_t phrases) {
  size_t want = (used_slots_ + phrases) * 2;
  if (want > slots_.size()) Grow(want);
  entries_.reserve(entries_.size() + phrases);
  values_.reserve(values_.size() + phrases);
  arena_.reserve(arena_.size() + phrases * 12);
}

bool PhraseIndex::AddKeys(std::vector<std::string> keys, uint32_t value) {
  if (keys.empty()) return false;
  std::string text;
  for (const std::string& k : keys) {
    if (!text.empty()) text += ' ';
    text += k;
  }
  std::string_view second = keys.size() > 1 ? std::string_view(keys[1]) : std::string_view();
  if ((used_slots_ + 1) * 2 > slots_.size()) Grow(0);
  uint64_t hash = HashPrefix(keys.front(), second);
  size_t slot = FindSlot(keys.front(), second, hash);
  // An existing phrase gains a value; its values move to the end to stay contiguous.
  for (uint32_t e = slots_[slot].head; e != kNone; e = entries_[e].next) {
    Entry& entry = entries_[e];
    if (EntryText(entry) != text) continue;
    uint32_t moved = static_cast<uint32_t>(values_.size());
    for (uint32_t v = 0; v < entry.value_count; ++v) values_.push_back(values_[entry.values + v]);
    values_.push_back(value);
    entry.values = moved;
    ++entry.value_count;
    return true;
  }
  Entry entry;
  entry.text = static_cast<uint32_t>(arena_.size());
  entry.text_size = static_cast<uint32_t>(text.size());
  entry.prefix_size = static_cast<uint32_t>(keys.front().size() + (second.empty() ? 0 : 1 + second.size()));
  entry.keys = static_cast<uint16_t>(keys.size());
  entry.values = static_cast<uint32_t>(values_.size());
  entry.value_count = 1;
  arena_ += text;
  values_.push_back(value);
  uint32_t id = static_cast<uint32_t>(entries_.size());
  if (slots_[slot].head == kNone) ++used_slots_;
  entry.next = slots_[slot].head;
  entries_.push_back(entry);
  slots_[slot] = {id, static_cast<uint32_t>(hash >> 32)};
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
  if (!first.is_word() || slots_.empty()) return std::nullopt;
  // Longer phrases first: those sharing the first two keys, longest match wins.
  std::optional<size_t> second = first.possessive ? std::nullopt : NextWord(tokens, i);
  if (second && !tokens[*second].key.empty()) {
    std::optional<Match> best;
    size_t best_keys = 0;
    const std::string& k2 = tokens[*second].key;
    for (uint32_t e = slots_[FindSlot(first.key, k2, HashPrefix(first.key, k2))].head; e != kNone; e = entries_[e].next) {
      const Entry& entry = entries_[e];
      if (entry.keys <= best_keys) continue;
      std::string_view rest = EntryText(entry).substr(entry.prefix_size);
      size_t at = *second;
      bool ok = true;
      while (!rest.empty()) {
        rest.remove_prefix(1);  // the space
        size_t space = rest.find(' ');
        std::string_view key = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space);
        if (tokens[at].possessive) {  // "Beyoncé's manager" is not the phrase "beyonce manager"
          ok = false;
          break;
        }
        auto next = NextWord(tokens, at);
        if (!next || tokens[*next].key != key) {
          ok = false;
          break;
        }
        at = *next;
      }
      if (ok) {
        best = Match{i, at, std::span<const uint32_t>(values_.data() + entry.values, entry.value_count)};
        best_keys = entry.keys;
      }
    }
    if (best) return best;
  }
  uint32_t e = slots_[FindSlot(first.key, {}, HashPrefix(first.key, {}))].head;
  if (e == kNone) return std::nullopt;
  const Entry& entry = entries_[e];
  return Match{i, i, std::span<const uint32_t>(values_.data() + entry.values, entry.value_count)};
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
  if (keys.empty() || slots_.empty()) return {};
  std::string text;
  for (const std::string& k : keys) text += (text.empty() ? "" : " ") + k;
  std::string_view second = keys.size() > 1 ? std::string_view(keys[1]) : std::string_view();
  for (uint32_t e = slots_[FindSlot(keys.front(), second, HashPrefix(keys.front(), second))].head; e != kNone;
       e = entries_[e].next)
    if (EntryText(entries_[e]) == text)
      return std::span<const uint32_t>(values_.data() + entries_[e].values, entries_[e].value_count);
  return {};
}

}  // namespace discreet
