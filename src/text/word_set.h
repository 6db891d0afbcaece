// WordSet: is a folded key one of a fixed list of words? Detectors ask this at almost every
// token, against lists of up to ~70 words, so each list is hashed into a small table at
// compile time: one length test rejects most keys, and the rest cost one hash and a probe
// or two, however long the list. The hash reads at most sixteen bytes of the key, in two
// loads (KeyHash, which the images need, reads every byte, one at a time).
//
//   constexpr WordSet kArticles({"a", "an", "the"});
//   if (In(kArticles, token.key)) ...
//
// A list with an empty word, a word of 64 bytes or more, or the same word twice does not
// compile.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace discreet {

namespace word_set_internal {

// `n` bytes of `s` from `at`, little-endian; a constant-size loop compiles to one load.
constexpr uint64_t Read(std::string_view s, size_t at, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
  return v;
}

// The first and last eight bytes (four, or three single bytes, of a shorter key) and the
// length, mixed by two multiplies. The same at compile time and at run time.
constexpr uint64_t WordHash(std::string_view s) {
  const size_t n = s.size();
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = Read(s, 0, 8);
    b = Read(s, n - 8, 8);
  } else if (n >= 4) {
    a = Read(s, 0, 4);
    b = Read(s, n - 4, 4);
  } else if (n > 0) {
    a = Read(s, 0, 1) << 16 | Read(s, n / 2, 1) << 8 | Read(s, n - 1, 1);
  }
  uint64_t h = (a ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL ^ (b + n) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

}  // namespace word_set_internal

inline bool SameWord(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

template <size_t N>
class WordSet {
 public:
  consteval explicit WordSet(const std::string_view (&words)[N]) {
    for (size_t i = 0; i < N; ++i) Add(words[i], i);
  }
  // The keys of a table of records, in the table's order (Find gives the record's index):
  // WordSet<std::size(kTitles)>::Of(kTitles, &Title::key).
  template <typename Table, typename Record>
  static consteval WordSet Of(const Table& table, std::string_view Record::*key) {
    WordSet set;
    size_t i = 0;
    for (const Record& record : table) set.Add(record.*key, i++);
    if (i != N) throw "WordSet: the table does not have N records";
    return set;
  }

  // Where `key` stands in the list the set was built from, or -1.
  int Find(std::string_view key) const {
    if (key.size() >= 64 || ((lengths_ >> key.size()) & 1) == 0) return -1;
    for (size_t slot = word_set_internal::WordHash(key) & (kSlots - 1);; slot = (slot + 1) & (kSlots - 1)) {
      const Slot& s = slots_[slot];
      if (s.word.empty()) return -1;
      if (SameWord(s.word, key)) return static_cast<int>(s.index);
    }
  }

 private:
  consteval WordSet() = default;
  struct Slot {
    std::string_view word;  // empty: a free slot
    uint32_t index = 0;
  };
  consteval void Add(std::string_view w, size_t index) {
    if (w.empty() || w.size() >= 64) throw "WordSet: a word is empty or 64 bytes or longer";
    lengths_ |= uint64_t{1} << w.size();
    size_t slot = word_set_internal::WordHash(w) & (kSlots - 1);
    for (; !slots_[slot].word.empty(); slot = (slot + 1) & (kSlots - 1))
      if (slots_[slot].word == w) throw "WordSet: a word is listed twice";
    slots_[slot] = {w, static_cast<uint32_t>(index)};
  }

  // At most half full, so a miss ends at an empty slot within a probe or two.
  static constexpr size_t kSlots = std::bit_ceil(2 * N);
  std::array<Slot, kSlots> slots_{};
  uint64_t lengths_ = 0;  // bit n: some word has n bytes
};

template <size_t N>
WordSet(const std::string_view (&)[N]) -> WordSet<N>;

template <size_t N>
bool In(const WordSet<N>& set, std::string_view key) {
  return set.Find(key) >= 0;
}

}  // namespace discreet
