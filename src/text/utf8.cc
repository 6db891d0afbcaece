// UTF-8 validation, repair and decoding (RFC 3629; WHATWG's replacement behaviour).
#include "text/utf8.h"

namespace discreet {
namespace {

// Length of the valid sequence at `pos`, or 0 when the bytes there are not one.
// `maximal_subpart` receives how many bytes form the maximal invalid subpart.
size_t ValidSequenceAt(std::string_view s, size_t pos, size_t& maximal_subpart) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  maximal_subpart = 1;
  if (b0 < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds for the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;       // overlong
    if (b0 == 0xED) hi = 0x9F;       // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;       // overlong
    if (b0 == 0xF4) hi = 0x8F;       // above U+10FFFF
  } else {
    return 0;
  }
  for (size_t i = 1; i < need; ++i) {
    if (pos + i >= s.size()) return 0;
    unsigned char b = byte(pos + i);
    unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
    maximal_subpart = i + 1;
  }
  return need;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  size_t pos = 0, subpart = 0;
  const size_t n = text.size();
  while (pos < n) {
    // ASCII fast path: eight bytes at a time.
    while (pos + 8 <= n) {
      uint64_t chunk;
      __builtin_memcpy(&chunk, text.data() + pos, 8);
      if (chunk & 0x8080808080808080ULL) break;
      pos += 8;
    }
    while (pos < n && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;  // the tail, and short strings
    if (pos >= n) break;
    size_t len = ValidSequenceAt(text, pos, subpart);
    if (len == 0) return pos;
    pos += len;
  }
  return std::nullopt;
}

std::string RepairUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0, subpart = 0;
  while (pos < text.size()) {
    size_t len = ValidSequenceAt(text, pos, subpart);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      pos += subpart;
    } else {
      out.append(text.data() + pos, len);
      pos += len;
    }
  }
  return out;
}

char32_t DecodeUtf8(std::string_view text, size_t& pos) {
  unsigned char b0 = static_cast<unsigned char>(text[pos]);
  size_t len = Utf8SequenceLength(b0);
  if (pos + len > text.size()) len = 1;
  char32_t cp;
  switch (len) {
    case 1: cp = b0; break;
    case 2: cp = b0 & 0x1F; break;
    case 3: cp = b0 & 0x0F; break;
    default: cp = b0 & 0x07; break;
  }
  for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  pos += len;
  return cp;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace discreet
