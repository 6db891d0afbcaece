// Helpers shared by the RE2-based detectors: iterate matches over the scan text and check
// the characters around a match, since RE2 has no look-around.
#pragma once

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "text/document.h"

namespace discreet {

// Calls `on_match` with the span of group 1 when the pattern has a group, else of the
// whole match, for every non-overlapping match in `text`.
void ForEachMatch(const RE2& re, std::string_view text, const std::function<void(Span)>& on_match);
// The same for the matches inside `window` of `text` (\b and ^ still see the bytes
// around it). When no match can cross the window's edges, these are exactly the whole
// text's matches that lie in it.
void ForEachMatchIn(const RE2& re, std::string_view text, Span window, const std::function<void(Span)>& on_match);

// Every place a pattern that opens with \b and a word can begin to match: ASCII letters
// or digits after a byte that is neither (nor '_', which \b counts as a word byte), and
// every "ſ" and Kelvin sign "K", which RE2's (?i) folds to 's' and 'k'. Sorted.
std::vector<uint32_t> WordStarts(std::string_view text);
// The same for the scan text, computed once per scan and shared by the detectors.
const std::vector<uint32_t>& WordStarts(const ScanInput& in);

// How the words a pattern can begin on start: lower-case ASCII, matched ignoring case, with
// '#' standing for any digit ({"#", "jan", "feb", ...} for a date). At most 16.
class Openings {
 public:
  Openings(std::initializer_list<std::string_view> openings) : Openings(std::vector<std::string_view>(openings)) {}
  // The strings must outlive this.
  explicit Openings(std::vector<std::string_view> openings);
  // Whether the bytes at `at`, a WordStarts start, may begin with one of the openings: they
  // do, or a byte past ASCII (a folded "ſ" or "K") stands where a letter is due. The first
  // byte decides most starts, inline.
  // The first two bytes, looked up together, decide most starts inline (the first alone
  // passed one start in a few, and that test was a branch the CPU could not predict).
  bool OpenAt(std::string_view text, size_t at) const {
    const auto second = static_cast<unsigned char>(at + 1 < text.size() ? text[at + 1] : 0);
    const unsigned bits = by_first_[static_cast<unsigned char>(text[at])] & by_second_[second];
    return bits != 0 && (text[at] < 0 || OpensAt(text, at, bits));
  }

 private:
  bool OpensAt(std::string_view text, size_t at, unsigned bits) const;

  std::vector<std::string_view> openings_;  // string literals
  std::array<uint16_t, 256> by_first_{};    // for each first byte, a bit per opening
  std::array<uint16_t, 256> by_second_{};   // for each second byte (0 past the end), likewise
};

// The same matches as ForEachMatch for a pattern that can only begin at those of `starts`
// (WordStarts) where one of `openings` begins: each is tried anchored, a few bytes of DFA,
// instead of scanning the whole text. A start inside an earlier match is skipped, as the
// whole-text scan would.
void ForEachMatchAt(const RE2& re, std::string_view text, std::span<const uint32_t> starts, const Openings& openings,
                    const std::function<void(Span)>& on_match);

// The byte before `span` (or '\0' at the start) and after it (or '\0' at the end).
char ByteBefore(std::string_view text, Span span);
char ByteAfter(std::string_view text, Span span);

inline bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The ASCII digits of a text (RE2's \d is ASCII): how many, and where the last one is.
// Every ID and date pattern needs some, so prose with few digits skips those patterns,
// and a match that holds a digit cannot begin after the last one.
using DigitCensus = ScanInput::DigitCensus;
DigitCensus CountDigits(std::string_view text);
// The same for the scan text, computed once per scan and shared by the detectors.
const DigitCensus& Digits(const ScanInput& in);
// The WordStarts of the scan text at or before `last`.
std::span<const uint32_t> WordStartsUpTo(const ScanInput& in, size_t last);

// The maximal runs of `text` made of ASCII digits and `joiners` that hold at least
// `min_digits` digits. A pattern made only of those bytes never matches across a run's
// edge, so ForEachMatchIn over these runs finds every match that has that many digits.
std::vector<Span> DigitRuns(std::string_view text, std::string_view joiners, int min_digits);

// Lower-cased ASCII copy of up to `max_bytes` bytes that precede `span`, for cue words.
std::string LowerWindowBefore(std::string_view text, Span span, size_t max_bytes);
std::string LowerWindowAfter(std::string_view text, Span span, size_t max_bytes);
// Whether `phrase` occurs in `window` as whole words: no ASCII letter or digit right
// before it, nor right after it unless it ends in '.' ("d.o.b", "b.").
bool ContainsWord(std::string_view window, std::string_view phrase);

}  // namespace discreet
