// JsonWriter: escaping as nlohmann does with ensure_ascii off (control characters as
// \u00XX, except the five short escapes), numbers in nlohmann's shortest form.
#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "text/swar.h"
#include "text/utf8.h"

namespace discreet {

void JsonWriter::Grow(size_t n) { buffer_.resize(std::max({buffer_.size() * 2, size_ + n, size_t{256}})); }

void JsonWriter::NewLine() {
  const size_t spaces = levels_.size() * static_cast<size_t>(indent_);
  char* p = Room(1 + spaces);
  *p = '\n';
  std::memset(p + 1, ' ', spaces);
  size_ += 1 + spaces;
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.empty) Put(',');
  level.empty = false;
  if (indent_ >= 0) NewLine();
}

JsonWriter& JsonWriter::Open(char bracket) {
  BeforeValue();
  Put(bracket);
  levels_.push_back({});
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty && indent_ >= 0) NewLine();
  Put(bracket);
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  BeforeValue();
  Quote(s);
  return *this;
}

// Bytes a JSON string holds as they are: printable ASCII but '"' and '\\'.
constexpr auto kPlainByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

namespace {

using swar::kHighs;
using swar::kOnes;

// Whether any of eight bytes must be escaped: below 0x20, '"' or '\\'. Never false when
// one must (it may be true when none must: the caller then looks byte by byte).
constexpr uint64_t MayNeedEscape(uint64_t x) {
  auto zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  return ((x - kOnes * 0x20) & ~x & kHighs) | zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\'));
}

}  // namespace

void JsonWriter::Quote(std::string_view s) {
  // Most strings (messages, ids, suggestions) are plain ASCII: told and copied as such
  // without a loop over single bytes or a copy of a varying length, whose branches follow
  // each string's length and which the CPU mispredicted at most strings. A string of eight
  // bytes or more is read in words, the last one overlapping those before it; a byte at or
  // above 0x80 is not plain either (it may be invalid UTF-8).
  const size_t n = s.size();
  bool plain = true;
  if (n >= 8) {
    uint64_t not_plain = 0;
    for (size_t i = 0; i + 8 <= n; i += 8) {
      const uint64_t x = swar::Load(s.data() + i);
      not_plain |= MayNeedEscape(x) | (x & kHighs);
    }
    const uint64_t last = swar::Load(s.data() + n - 8);
    plain = (not_plain | MayNeedEscape(last) | (last & kHighs)) == 0;
  } else {
    for (char c : s) plain &= kPlainByte[static_cast<unsigned char>(c)];
  }
  if (plain) {
    char* p = Room(n + 2);
    *p++ = '"';
    if (n >= 8) {
      for (size_t i = 0; i + 8 <= n; i += 8) std::memcpy(p + i, s.data() + i, 8);
      std::memcpy(p + n - 8, s.data() + n - 8, 8);
    } else {
      std::memcpy(p, s.data(), n);
    }
    p[n] = '"';
    size_ += n + 2;
    return;
  }
  std::string repaired;
  if (FindInvalidUtf8(s)) {
    repaired = RepairUtf8(s);
    s = repaired;
  }
  // No byte takes more than six ("\u001f"), so this is room enough for the whole string.
  char* const start = Room(s.size() * 6 + 2);
  char* p = start;
  *p++ = '"';
  for (size_t i = 0; i < s.size();) {
    // Text past ASCII (accents, emoji, curly quotes) is copied as it is: eight bytes at a
    // time while none may need an escape.
    if (i + 8 <= s.size() && MayNeedEscape(swar::Load(s.data() + i)) == 0) {
      std::memcpy(p, s.data() + i, 8);
      p += 8;
      i += 8;
      continue;
    }
    for (const size_t stop = std::min(i + 8, s.size()); i < stop; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') {
        *p++ = static_cast<char>(c);
        continue;
      }
      *p++ = '\\';
      switch (c) {
        case '"':
          *p++ = '"';
          break;
        case '\\':
          *p++ = '\\';
          break;
        case '\b':
          *p++ = 'b';
          break;
        case '\f':
          *p++ = 'f';
          break;
        case '\n':
          *p++ = 'n';
          break;
        case '\r':
          *p++ = 'r';
          break;
        case '\t':
          *p++ = 't';
          break;
        default:
          *p++ = 'u';
          *p++ = '0';
          *p++ = '0';
          *p++ = "0123456789abcdef"[c >> 4];
          *p++ = "0123456789abcdef"[c & 0xF];
      }
    }
  }
  *p++ = '"';
  size_ += static_cast<size_t>(p - start);
}

// Report figures are rounded to a few significant digits (0.0005, 12.5, 330000.0), and
// std::to_chars's shortest search costs ~600 instructions each. For x in plain notation's
// range, the fewest decimals k whose m = round(x * 10^k) reads back as x (m / 10^k, both
// exact and the division correctly rounded, is the double "m e-k" parses to) are the
// shortest digits; with m below 2^50 the product's rounding error cannot pick a
// different m. Returns false, writing nothing, when no k up to 17 does.
bool JsonWriter::PlainDecimal(double x) {
  const double magnitude = std::fabs(x);
  if (!(magnitude >= 1e-4 && magnitude < 1e15)) return false;
  static constexpr double kPowers[] = {1e0, 1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,
                                       1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};
  for (int k = 0; k < 18; ++k) {
    const double scaled = std::round(magnitude * kPowers[k]);
    if (scaled >= 0x1p50) return false;
    if (scaled / kPowers[k] != magnitude) continue;
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, static_cast<uint64_t>(scaled));
    std::string_view d(digits, static_cast<size_t>(end - digits));
    if (x < 0) Put('-');
    const auto decimals = static_cast<size_t>(k);
    if (decimals == 0) {
      Append(d);
      Append(".0");
    } else if (d.size() > decimals) {
      Append(d.substr(0, d.size() - decimals));
      Put('.');
      Append(d.substr(d.size() - decimals));
    } else {
      Append("0.");
      Fill(decimals - d.size(), '0');
      Append(d);
    }
    return true;
  }
  return false;
}

JsonWriter& JsonWriter::Number(double x) {
  BeforeValue();
  if (!std::isfinite(x)) {
    Append("null");
    return *this;
  }
  if (x == 0) {
    Append(std::signbit(x) ? "-0.0" : "0.0");
    return *this;
  }
  if (PlainDecimal(x)) return *this;
  // Shortest digits, then laid out as nlohmann's dtoa does: plain notation for decimal
  // exponents -4..15 (with ".0" on whole numbers), scientific beyond.
  char sci[40];
  auto [end, ec] = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
  const std::string_view text(sci, static_cast<size_t>(end - sci));
  const bool negative = text.front() == '-';
  const size_t e = text.find('e');
  char digits[24];  // the significant digits, without the point
  int k = 0;
  for (size_t i = negative ? 1 : 0; i < e; ++i)
    if (text[i] != '.') digits[k++] = text[i];
  int exp10 = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exp10);
  const int n = exp10 + 1;  // x = 0.d1d2... × 10^n
  const std::string_view d(digits, static_cast<size_t>(k));
  if (negative) Put('-');
  if (k <= n && n <= 15) {
    Append(d);
    Fill(static_cast<size_t>(n - k), '0');
    Append(".0");
  } else if (0 < n && n <= 15) {
    Append(d.substr(0, static_cast<size_t>(n)));
    Put('.');
    Append(d.substr(static_cast<size_t>(n)));
  } else if (-4 < n && n <= 0) {
    Append("0.");
    Fill(static_cast<size_t>(-n), '0');
    Append(d);
  } else {
    Put(d[0]);
    if (k > 1) {
      Put('.');
      Append(d.substr(1));
    }
    const int shown = std::abs(n - 1);
    Put('e');
    Put(n - 1 < 0 ? '-' : '+');
    if (shown < 10) Put('0');
    char buf[8];
    auto [exp_end, exp_ec] = std::to_chars(buf, buf + sizeof buf, shown);
    Append({buf, static_cast<size_t>(exp_end - buf)});
  }
  return *this;
}

// Integers are written in place: no copy of a varying length after them (reports hold
// hundreds: offsets, lines, columns).
JsonWriter& JsonWriter::Int(int64_t x) {
  BeforeValue();
  char* p = Room(20);  // "-9223372036854775808"
  size_ += static_cast<size_t>(std::to_chars(p, p + 20, x).ptr - p);
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t x) {
  BeforeValue();
  char* p = Room(20);  // "18446744073709551615"
  size_ += static_cast<size_t>(std::to_chars(p, p + 20, x).ptr - p);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  BeforeValue();
  Append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  Append("null");
  return *this;
}

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& items) {
  BeginArray();
  for (const std::string& s : items) String(s);
  return EndArray();
}

}  // namespace discreet
