// Match iteration and neighbourhood checks for RE2-based detectors.
#include "detect/pattern_scan.h"

#include <algorithm>
#include <array>
#include <string>

namespace discreet {

void ForEachMatch(const RE2& re, std::string_view text, const std::function<void(Span)>& on_match) {
  ForEachMatchIn(re, text, {0, text.size()}, on_match);
}

void ForEachMatchIn(const RE2& re, std::string_view text, Span window, const std::function<void(Span)>& on_match) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[2];
  const int n = std::min(re.NumberOfCapturingGroups(), 1) + 1;
  size_t pos = window.start;
  while (pos <= window.end && re.Match(input, pos, window.end, RE2::UNANCHORED, groups, n)) {
    const re2::StringPiece& whole = groups[0];
    const re2::StringPiece& m = n == 2 && groups[1].data() != nullptr ? groups[1] : whole;
    size_t start = static_cast<size_t>(m.data() - text.data());
    if (m.size() > 0) on_match({start, start + m.size()});
    size_t whole_end = static_cast<size_t>(whole.data() - text.data()) + whole.size();
    pos = std::max(whole_end, pos + 1);
  }
}

std::vector<Span> DigitRuns(std::string_view text, std::string_view joiners, int min_digits) {
  std::array<bool, 256> joins{};
  for (char c : joiners) joins[static_cast<unsigned char>(c)] = true;
  auto in_run = [&](char c) { return IsAsciiDigit(c) || joins[static_cast<unsigned char>(c)]; };
  std::vector<Span> runs;
  for (size_t p = 0; p < text.size();) {
    if (!IsAsciiDigit(text[p])) {
      ++p;
      continue;
    }
    // p is the first digit after the last run, which ended on a byte outside it.
    size_t start = p, end = p;
    while (start > 0 && in_run(text[start - 1])) --start;
    int digits = 0;
    while (end < text.size() && in_run(text[end])) digits += IsAsciiDigit(text[end++]);
    if (digits >= min_digits) runs.push_back({start, end});
    p = end;
  }
  return runs;
}

char ByteBefore(std::string_view text, Span span) { return span.start == 0 ? '\0' : text[span.start - 1]; }
char ByteAfter(std::string_view text, Span span) { return span.end >= text.size() ? '\0' : text[span.end]; }

std::string LowerWindowBefore(std::string_view text, Span span, size_t max_bytes) {
  size_t from = span.start > max_bytes ? span.start - max_bytes : 0;
  std::string w(text.substr(from, span.start - from));
  for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return w;
}

std::string LowerWindowAfter(std::string_view text, Span span, size_t max_bytes) {
  std::string w(text.substr(span.end, std::min(max_bytes, text.size() - span.end)));
  for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return w;
}

}  // namespace discreet
