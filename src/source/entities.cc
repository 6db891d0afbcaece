// Character references: numeric ones, and the named ones a blog post realistically holds
// (Latin-1, typography, arrows, a few symbols). Unknown names are left as written.
#include "source/entities.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "text/utf8.h"

namespace discreet {
namespace {

struct Named {
  std::string_view name;
  char32_t cp;
};

// Latin-1 U+00A0..U+00FF in order.
constexpr std::array<std::string_view, 96> kLatin1 = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

constexpr Named kNamed[] = {
    {"amp", '&'},        {"lt", '<'},          {"gt", '>'},          {"quot", '"'},        {"apos", '\''},
    {"OElig", 0x152},    {"oelig", 0x153},     {"Scaron", 0x160},    {"scaron", 0x161},    {"Yuml", 0x178},
    {"fnof", 0x192},     {"circ", 0x2C6},      {"tilde", 0x2DC},     {"ensp", 0x2002},     {"emsp", 0x2003},
    {"thinsp", 0x2009},  {"zwnj", 0x200C},     {"zwj", 0x200D},      {"lrm", 0x200E},      {"rlm", 0x200F},
    {"ndash", 0x2013},   {"mdash", 0x2014},    {"lsquo", 0x2018},    {"rsquo", 0x2019},    {"sbquo", 0x201A},
    {"ldquo", 0x201C},   {"rdquo", 0x201D},    {"bdquo", 0x201E},    {"dagger", 0x2020},   {"Dagger", 0x2021},
    {"bull", 0x2022},    {"hellip", 0x2026},   {"permil", 0x2030},   {"prime", 0x2032},    {"Prime", 0x2033},
    {"lsaquo", 0x2039},  {"rsaquo", 0x203A},   {"oline", 0x203E},    {"frasl", 0x2044},    {"euro", 0x20AC},
    {"trade", 0x2122},   {"larr", 0x2190},     {"uarr", 0x2191},     {"rarr", 0x2192},     {"darr", 0x2193},
    {"harr", 0x2194},    {"minus", 0x2212},    {"le", 0x2264},       {"ge", 0x2265},       {"ne", 0x2260},
    {"asymp", 0x2248},   {"infin", 0x221E},    {"hearts", 0x2665},   {"spades", 0x2660},   {"clubs", 0x2663},
    {"diams", 0x2666},   {"check", 0x2713},    {"star", 0x2606},     {"starf", 0x2605},    {"nbhy", 0x2011},
    {"hyphen", 0x2010},  {"dash", 0x2010},     {"nbspace", 0xA0},    {"NewLine", '\n'},    {"Tab", '\t'},
    {"colon", ':'},      {"comma", ','},       {"period", '.'},      {"excl", '!'},        {"quest", '?'},
    {"num", '#'},        {"dollar", '$'},      {"percnt", '%'},      {"lpar", '('},        {"rpar", ')'},
    {"ast", '*'},        {"plus", '+'},        {"sol", '/'},         {"semi", ';'},        {"equals", '='},
    {"commat", '@'},     {"lsqb", '['},        {"rsqb", ']'},        {"bsol", '\\'},       {"lowbar", '_'},
    {"grave", '`'},      {"lcub", '{'},        {"rcub", '}'},        {"verbar", '|'},      {"vert", '|'},
};

bool IsSpaceCp(char32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2002 && c <= 0x200A) || c == 0x202F;
}

bool IsWordish(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0;
}

std::optional<char32_t> DecodeCodePoint(std::string_view ref) {
  if (ref.size() < 4 || ref.front() != '&' || ref.back() != ';') return std::nullopt;
  std::string_view body = ref.substr(1, ref.size() - 2);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return std::nullopt;
    uint32_t v = 0;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return std::nullopt;
      v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    // As HTML does: NUL, surrogates and out-of-range values become U+FFFD.
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    return static_cast<char32_t>(v);
  }
  for (size_t i = 0; i < kLatin1.size(); ++i)
    if (kLatin1[i] == body) return static_cast<char32_t>(0xA0 + i);
  for (const Named& n : kNamed)
    if (n.name == body) return n.cp;
  return std::nullopt;
}

// Length of a reference starting at text[at] ('&'), or 0 when none is there.
size_t ReferenceLength(std::string_view text, size_t at) {
  size_t i = at + 1, limit = std::min(text.size(), at + 34);
  if (i < limit && text[i] == '#') {
    ++i;
    if (i < limit && (text[i] == 'x' || text[i] == 'X')) ++i;
  }
  size_t body = i;
  while (i < limit && ((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'z') ||
                       (text[i] >= 'A' && text[i] <= 'Z')))
    ++i;
  if (i == body || i >= limit || text[i] != ';') return 0;
  return i + 1 - at;
}

}  // namespace

std::optional<std::string> DecodeEntity(std::string_view ref) {
  auto cp = DecodeCodePoint(ref);
  if (!cp) return std::nullopt;
  std::string out;
  AppendUtf8(out, *cp);
  return out;
}

bool WriteDecodedEntity(std::string_view text, size_t at, size_t len, std::string& scan) {
  auto cp = DecodeCodePoint(text.substr(at, len));
  if (!cp) return false;
  if (IsSpaceCp(*cp) || *cp == '\n' || *cp == '\r') {
    // Whitespace stays whitespace the name matcher recognises: plain spaces.
    std::fill_n(scan.begin() + static_cast<long>(at), len, *cp == '\n' ? '\n' : ' ');
    return true;
  }
  std::string out;
  AppendUtf8(out, *cp);
  if (out.size() > len) return false;
  size_t rest = len - out.size();
  if (rest == 1) {
    if (IsWordish(*cp)) return false;  // a space would split the word: keep the reference
    out += ' ';
    rest = 0;
  }
  // rest = 2a + 3b with U+00AD (2 bytes) and U+2060 (3 bytes).
  size_t shy = rest % 3 == 0 ? 0 : rest % 3 == 2 ? 1 : 2;
  size_t wj = (rest - 2 * shy) / 3;
  for (size_t i = 0; i < wj; ++i) out += "\xE2\x81\xA0";
  for (size_t i = 0; i < shy; ++i) out += "\xC2\xAD";
  std::copy(out.begin(), out.end(), scan.begin() + static_cast<long>(at));
  return true;
}

void RevealDecoded(std::string_view text, size_t from, size_t to, std::string& scan) {
  size_t i = from;
  while (i < to) {
    size_t amp = text.find('&', i);
    if (amp == std::string_view::npos || amp >= to) amp = to;
    std::copy(text.begin() + static_cast<long>(i), text.begin() + static_cast<long>(amp),
              scan.begin() + static_cast<long>(i));
    i = amp;
    if (i >= to) break;
    size_t len = ReferenceLength(text.substr(0, to), i);
    if (len > 0 && WriteDecodedEntity(text, i, len, scan)) {
      i += len;
    } else {
      scan[i] = '&';
      ++i;
    }
  }
}

}  // namespace discreet
