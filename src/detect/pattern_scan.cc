// Match iteration and neighbourhood checks for RE2-based detectors.
#include "detect/pattern_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>

#include "text/swar.h"

namespace discreet {

namespace {

// Reports the match in `groups` (group 1 when the pattern has one and it took part) and
// returns where the whole match ends.
size_t Report(std::string_view text, const re2::StringPiece* groups, int n, const std::function<void(Span)>& on_match) {
  const re2::StringPiece& whole = groups[0];
  const re2::StringPiece& m = n == 2 && groups[1].data() != nullptr ? groups[1] : whole;
  size_t start = static_cast<size_t>(m.data() - text.data());
  if (m.size() > 0) on_match({start, start + m.size()});
  return static_cast<size_t>(whole.data() - text.data()) + whole.size();
}

bool Opens(std::string_view text, size_t at, std::string_view opening) {
  if (text.size() - at < opening.size()) return false;
  for (size_t i = 0; i < opening.size(); ++i) {
    char c = text[at + i], o = opening[i];
    if (static_cast<unsigned char>(c) >= 0x80 && o != '#')
      return true;  // may be "ſ" or "K", which (?i) folds to 's' and 'k'
    if (o == '#' ? !IsAsciiDigit(c) : (c >= 'A' && c <= 'Z' ? c + 32 : c) != o) return false;
  }
  return true;
}

}  // namespace

void ForEachMatch(const RE2& re, std::string_view text, const std::function<void(Span)>& on_match) {
  ForEachMatchIn(re, text, {0, text.size()}, on_match);
}

void ForEachMatchIn(const RE2& re, std::string_view text, Span window, const std::function<void(Span)>& on_match) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[2];
  const int n = std::min(re.NumberOfCapturingGroups(), 1) + 1;
  size_t pos = window.start;
  while (pos <= window.end && re.Match(input, pos, window.end, RE2::UNANCHORED, groups, n))
    pos = std::max(Report(text, groups, n, on_match), pos + 1);
}

Openings::Openings(std::vector<std::string_view> openings) : openings_(std::move(openings)) {
  // Where an opening's byte `c` may stand: '#' for any digit, a letter in either case.
  auto mark = [](std::array<uint16_t, 256>& table, char c, uint16_t bit) {
    if (c == '#') {
      for (char d = '0'; d <= '9'; ++d) table[static_cast<unsigned char>(d)] |= bit;
      return;
    }
    table[static_cast<unsigned char>(c)] |= bit;
    if (c >= 'a' && c <= 'z') table[static_cast<unsigned char>(c - 32)] |= bit;
  };
  for (size_t i = 0; i < openings_.size() && i < 16; ++i) {
    std::string_view o = openings_[i];
    if (o.empty()) continue;
    const auto bit = static_cast<uint16_t>(1u << i);
    mark(by_first_, o[0], bit);
    // The second byte: any for a one-byte opening (a NUL or the text's end included).
    if (o.size() < 2) {
      for (uint16_t& b : by_second_) b |= bit;
    } else {
      mark(by_second_, o[1], bit);
    }
  }
  // A folded "ſ" or "K" may stand for any opening's letter: always try those (a byte past
  // ASCII first is followed by another).
  for (int c = 0x80; c < 0x100; ++c) by_first_[c] = by_second_[c] = 0xFFFF;
}

bool Openings::OpensAt(std::string_view text, size_t at, unsigned bits) const {
  for (; bits != 0; bits &= bits - 1)
    if (Opens(text, at, openings_[static_cast<size_t>(__builtin_ctz(bits))])) return true;
  return false;
}

namespace {

// Bits of kByteClass. kOpen is kWord shifted once, so `kFoldLead | (kOpen << after_word)`
// asks for a word opening only after a non-word byte.
constexpr uint8_t kWord = 1;      // [0-9A-Za-z_]: what \b separates
constexpr uint8_t kOpen = 2;      // [0-9A-Za-z]: can open a word a pattern starts with
constexpr uint8_t kFoldLead = 4;  // 0xC5, 0xE2: may open "ſ" or the Kelvin sign

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    t[c] = static_cast<uint8_t>((alnum || c == '_' ? kWord : 0) | (alnum ? kOpen : 0) |
                                (c == 0xC5 || c == 0xE2 ? kFoldLead : 0));
  }
  return t;
}();

}  // namespace

std::vector<uint32_t> WordStarts(std::string_view text) {
  using swar::InRange;
  std::vector<uint32_t> starts;
  starts.reserve(text.size() / 4 + 8);
  bool fold_lead = false;
  unsigned after_word = 0;
  auto one_byte = [&](size_t i) {
    const uint8_t cls = kByteClass[static_cast<unsigned char>(text[i])];
    if (cls & (kFoldLead | (kOpen << after_word))) starts.push_back(static_cast<uint32_t>(i));
    fold_lead |= (cls & kFoldLead) != 0;
    after_word = cls & kWord;
  };
  // Eight bytes at a time: a start is an opening byte whose previous byte is no word byte.
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const uint64_t x = swar::Load(text.data() + i);
    if (x & swar::kHighs) {  // a byte past ASCII: "ſ", "K" or plain non-word bytes, one at a time
      for (size_t k = i; k < i + 8; ++k) one_byte(k);
      continue;
    }
    const uint64_t open = InRange(x, '0', '9') | InRange(x, 'A', 'Z') | InRange(x, 'a', 'z');
    const uint64_t word = open | swar::Equal(x, '_');
    for (uint64_t begins = open & ~((word << 8) | (after_word ? 0x80 : 0)); begins != 0; begins &= begins - 1)
      starts.push_back(static_cast<uint32_t>(i + swar::FirstByte(begins)));
    after_word = static_cast<unsigned>(word >> 63);
  }
  for (; i < text.size(); ++i) one_byte(i);
  if (!fold_lead) return starts;
  // A lead byte is a start only when it opens "ſ" (C5 BF) or the Kelvin sign (E2 84 AA).
  std::erase_if(starts, [&](uint32_t i) {
    char c = text[i];
    if (c != '\xC5' && c != '\xE2') return false;
    std::string_view rest = text.substr(i);
    return !rest.starts_with("\xC5\xBF") && !rest.starts_with("\xE2\x84\xAA");
  });
  return starts;
}

const std::vector<uint32_t>& WordStarts(const ScanInput& in) {
  if (!in.word_starts) in.word_starts = WordStarts(in.text);
  return *in.word_starts;
}

namespace {

// The top bit of each of the eight bytes of `x` that is an ASCII digit: the range test on
// the low seven bits, then bytes at or above 0x80 dropped.
uint64_t DigitBytes(uint64_t x) { return swar::InRange(x & ~swar::kHighs, '0', '9') & ~x; }

}  // namespace

std::span<const uint32_t> WordStartsUpTo(const ScanInput& in, size_t last) {
  const std::vector<uint32_t>& starts = WordStarts(in);
  return {starts.begin(), std::upper_bound(starts.begin(), starts.end(), last)};
}

DigitCensus CountDigits(std::string_view text) {
  DigitCensus census;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    if (const uint64_t digits = DigitBytes(swar::Load(text.data() + i))) {
      census.count += swar::Count(digits);
      census.last = i + 7 - static_cast<size_t>(std::countl_zero(digits)) / 8;
    }
  }
  for (; i < text.size(); ++i) {
    if (!IsAsciiDigit(text[i])) continue;
    ++census.count;
    census.last = i;
  }
  return census;
}

const DigitCensus& Digits(const ScanInput& in) {
  if (!in.digits) in.digits = CountDigits(in.text);
  return *in.digits;
}

void ForEachMatchAt(const RE2& re, std::string_view text, std::span<const uint32_t> starts, const Openings& openings,
                    const std::function<void(Span)>& on_match) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[2];
  const int n = std::min(re.NumberOfCapturingGroups(), 1) + 1;
  size_t pos = 0;
  for (size_t start : starts) {
    if (start < pos || !openings.OpenAt(text, start)) continue;
    if (!re.Match(input, start, text.size(), RE2::ANCHOR_START, groups, n)) continue;
    pos = std::max(Report(text, groups, n, on_match), start + 1);
  }
}

namespace {

// The first ASCII digit at or after `p`, or text.size(). Most bytes of prose are no digit,
// so they are passed over eight at a time.
size_t NextDigit(std::string_view text, size_t p) {
  for (; p + 8 <= text.size(); p += 8) {
    if (const uint64_t digits = DigitBytes(swar::Load(text.data() + p))) return p + swar::FirstByte(digits);
  }
  while (p < text.size() && !IsAsciiDigit(text[p])) ++p;
  return p;
}

}  // namespace

std::vector<Span> DigitRuns(std::string_view text, std::string_view joiners, int min_digits) {
  std::array<bool, 256> joins{};
  for (char c : joiners) joins[static_cast<unsigned char>(c)] = true;
  auto in_run = [&](char c) { return IsAsciiDigit(c) || joins[static_cast<unsigned char>(c)]; };
  std::vector<Span> runs;
  for (size_t p = NextDigit(text, 0); p < text.size(); p = NextDigit(text, p)) {
    // p is the first digit after the last run, which ended on a byte outside it.
    size_t start = p, end = p;
    while (start > 0 && in_run(text[start - 1])) --start;
    int digits = 0;
    while (end < text.size() && in_run(text[end])) digits += IsAsciiDigit(text[end++]);
    if (digits >= min_digits) runs.push_back({start, end});
    p = std::max(end, p + 1);
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

bool ContainsWord(std::string_view window, std::string_view phrase) {
  for (size_t at = window.find(phrase); at != std::string_view::npos; at = window.find(phrase, at + 1)) {
    bool start_ok = at == 0 || !IsAsciiAlnum(window[at - 1]);
    bool end_ok =
        at + phrase.size() >= window.size() || !IsAsciiAlnum(window[at + phrase.size()]) || phrase.back() == '.';
    if (start_ok && end_ok) return true;
  }
  return false;
}

}  // namespace discreet
