// In: is a folded key one of a small fixed list of words? Detectors ask this at almost
// every token, so the comparison rejects on length and first byte before any memcmp.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace discreet {

inline bool SameWord(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view key) {
  for (std::string_view w : set)
    if (SameWord(w, key)) return true;
  return false;
}

inline bool In(std::string_view key, std::initializer_list<std::string_view> set) {
  for (std::string_view w : set)
    if (SameWord(w, key)) return true;
  return false;
}

}  // namespace discreet
