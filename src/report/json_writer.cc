// JsonWriter: escaping as nlohmann does with ensure_ascii off (control characters as
// \u00XX, except the five short escapes), numbers in nlohmann's shortest form.
#include "report/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "text/swar.h"
#include "text/utf8.h"

namespace discreet {

void JsonWriter::NewLine() {
  out_ += '\n';
  out_.append(levels_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.empty) out_ += ',';
  level.empty = false;
  if (indent_ >= 0) NewLine();
}

JsonWriter& JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  levels_.push_back({});
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty && indent_ >= 0) NewLine();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  // Keys are the report's own field names: plain ASCII, nothing to validate or escape, so
  // they go in with one resize rather than five appends.
  const size_t at = out_.size();
  const size_t colon = indent_ >= 0 ? 2 : 1;
  out_.resize(at + key.size() + 2 + colon);
  char* p = out_.data() + at;
  *p++ = '"';
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  *p++ = '"';
  *p++ = ':';
  if (colon == 2) *p = ' ';
  after_key_ = true;
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
  // Most strings (messages, ids, suggestions) are plain ASCII: one pass to tell, eight
  // bytes at a time, and one copy.
  size_t plain = 0;
  for (; plain + 8 <= s.size(); plain += 8) {
    // A byte at or above 0x80 stops the fast scan too: it may be invalid UTF-8.
    if (const uint64_t x = swar::Load(s.data() + plain); MayNeedEscape(x) | (x & kHighs)) break;
  }
  while (plain < s.size() && kPlainByte[static_cast<unsigned char>(s[plain])]) ++plain;
  if (plain == s.size()) {
    const size_t at = out_.size();
    out_.resize(at + s.size() + 2);
    char* p = out_.data() + at;
    *p++ = '"';
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '"';
    return;
  }
  std::string repaired;
  if (FindInvalidUtf8(s.substr(plain))) {
    repaired = RepairUtf8(s);
    s = repaired;
  }
  out_ += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    // Text past ASCII (accents, emoji, curly quotes) is copied as it is: eight bytes at a
    // time while none may need an escape.
    if (i + 8 <= s.size() && MayNeedEscape(swar::Load(s.data() + i)) == 0) {
      i += 8;
      continue;
    }
    for (const size_t stop = std::min(i + 8, s.size()); i < stop; ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out_ += buf;
        }
      }
    }
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
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
    if (x < 0) out_ += '-';
    const auto decimals = static_cast<size_t>(k);
    if (decimals == 0) {
      out_ += d;
      out_ += ".0";
    } else if (d.size() > decimals) {
      out_ += d.substr(0, d.size() - decimals);
      out_ += '.';
      out_ += d.substr(d.size() - decimals);
    } else {
      out_ += "0.";
      out_.append(decimals - d.size(), '0');
      out_ += d;
    }
    return true;
  }
  return false;
}

JsonWriter& JsonWriter::Number(double x) {
  BeforeValue();
  if (!std::isfinite(x)) {
    out_ += "null";
    return *this;
  }
  if (x == 0) {
    out_ += std::signbit(x) ? "-0.0" : "0.0";
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
  if (negative) out_ += '-';
  if (k <= n && n <= 15) {
    out_ += d;
    out_.append(static_cast<size_t>(n - k), '0');
    out_ += ".0";
  } else if (0 < n && n <= 15) {
    out_ += d.substr(0, static_cast<size_t>(n));
    out_ += '.';
    out_ += d.substr(static_cast<size_t>(n));
  } else if (-4 < n && n <= 0) {
    out_ += "0.";
    out_.append(static_cast<size_t>(-n), '0');
    out_ += d;
  } else {
    out_ += d[0];
    if (k > 1) {
      out_ += '.';
      out_ += d.substr(1);
    }
    const int shown = std::abs(n - 1);
    out_ += 'e';
    out_ += n - 1 < 0 ? '-' : '+';
    if (shown < 10) out_ += '0';
    char buf[8];
    auto [exp_end, exp_ec] = std::to_chars(buf, buf + sizeof buf, shown);
    out_.append(buf, exp_end);
  }
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t x) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t x) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& items) {
  BeginArray();
  for (const std::string& s : items) String(s);
  return EndArray();
}

}  // namespace discreet
