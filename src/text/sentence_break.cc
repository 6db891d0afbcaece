// UAX #29 sentence boundaries in one pass. Every rule from SB6 to SB10 says "no break",
// and only SB11 says "break", so a boundary is where SB11 applies and none of the others
// does; the cheap rules are tried first and SB8's look-ahead last, which keeps the pass
// linear (the look-ahead stops at the first letter, terminator or separator).
#include "text/sentence_break.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <memory>

#include "text/utf8.h"

namespace discreet {
namespace {

enum Class : uint8_t {
  kOther,
  kCR,
  kLF,
  kExtend,
  kSep,
  kFormat,
  kSp,
  kLower,
  kUpper,
  kOLetter,
  kNumeric,
  kATerm,
  kSContinue,
  kSTerm,
  kClose,
};

Class FromIcu(int32_t value) {
  switch (value) {
    case U_SB_CR:
      return kCR;
    case U_SB_LF:
      return kLF;
    case U_SB_EXTEND:
      return kExtend;
    case U_SB_SEP:
      return kSep;
    case U_SB_FORMAT:
      return kFormat;
    case U_SB_SP:
      return kSp;
    case U_SB_LOWER:
      return kLower;
    case U_SB_UPPER:
      return kUpper;
    case U_SB_OLETTER:
      return kOLetter;
    case U_SB_NUMERIC:
      return kNumeric;
    case U_SB_ATERM:
      return kATerm;
    case U_SB_SCONTINUE:
      return kSContinue;
    case U_SB_STERM:
      return kSTerm;
    case U_SB_CLOSE:
      return kClose;
    default:
      return kOther;
  }
}

using AsciiClasses = std::array<Class, 128>;

// ICU's own property data, so both implementations agree on every code point; ASCII from
// a table built once from it.
const AsciiClasses& AsciiTable() {
  static const AsciiClasses table = [] {
    AsciiClasses t{};
    for (UChar32 c = 0; c < 128; ++c) t[c] = FromIcu(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    return t;
  }();
  return table;
}

inline Class ClassAt(const AsciiClasses& ascii, std::string_view text, size_t &pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return ascii[lead];
  }
  return FromIcu(u_getIntPropertyValue(static_cast<UChar32>(DecodeUtf8(text, pos)), UCHAR_SENTENCE_BREAK));
}

bool IsParaSep(Class c) { return c == kSep || c == kCR || c == kLF; }
bool IsSATerm(Class c) { return c == kSTerm || c == kATerm; }

// The bytes that end a run of plain ASCII the scan may skip: past ASCII, a separator or a
// terminator. One lookup a byte, not a class and two tests.
using StopBytes = std::array<bool, 256>;
const StopBytes& SkipStops() {
  static const StopBytes stops = [] {
    StopBytes t{};
    for (int b = 0; b < 256; ++b) t[b] = b >= 0x80 || IsParaSep(AsciiTable()[b]) || IsSATerm(AsciiTable()[b]);
    return t;
  }();
  return stops;
}
bool IsIgnored(Class c) { return c == kExtend || c == kFormat; }

// What the text just before a boundary ends with, as far as SB8–SB11 care.
enum class Tail : uint8_t {
  kNone,
  kTermClose,  // SATerm Close*
  kTermSp,     // SATerm Close* Sp+
};

// SB8's look-ahead: whether a Lower comes at `pos` after nothing but characters outside
// OLetter, Upper, Lower, ParaSep and SATerm.
bool LowerAhead(const AsciiClasses& ascii, std::string_view text, size_t pos) {
  while (pos < text.size()) {
    const Class c = ClassAt(ascii, text, pos);
    if (c == kLower) return true;
    if (c == kOLetter || c == kUpper || IsParaSep(c) || IsSATerm(c)) return false;
  }
  return false;
}

// Whether there is a boundary before a character of class `next` (not Extend or Format,
// not right after a ParaSep) that starts at byte `at`.
bool BreakBefore(const AsciiClasses& ascii, std::string_view text, size_t at, Tail tail, bool after_aterm, Class prev,
                 Class prev2, Class next) {
  if (tail == Tail::kNone) return false;                                                             // SB998
  if (prev == kATerm && next == kNumeric) return false;                                              // SB6
  if (prev == kATerm && next == kUpper && (prev2 == kUpper || prev2 == kLower)) return false;        // SB7
  if (tail == Tail::kTermClose && (next == kClose || next == kSp || IsParaSep(next))) return false;  // SB9
  if (next == kSp || IsParaSep(next)) return false;                                                  // SB10
  if (next == kSContinue || IsSATerm(next)) return false;                                            // SB8a
  if (after_aterm && LowerAhead(ascii, text, at)) return false;                                      // SB8
  return true;                                                                                       // SB11
}

}  // namespace

std::vector<size_t> SentenceBreaks(std::string_view text) {
  std::vector<size_t> breaks;
  Tail tail = Tail::kNone;
  bool after_aterm = false;  // the SATerm of `tail` is an ATerm
  Class prev = kOther, prev2 = kOther;  // the last two characters SB5 does not fold away
  Class raw_prev = kOther;              // the character right before, folded or not
  const AsciiClasses& ascii = AsciiTable();
  const StopBytes& stops = SkipStops();
  for (size_t pos = 0; pos < text.size();) {
    // Most of a draft is ASCII with no terminator or separator in sight: there no rule
    // can break and nothing changes but the last two classes, so such a run is skipped
    // whole. (ASCII has no Extend or Format character.)
    if (tail == Tail::kNone && !IsParaSep(raw_prev)) {
      size_t end = pos;
      while (end < text.size() && !stops[static_cast<unsigned char>(text[end])]) ++end;
      if (end > pos) {
        prev2 = end - pos >= 2 ? ascii[static_cast<unsigned char>(text[end - 2])] : prev;
        prev = raw_prev = ascii[static_cast<unsigned char>(text[end - 1])];
        pos = end;
        if (pos == text.size()) break;
      }
    }
    const size_t at = pos;
    const Class c = ClassAt(ascii, text, pos);
    if (at > 0) {
      bool boundary;
      if (raw_prev == kCR && c == kLF) {
        boundary = false;  // SB3
      } else if (IsParaSep(raw_prev)) {
        boundary = true;  // SB4
      } else if (IsIgnored(c)) {
        boundary = false;  // SB5
      } else {
        boundary = BreakBefore(ascii, text, at, tail, after_aterm, prev, prev2, c);
      }
      if (boundary) breaks.push_back(at);
    }
    // SB5: Extend and Format belong to the character before them, except at the start of
    // the text and after a ParaSep.
    if (!(IsIgnored(c) && at > 0 && !IsParaSep(raw_prev))) {
      prev2 = prev;
      prev = c;
      if (IsSATerm(c)) {
        tail = Tail::kTermClose;
        after_aterm = c == kATerm;
      } else if (c == kClose && tail == Tail::kTermClose) {
      } else if (c == kSp && tail != Tail::kNone) {
        tail = Tail::kTermSp;
      } else {
        tail = Tail::kNone;
      }
    }
    raw_prev = c;
  }
  return breaks;
}

std::vector<size_t> SentenceBreaksWithIcu(std::string_view text) {
  std::vector<size_t> breaks;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return breaks;
  UText *ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return breaks;
  it->setText(ut, status);
  for (int32_t b = it->next(); U_SUCCESS(status) && b != icu::BreakIterator::DONE; b = it->next())
    if (static_cast<size_t>(b) < text.size()) breaks.push_back(static_cast<size_t>(b));
  it.reset();
  utext_close(ut);
  return breaks;
}

}  // namespace discreet
