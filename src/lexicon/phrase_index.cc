// PhraseIndex: a hash on the first key, then a walk over the candidates, longest first.
// A token that starts no phrase costs one hash lookup.
#include "lexicon/phrase_index.h"

#include "lexicon/image_io.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace discreet {

namespace {

bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The tokenizer's split for plain ASCII phrases, without ICU: words are runs of letters
// and digits, joined by '.' or an apostrophe between two letters ("u.s", "o'brien") and by
// those or ',' ';' between two digits ("1,000"); a trailing 's is a possessive and is
// dropped. Returns false when the phrase holds
// anything this does not model (then the tokenizer decides).
bool AsciiPhraseKeys(std::string_view phrase, std::vector<std::string>& keys) {
  // A whole @handle is one key, '@' and all (what subject linking folds most often).
  if (phrase.size() > 1 && phrase[0] == '@' &&
      std::all_of(phrase.begin() + 1, phrase.end(), [](char c) { return IsAsciiAlnum(c) || c == '_'; })) {
    if (phrase.size() > 2 && phrase.ends_with("'s")) return false;
    keys.emplace_back(phrase);
    for (char& c : keys.back()) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return true;
  }
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
    } else if ((c == '.' || c == '\'' || c == ',' || c == ';') && !word.empty() && i + 1 < phrase.size() &&
               IsAsciiAlnum(phrase[i + 1])) {
      // UAX #29: '.' and an apostrophe join two letters (WB6-7); those and ',' ';' join two
      // digits (WB11-12); nothing joins a letter and a digit.
      const bool prev_digit = phrase[i - 1] >= '0' && phrase[i - 1] <= '9';
      const bool next_digit = phrase[i + 1] >= '0' && phrase[i + 1] <= '9';
      if ((prev_digit && next_digit) || (!prev_digit && !next_digit && (c == '.' || c == '\''))) {
        word += c;
      } else {
        flush();
      }
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

// Chains are keyed by the first key's hash, or by the first two keys' hashes mixed, so a
// lookup at a token reuses the hash Tokenize stored in it.
uint64_t Finish(uint64_t h) {
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 29);
}
uint64_t PrefixHash(uint64_t a) { return Finish(a); }
uint64_t PrefixHash(uint64_t a, uint64_t b) { return Finish(a * 0x9E3779B97F4A7C15ULL + b + 1); }
uint64_t PrefixHash(std::string_view a, std::string_view b) {
  return b.empty() ? PrefixHash(KeyHash(a)) : PrefixHash(KeyHash(a), KeyHash(b));
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

void PhraseIndex::Refresh() {
  arena_ = own_arena_;
  entries_ = own_entries_;
  values_ = own_values_;
  slots_ = own_slots_;
  filter_ = own_filter_;
  second_filter_ = own_second_filter_;
}

void PhraseIndex::FilterAdd(std::string_view first_key) {
  const uint64_t hash = KeyHash(first_key);
  const uint64_t bit = FilterBit(hash, own_filter_.size());
  own_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  const uint64_t second = SecondFilterBit(hash, own_second_filter_.size());
  own_second_filter_[second >> 6] |= uint64_t{1} << (second & 63);
}

PhraseIndex& PhraseIndex::operator=(PhraseIndex&& other) noexcept {
  own_arena_ = std::move(other.own_arena_);
  own_entries_ = std::move(other.own_entries_);
  own_values_ = std::move(other.own_values_);
  own_slots_ = std::move(other.own_slots_);
  own_filter_ = std::move(other.own_filter_);
  own_second_filter_ = std::move(other.own_second_filter_);
  from_image_ = other.from_image_;
  lexicon_bit_ = other.lexicon_bit_;
  used_slots_ = other.used_slots_;
  if (from_image_) {
    arena_ = other.arena_;
    entries_ = other.entries_;
    values_ = other.values_;
    slots_ = other.slots_;
    filter_ = other.filter_;
    second_filter_ = other.second_filter_;
  } else {
    Refresh();
  }
  other.Refresh();
  return *this;
}

void PhraseIndex::Grow(size_t min_slots) {
  size_t size = own_slots_.empty() ? 1024 : own_slots_.size() * 2;
  while (size < min_slots) size *= 2;
  std::vector<Slot> old = std::move(own_slots_);
  own_slots_.assign(size, Slot{});
  const size_t mask = size - 1;
  for (const Slot& s : old) {
    if (s.head == kNone) continue;
    std::string_view prefix = std::string_view(own_arena_).substr(own_entries_[s.head].text, own_entries_[s.head].prefix_size);
    size_t space = prefix.find(' ');
    uint64_t hash = space == std::string_view::npos ? PrefixHash(prefix, {})
                                                    : PrefixHash(prefix.substr(0, space), prefix.substr(space + 1));
    size_t i = hash & mask;
    while (own_slots_[i].head != kNone) i = (i + 1) & mask;
    own_slots_[i] = s;
  }
  own_filter_.assign(size / 16, 0);  // 4 bits per slot
  own_second_filter_.assign(size / 16, 0);
  for (const Entry& e : own_entries_) {
    std::string_view text = std::string_view(own_arena_).substr(e.text, e.text_size);
    FilterAdd(text.substr(0, text.find(' ')));
  }
  Refresh();
}

void PhraseIndex::Reserve(size_t phrases) {
  if (from_image_) throw std::logic_error("PhraseIndex: an index read from an image is read-only");
  size_t want = (used_slots_ + phrases) * 2;
  if (want > own_slots_.size()) Grow(want);
  own_entries_.reserve(own_entries_.size() + phrases);
  own_values_.reserve(own_values_.size() + phrases);
  own_arena_.reserve(own_arena_.size() + phrases * 12);
  Refresh();
}

void PhraseIndex::AppendImage(std::string& out) const {
  uint64_t header[2] = {sizeof(Entry), used_slots_};
  image_io::Append(out, header, sizeof header);
  image_io::Append(out, arena_.data(), arena_.size());
  image_io::Append(out, entries_.data(), entries_.size_bytes());
  image_io::Append(out, values_.data(), values_.size_bytes());
  image_io::Append(out, slots_.data(), slots_.size_bytes());
  image_io::Append(out, filter_.data(), filter_.size_bytes());
  image_io::Append(out, second_filter_.data(), second_filter_.size_bytes());
}

std::optional<PhraseIndex> PhraseIndex::FromImage(std::string_view& image) {
  auto header = image_io::Take(image);
  auto arena = image_io::Take(image);
  auto entries = image_io::Take(image);
  auto values = image_io::Take(image);
  auto slots = image_io::Take(image);
  auto filter = image_io::Take(image);
  auto second_filter = image_io::Take(image);
  if (!header || !arena || !entries || !values || !slots || !filter || !second_filter || header->size() != 16)
    return std::nullopt;
  uint64_t fields[2];
  std::memcpy(fields, header->data(), sizeof fields);
  if (fields[0] != sizeof(Entry) || entries->size() % sizeof(Entry) || values->size() % 4 || slots->size() % sizeof(Slot))
    return std::nullopt;
  size_t nslots = slots->size() / sizeof(Slot);
  if (nslots != 0 && (nslots & (nslots - 1)) != 0) return std::nullopt;
  if (filter->size() != nslots / 2 || second_filter->size() != nslots / 2) return std::nullopt;  // 4 bits per slot
  PhraseIndex index;
  index.from_image_ = true;
  index.used_slots_ = fields[1];
  index.arena_ = *arena;
  index.entries_ = {reinterpret_cast<const Entry*>(entries->data()), entries->size() / sizeof(Entry)};
  index.values_ = {reinterpret_cast<const uint32_t*>(values->data()), values->size() / 4};
  index.slots_ = {reinterpret_cast<const Slot*>(slots->data()), nslots};
  index.filter_ = {reinterpret_cast<const uint64_t*>(filter->data()), filter->size() / 8};
  index.second_filter_ = {reinterpret_cast<const uint64_t*>(second_filter->data()), second_filter->size() / 8};
  return index;
}

bool PhraseIndex::AddKeys(std::vector<std::string> keys, uint32_t value) {
  if (keys.empty()) return false;
  if (from_image_) throw std::logic_error("PhraseIndex: an index read from an image is read-only");
  std::string text;
  for (const std::string& k : keys) {
    if (!text.empty()) text += ' ';
    text += k;
  }
  std::string_view second = keys.size() > 1 ? std::string_view(keys[1]) : std::string_view();
  if ((used_slots_ + 1) * 2 > own_slots_.size()) Grow(0);
  uint64_t hash = PrefixHash(keys.front(), second);
  size_t slot = FindSlot(keys.front(), second, hash);
  // An existing phrase gains a value; its values move to the end to stay contiguous.
  for (uint32_t e = own_slots_[slot].head; e != kNone; e = own_entries_[e].next) {
    Entry& entry = own_entries_[e];
    if (EntryText(entry) != text) continue;
    for (uint32_t v = 0; v < entry.value_count; ++v)
      if (own_values_[entry.values + v] == value) return true;  // "Zurich" as name and as ascii_name
    uint32_t moved = static_cast<uint32_t>(own_values_.size());
    for (uint32_t v = 0; v < entry.value_count; ++v) own_values_.push_back(own_values_[entry.values + v]);
    own_values_.push_back(value);
    entry.values = moved;
    ++entry.value_count;
    Refresh();
    return true;
  }
  Entry entry;
  entry.text = static_cast<uint32_t>(own_arena_.size());
  entry.text_size = static_cast<uint32_t>(text.size());
  entry.prefix_size = static_cast<uint32_t>(keys.front().size() + (second.empty() ? 0 : 1 + second.size()));
  entry.keys = static_cast<uint16_t>(keys.size());
  entry.values = static_cast<uint32_t>(own_values_.size());
  entry.value_count = 1;
  own_arena_ += text;
  own_values_.push_back(value);
  FilterAdd(keys.front());
  uint32_t id = static_cast<uint32_t>(own_entries_.size());
  if (own_slots_[slot].head == kNone) ++used_slots_;
  entry.next = own_slots_[slot].head;
  own_entries_.push_back(entry);
  own_slots_[slot] = {id, static_cast<uint32_t>(hash >> 32)};
  Refresh();
  return true;
}

std::optional<size_t> PhraseIndex::NextWord(const std::vector<Token>& tokens, size_t i) {
  uint32_t next = tokens[i].next_word;
  if (next == Token::kNoWord) return std::nullopt;
  return next;
}

std::optional<PhraseIndex::Match> PhraseIndex::LongestFrom(const std::vector<Token>& tokens, size_t i) const {
  const Token& first = tokens[i];
  if (slots_.empty()) return std::nullopt;
  // Longer phrases first: those sharing the first two keys, longest match wins.
  const uint32_t second = first.possessive ? Token::kNoWord : first.next_word;
  if (second != Token::kNoWord && !tokens[second].key.empty()) {
    std::optional<Match> best;
    size_t best_keys = 0;
    const Token& t2 = tokens[second];
    for (uint32_t e = slots_[FindSlot(first.key, t2.key, PrefixHash(first.key_hash, t2.key_hash))].head; e != kNone;
         e = entries_[e].next) {
      const Entry& entry = entries_[e];
      if (entry.keys <= best_keys) continue;
      std::string_view rest = EntryText(entry).substr(entry.prefix_size);
      size_t at = second;
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
        const uint32_t next = tokens[at].next_word;
        if (next == Token::kNoWord || tokens[next].key != key) {
          ok = false;
          break;
        }
        at = next;
      }
      if (ok) {
        best = Match{i, at, std::span<const uint32_t>(values_.data() + entry.values, entry.value_count)};
        best_keys = entry.keys;
      }
    }
    if (best) return best;
  }
  uint32_t e = slots_[FindSlot(first.key, {}, PrefixHash(first.key_hash))].head;
  if (e == kNone) return std::nullopt;
  const Entry& entry = entries_[e];
  return Match{i, i, std::span<const uint32_t>(values_.data() + entry.values, entry.value_count)};
}

std::span<const uint32_t> PhraseIndex::WordAt(const Token& t) const {
  if ((t.lexicon_starts & lexicon_bit_) == 0 && lexicon_bit_ != 0) return {};
  if (t.key.empty() || slots_.empty() || filter_.empty() || !MayStartWith(t.key_hash)) return {};
  const uint32_t e = slots_[FindSlot(t.key, {}, PrefixHash(t.key_hash))].head;
  if (e == kNone) return {};
  return std::span<const uint32_t>(values_.data() + entries_[e].values, entries_[e].value_count);
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
  for (uint32_t e = slots_[FindSlot(keys.front(), second, PrefixHash(keys.front(), second))].head; e != kNone;
       e = entries_[e].next)
    if (EntryText(entries_[e]) == text)
      return std::span<const uint32_t>(values_.data() + entries_[e].values, entries_[e].value_count);
  return {};
}

}  // namespace discreet
