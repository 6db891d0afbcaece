// Tokens: ICU word segments with their byte span, shape, folded key, and the sentence and
// paragraph they belong to. Detectors read tokens, never raw characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "text/key_hash.h"

namespace discreet {

enum class Shape : uint8_t {
  kLower,        // massage
  kCapitalized,  // Sally
  kAllCaps,      // CLOSED
  kMixed,        // McDonald, iPhone, 30s
  kNumber,       // 85, 3.5, 1,000
  kPunct,        // , . ! ( -
  kEmoji,        // 😀 🙌
  kHashtag,      // one part of a hashtag: #SuperBowlLIX gives Super, Bowl, LIX
  kHandle,       // @jenny_runs (whole)
  kUrl,          // https://example.org/x, www.example.org (whole)
  kEmail,        // jen@example.org (whole)
};
std::string_view ShapeName(Shape shape);

// A token's folded key: a std::string with cheaper comparisons. Detectors compare keys
// with literals thousands of times a draft ("-", "my", "the"), and almost every comparison
// is false. A literal of up to eight bytes is compared with the key's first eight bytes
// and its length in one test, without a branch on the length first: that branch follows
// the text, and the CPU mispredicted it at a good share of tokens. (Eight bytes are always
// readable at a std::string's data(): a short string lives in a 16-byte buffer inside the
// object, a long one has at least 17 bytes allocated; bytes past the end are masked off.)
struct Key : std::string {
  using std::string::string;
  using std::string::operator=;
  template <size_t N>
  friend bool operator==(const Key& a, const char (&b)[N]) {
    constexpr size_t n = N - 1;
    if constexpr (n <= 8) {
      uint64_t bytes, want = 0;
      std::memcpy(&bytes, a.data(), 8);
      for (size_t i = 0; i < n; ++i) want |= uint64_t{static_cast<unsigned char>(b[i])} << (8 * i);
      const uint64_t mask = n == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
      return (a.size() == n) & ((bytes & mask) == want);
    } else {
      return std::string_view(a) == std::string_view(b, n);
    }
  }
  friend bool operator==(const Key& a, std::string_view b) { return std::string_view(a) == b; }
};

struct Token {
  static constexpr uint32_t kNoWord = 0xFFFFFFFF;

  Span span;               // bytes of the original input (a possessive "'s" included)
  Key key;                 // folded: "Beyoncé's" → "beyonce"
  uint64_t key_hash = 0;   // KeyHash(key), so a lexicon lookup at a token hashes nothing
  // The next word token a phrase may continue into (see PhraseIndex::NextWord), or kNoWord.
  uint32_t next_word = kNoWord;
  Shape shape = Shape::kLower;
  bool possessive = false; // ended in 's or ’s
  uint32_t sentence = 0;   // index of the sentence, from 0
  uint32_t paragraph = 0;  // index of the paragraph (blank-line separated), from 0
  // A bit for each lexicon that may have a phrase starting with this token's key, set by
  // LexiconSet::MarkFirstKeys; all bits (ask every lexicon) until then.
  uint32_t lexicon_starts = 0xFFFFFFFF;

  bool is_word() const { return shape != Shape::kPunct && shape != Shape::kEmoji; }
  // Capitalised in a way that hints at a proper noun (Sally, SALLY, McDonald).
  bool is_capitalized() const {
    return shape == Shape::kCapitalized || shape == Shape::kAllCaps || shape == Shape::kMixed;
  }
};

// Splits `text` (valid UTF-8) into tokens. Whitespace is dropped; punctuation and emoji
// are kept as tokens so that phrase matching can see where a phrase is interrupted.
// @handles, emails and URLs stay whole; hashtags split on case and digits.
std::vector<Token> Tokenize(std::string_view text);

// Tokenize with ICU segmenting every character and numbering the sentences, and RE2
// searching the whole text for URLs, emails, handles and hashtags: the reference that
// Tokenize's fast paths must equal (tokenizer_test compares them).
std::vector<Token> TokenizeWithIcuOnly(std::string_view text);

// Tokenizes what detectors read of `doc` (its scan text).
inline std::vector<Token> Tokenize(const Document& doc) { return Tokenize(doc.scan_text()); }

}  // namespace discreet
