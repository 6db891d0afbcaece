// SWAR: eight bytes of text tested at once in a 64-bit word, for the scans that pass over
// every byte of a draft (tokenizer, pattern openings, offsets, JSON escaping). Each test
// answers with the top bit (0x80) of every byte that passes.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace discreet::swar {

static_assert(std::endian::native == std::endian::little, "byte i of a loaded word is bits 8i..8i+7");

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHighs = kOnes * 0x80;  // the top bit of every byte

// Eight bytes from `p` (no alignment needed).
inline uint64_t Load(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// Bytes equal to `c`, exactly, whatever the other bytes hold.
constexpr uint64_t Equal(uint64_t x, unsigned char c) {
  const uint64_t v = x ^ (kOnes * c);
  return ~(((v & ~kHighs) + ~kHighs) | v | ~kHighs);
}

// Bytes in [lo, hi] for a word of bytes below 0x80 only (test `x & kHighs` first): no
// carry crosses a byte then.
constexpr uint64_t InRange(uint64_t x, unsigned char lo, unsigned char hi) {
  return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x7F - hi)) & kHighs;
}

// The index of the first byte that passed, for a nonzero answer.
constexpr size_t FirstByte(uint64_t passed) { return static_cast<size_t>(std::countr_zero(passed)) / 8; }

// How many bytes passed: a multiply, since std::popcount is a software loop without
// -mpopcnt.
constexpr size_t Count(uint64_t passed) { return static_cast<size_t>(((passed >> 7) * kOnes) >> 56); }

}  // namespace discreet::swar
