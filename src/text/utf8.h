// UTF-8 validation and decoding: the one place that decides what counts as valid input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace discreet {

// Returns the byte offset of the first invalid sequence (overlong forms, surrogates,
// code points above U+10FFFF, truncated sequences), or nullopt when `text` is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// Replaces every invalid sequence with U+FFFD, as WHATWG's decoder does (one U+FFFD per
// maximal invalid subpart), so the result is always valid.
std::string RepairUtf8(std::string_view text);

// Whether every byte is ASCII: the test in front of each ASCII fast path.
inline bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Length of the sequence that starts with `lead`, assuming valid UTF-8 (1 for a
// continuation byte, so callers walking by it always make progress).
inline size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return lead < 0xC0 ? 1 : 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it.
char32_t DecodeUtf8(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace discreet
