// WordSet: is a folded key one of a fixed list of words? Detectors ask this at almost every
// token, against lists of up to ~70 words, so each list is hashed into a small table at
// compile time by KeyHash, the hash every token already carries.
//
//   constexpr WordSet kArticles({"a", "an", "the"});
//   if (In(kArticles, token)) ...        // a token: no hashing, no branch that depends on its key
//   if (In(kArticles, some_key)) ...     // any folded key: hashed here
//
// Asked at a token, a lookup reads a window of four slots beside the one its hash picks
// and compares them all, without a branch per slot: most keys are in no list, and a test
// of the key's length or of an empty slot was a branch the CPU could not predict (the
// lists' lookups were a fifth of a check's mispredicted branches). The table's slot
// function is chosen at compile time so that every word sits inside its window.
//
// A list with an empty word, a word of 64 bytes or more, or the same word twice does not
// compile.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/key_hash.h"
#include "text/tokenizer.h"

namespace discreet {

inline bool SameWord(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

template <size_t N>
class WordSet {
 public:
  consteval explicit WordSet(const std::string_view (&words)[N]) {
    for (size_t i = 0; i < N; ++i) Check(words[i]);
    Build([&](size_t i) { return words[i]; });
  }
  // The keys of a table of records, in the table's order (Find gives the record's index):
  // WordSet<std::size(kTitles)>::Of(kTitles, &Title::key).
  template <typename Table, typename Record>
  static consteval WordSet Of(const Table& table, std::string_view Record::*key) {
    WordSet set;
    std::array<std::string_view, N> words{};
    size_t i = 0;
    for (const Record& record : table) {
      if (i == N) throw "WordSet: the table does not have N records";
      set.Check(words[i++] = record.*key);
    }
    if (i != N) throw "WordSet: the table does not have N records";
    set.Build([&](size_t k) { return words[k]; });
    return set;
  }

  // Where `key` stands in the list the set was built from, or -1.
  int Find(std::string_view key) const {
    if (key.size() >= 64 || ((lengths_ >> key.size()) & 1) == 0) return -1;
    return FindHashed(key, KeyHash(key));
  }
  int Find(const Token& token) const { return FindHashed(token.key, token.key_hash); }

 private:
  static constexpr size_t kWindow = 4;
  static constexpr size_t kSlots = std::bit_ceil(2 * N);  // at most half full
  static constexpr int kShift = 64 - std::countr_zero(kSlots);

  consteval WordSet() = default;
  consteval void Check(std::string_view w) {
    if (w.empty() || w.size() >= 64) throw "WordSet: a word is empty or 64 bytes or longer";
    lengths_ |= uint64_t{1} << w.size();
  }
  // The slot a hash's window opens at: the top bits of a multiply (kSlots >= 2).
  constexpr size_t Home(uint64_t hash) const { return static_cast<size_t>((hash * multiplier_) >> kShift); }
  // Tries odd multipliers until every word lands within kWindow slots of its home.
  template <typename WordAt>
  consteval void Build(WordAt word_at) {
    for (uint64_t seed = 0; seed < 1000; ++seed) {
      multiplier_ = (0x9E3779B97F4A7C15ULL + seed * 0xBF58476D1CE4E5B9ULL) | 1;
      hashes_ = {};
      words_ = {};
      bool fits = true;
      for (size_t i = 0; i < N && fits; ++i) {
        const std::string_view w = word_at(i);
        const uint64_t h = KeyHash(w);
        const size_t home = Home(h);
        fits = false;
        for (size_t k = 0; k < kWindow; ++k) {
          const size_t slot = home + k;
          if (words_[slot] == w) throw "WordSet: a word is listed twice";
          if (!words_[slot].empty() && hashes_[slot] == h) throw "WordSet: two words share a KeyHash";
          if (words_[slot].empty()) {
            hashes_[slot] = h;
            words_[slot] = w;
            index_[slot] = static_cast<uint32_t>(i);
            fits = true;
            break;
          }
        }
      }
      if (fits) return;
    }
    throw "WordSet: no slot function fits the words in their windows";
  }

  int FindHashed(std::string_view key, uint64_t hash) const {
    const size_t home = Home(hash);
    unsigned hits = 0;
    for (size_t k = 0; k < kWindow; ++k) hits |= unsigned{hashes_[home + k] == hash} << k;
    if (hits == 0) return -1;
    // Words of one list have distinct hashes: at most one slot holds this one.
    const size_t slot = home + static_cast<size_t>(std::countr_zero(hits));
    return SameWord(words_[slot], key) ? static_cast<int>(index_[slot]) : -1;
  }

  // kWindow - 1 slots past the last home, so that no window wraps.
  std::array<uint64_t, kSlots + kWindow - 1> hashes_{};  // 0 in a free slot (its word is empty)
  std::array<std::string_view, kSlots + kWindow - 1> words_{};
  std::array<uint32_t, kSlots + kWindow - 1> index_{};
  uint64_t multiplier_ = 1;
  uint64_t lengths_ = 0;  // bit n: some word has n bytes
};

template <size_t N>
WordSet(const std::string_view (&)[N]) -> WordSet<N>;

template <size_t N>
bool In(const WordSet<N>& set, std::string_view key) {
  return set.Find(key) >= 0;
}
template <size_t N>
bool In(const WordSet<N>& set, const Token& token) {
  return set.Find(token) >= 0;
}

}  // namespace discreet
