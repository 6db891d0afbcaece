// PhraseIndex: finds multi-word phrases in a token stream by their folded keys, longest
// match first. Lexicons and rule packs both match through it, so "Beyoncé's", "BEYONCE"
// and "#Beyonce" find the same entry.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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
  // Most tokens start no phrase of a given index: that answer is inline, from the token's
  // lexicon marks or one word of the first-key filter.
  std::optional<Match> LongestAt(const std::vector<Token>& tokens, size_t i) const {
    if (!MayStartAt(tokens[i])) return std::nullopt;
    return LongestFrom(tokens, i);
  }
  // Whether a phrase may start at `t`: false means LongestAt finds none there.
  bool MayStartAt(const Token& t) const {
    if ((t.lexicon_starts & lexicon_bit_) == 0 && lexicon_bit_ != 0) return false;
    return t.is_word() && !filter_.empty() && MayStartWith(t.key_hash);
  }

  // The values of the one-word phrase that is token `t`'s key, or empty: a word looked
  // up alone, whatever phrase it may start.
  std::span<const uint32_t> WordAt(const Token& t) const;

  // Every longest match, left to right, not overlapping.
  std::vector<Match> FindAll(const std::vector<Token>& tokens) const;

  size_t size() const { return entries_.size(); }

  // A binary image of the index (for compiled lexicons), appended to `out` in 8-byte
  // aligned pieces; FromImage reads one back in place from `image` (8-byte aligned, and
  // alive as long as the index), advancing it past the image. Returns nullopt when the
  // image is malformed.
  void AppendImage(std::string& out) const;
  static std::optional<PhraseIndex> FromImage(std::string_view& image);

  PhraseIndex() = default;
  PhraseIndex(PhraseIndex&& other) noexcept { *this = std::move(other); }
  PhraseIndex& operator=(PhraseIndex&& other) noexcept;
  PhraseIndex(const PhraseIndex&) = delete;
  PhraseIndex& operator=(const PhraseIndex&) = delete;
  // Makes room for `phrases` more phrases, so a large lexicon is not rehashed as it loads.
  void Reserve(size_t phrases);
  // The values of an exact phrase, or empty.
  std::span<const uint32_t> Lookup(std::string_view phrase) const;

  // The next word token after `i` that a phrase may continue into: punctuation inside a
  // name ("U.S.", "Coca-Cola", "Procter & Gamble") is skipped; anything else ends it.
  static std::optional<size_t> NextWord(const std::vector<Token>& tokens, size_t i);

  // The first-key filter: bit FilterBit(KeyHash(k), first_key_filter().size()) is set for
  // the first key k of every phrase (and a few others).
  std::span<const uint64_t> first_key_filter() const { return filter_; }
  static uint64_t FilterBit(uint64_t key_hash, size_t words) { return (key_hash ^ (key_hash >> 29)) & (words * 64 - 1); }
  // This index's bit in Token::lexicon_starts (LexiconSet assigns one to each lexicon), or
  // 0: a token without the bit starts no phrase here, which costs LongestAt one AND.
  void set_lexicon_bit(uint32_t bit) { lexicon_bit_ = bit; }

 private:
  // Flat storage: loading a 300,000-phrase gazetteer must take milliseconds, so there is
  // one arena string and a few arrays, not a heap object per phrase.
  struct Entry {
    uint32_t text = 0;         // offset in arena_ of "key1 key2 ..."
    uint32_t text_size = 0;
    uint32_t prefix_size = 0;  // bytes of the first key, or of the first two keys and the space
    uint16_t keys = 0;         // number of keys
    uint32_t values = 0;       // offset in values_
    uint32_t value_count = 0;
    uint32_t next = kNone;     // next entry with the same first key (longest first)
  };
  static constexpr uint32_t kNone = 0xFFFFFFFF;

  std::string_view EntryText(const Entry& e) const { return arena_.substr(e.text, e.text_size); }
  std::string_view Prefix(const Entry& e) const { return arena_.substr(e.text, e.prefix_size); }
  // Points the views at the owned storage after it changed.
  void Refresh();
  // Phrases are chained by their first key (one-word phrases) or their first two keys
  // (longer ones), so a common first word ("new", "san") never means a long walk.
  // FindSlot gives the slot whose chain has prefix `a` (+ ' ' + `b` when b is not
  // empty), or the empty slot where it would go.
  size_t FindSlot(std::string_view a, std::string_view b, uint64_t hash) const;
  void Grow(size_t min_slots);

  struct Slot {
    uint32_t head = kNone;  // first entry of the chain, or kNone
    uint32_t hash = 0;      // the prefix's hash, checked before touching the entry
  };

  // LongestAt for a token that may start a phrase.
  std::optional<Match> LongestFrom(const std::vector<Token>& tokens, size_t i) const;
  // Two one-bit-per-hash filters over every phrase's first key, four bits per slot each
  // (so at least eight per first key): most tokens start no phrase of a given lexicon,
  // and this answers them from a cache line or two (a small lexicon's filters are 512
  // bytes each) instead of probing the slots. The second filter, on other bits of the
  // hash, passes about one in ten of the first's false positives, each of which cost a
  // probe (phrase_index_test measures both).
  static uint64_t SecondFilterBit(uint64_t key_hash, size_t words) {
    return ((key_hash >> 32) * 0x9E3779B97F4A7C15ULL >> 20) & (words * 64 - 1);
  }
  bool MayStartWith(uint64_t key_hash) const {
    const uint64_t bit = FilterBit(key_hash, filter_.size());
    if (((filter_[bit >> 6] >> (bit & 63)) & 1) == 0) return false;
    const uint64_t second = SecondFilterBit(key_hash, second_filter_.size());
    return (second_filter_[second >> 6] >> (second & 63)) & 1;
  }
  void FilterAdd(std::string_view first_key);

  // Owned storage, filled by Add (empty for an index read from an image)...
  std::string own_arena_;
  std::vector<Entry> own_entries_;
  std::vector<uint32_t> own_values_;
  std::vector<Slot> own_slots_;  // open addressing, linear probing, at most half full
  std::vector<uint64_t> own_filter_;
  std::vector<uint64_t> own_second_filter_;
  bool from_image_ = false;
  uint32_t lexicon_bit_ = 0;
  size_t used_slots_ = 0;
  // ...and what every lookup reads: the owned storage or an image.
  std::string_view arena_;
  std::span<const Entry> entries_;
  std::span<const uint32_t> values_;
  std::span<const Slot> slots_;
  std::span<const uint64_t> filter_;
  std::span<const uint64_t> second_filter_;
};

// Folded keys of a phrase's words, split as the tokenizer splits.
std::vector<std::string> PhraseKeys(std::string_view phrase);

}  // namespace discreet
