// KeyHash: the one hash of a folded key. Tokenize stores it on every token, and the lexicon
// and dictionary images are laid out by it, so it must not change (the images would be
// stale).
#pragma once

#include <cstdint>
#include <string_view>

namespace discreet {

// FNV-1a, 64 bits.
constexpr uint64_t KeyHash(std::string_view key) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

}  // namespace discreet
