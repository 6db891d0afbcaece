// JsonWriter: escaping as nlohmann does with ensure_ascii off (control characters as
// \u00XX, except the five short escapes), numbers in nlohmann's shortest form.
#include "report/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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
  // Keys are the report's own field names: plain ASCII, nothing to validate or escape.
  out_ += '"';
  out_ += key;
  out_ += '"';
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  BeforeValue();
  Quote(s);
  return *this;
}

void JsonWriter::Quote(std::string_view s) {
  std::string repaired;
  if (FindInvalidUtf8(s)) {
    repaired = RepairUtf8(s);
    s = repaired;
  }
  out_ += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out_ += buf;
      }
    }
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
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
  // Shortest digits, then laid out as nlohmann's dtoa does: plain notation for decimal
  // exponents -4..15 (with ".0" on whole numbers), scientific beyond.
  char sci[40];
  auto [end, ec] = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
  std::string_view text(sci, static_cast<size_t>(end - sci));
  std::string digits;
  bool negative = text.front() == '-';
  size_t e = text.find('e');
  for (char c : text.substr(negative, e - negative))
    if (c != '.') digits += c;
  int exp10 = std::atoi(std::string(text.substr(e + 1)).c_str());
  int n = exp10 + 1;  // x = 0.d1d2... × 10^n
  int k = static_cast<int>(digits.size());
  if (negative) out_ += '-';
  if (k <= n && n <= 15) {
    out_ += digits;
    out_.append(static_cast<size_t>(n - k), '0');
    out_ += ".0";
  } else if (0 < n && n <= 15) {
    out_.append(digits, 0, static_cast<size_t>(n));
    out_ += '.';
    out_.append(digits, static_cast<size_t>(n));
  } else if (-4 < n && n <= 0) {
    out_ += "0.";
    out_.append(static_cast<size_t>(-n), '0');
    out_ += digits;
  } else {
    out_ += digits[0];
    if (k > 1) {
      out_ += '.';
      out_.append(digits, 1);
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", n - 1 < 0 ? '-' : '+', std::abs(n - 1));
    out_ += buf;
  }
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t x) {
  BeforeValue();
  out_ += std::to_string(x);
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t x) {
  BeforeValue();
  out_ += std::to_string(x);
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
