// Tokenizer: RE2 finds the spans that must stay whole (URLs, emails, @handles) and the
// hashtags, ICU's word break iterator (over UTF-8 through UText, so its indexes are byte
// offsets) segments the rest, and UAX #29's sentence rules (text/sentence_break.h)
// number the sentences.
#include "text/tokenizer.h"

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>

#include "text/fold.h"
#include "text/sentence_break.h"
#include "text/swar.h"
#include "text/utf8.h"
#include "text/word_set.h"

namespace discreet {
namespace {

struct Atom {
  Span span;
  Shape shape;
};

const RE2& AtomPattern() {
  static const RE2 re(
      R"(((?i:https?://|www\.)[^\s<>"'`]+)|)"
      R"(([\w.%+-]+@[\w-]+(?:\.[\w-]+)+)|)"
      R"(([@#][\pL\pN_]+(?:\.[\pL\pN_]+)*))");
  return re;
}

bool IsAsciiWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// RE2's \s: no branch of AtomPattern matches one, so no atom crosses one.
bool IsRe2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// Whether the byte at `p` may be part of an atom's mark: '@', '#', the ':' of "://", or
// the '.' of "www." in any case.
bool AtomMarkAt(std::string_view text, size_t p) {
  switch (text[p]) {
    case '@': case '#': return true;
    case ':': return text.substr(p + 1, 2) == "//";
    case '.':
      return p >= 3 && (text[p - 3] | 0x20) == 'w' && (text[p - 2] | 0x20) == 'w' && (text[p - 1] | 0x20) == 'w';
    default: return false;
  }
}

// Appends the atom [start, end) of `shape`, trimmed as each shape wants, unless a word
// character runs into it ("abc#def", "x@y" as a handle, "xhttp://"); emails start anywhere.
void AddAtom(std::string_view text, size_t start, size_t end, Shape shape, std::vector<Atom>& atoms) {
  if (start > 0 && IsAsciiWordByte(text[start - 1]) && shape != Shape::kEmail) return;
  if (shape == Shape::kUrl) {
    while (end > start && std::string_view(".,;:!?)]}'\"").find(text[end - 1]) != std::string_view::npos) --end;
  } else if (shape == Shape::kHandle) {
    while (end > start + 1 && text[end - 1] == '.') --end;
  }
  if (end > start + 1) atoms.push_back({{start, end}, shape});
}

// Which of AtomPattern's branches matched `m`. At the match's start the URL branch is tried
// first, and a match that starts like a URL can be nothing else ("http://" and "www."
// followed by a character that ends a URL match no other branch); an email never starts
// with '@' or '#'. (?i) folds 's' with U+017F too.
Shape AtomShape(std::string_view m) {
  auto starts = [&](std::string_view prefix) {
    if (m.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
      if ((m[i] | (prefix[i] >= 'a' ? 0x20 : 0)) != prefix[i]) return false;
    return true;
  };
  if (starts("http://") || starts("https://") || starts("www.")) return Shape::kUrl;
  if (starts("http\xC5\xBF://")) return Shape::kUrl;
  if (m[0] == '@') return Shape::kHandle;
  if (m[0] == '#') return Shape::kHashtag;
  return Shape::kEmail;
}

// Appends the atoms of `chunk`, a stretch of `text` between RE2 spaces. Searching only the
// chunks that carry a mark finds the same atoms as searching the whole text (none crosses
// a space, and the pattern looks at nothing outside its match), and asking RE2 for the
// match alone, not its groups, keeps each search to its DFA.
void FindAtomsIn(std::string_view text, std::string_view chunk, std::vector<Atom>& atoms) {
  const size_t offset = static_cast<size_t>(chunk.data() - text.data());
  const re2::StringPiece input(chunk.data(), chunk.size());
  size_t pos = 0;
  re2::StringPiece m;
  while (pos < chunk.size() && AtomPattern().Match(input, pos, chunk.size(), RE2::UNANCHORED, &m, 1)) {
    const size_t start = static_cast<size_t>(m.data() - chunk.data());
    pos = start + m.size();
    AddAtom(text, offset + start, offset + pos, AtomShape(std::string_view(m.data(), m.size())), atoms);
  }
}

// The whole text searched with RE2's groups saying which branch matched: the reference
// FindAtoms must equal (TokenizeWithIcuOnly uses it).
std::vector<Atom> FindAtomsWithGroups(std::string_view text) {
  std::vector<Atom> atoms;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece url, email, tag;
  while (RE2::FindAndConsume(&input, AtomPattern(), &url, &email, &tag)) {
    re2::StringPiece m = !url.empty() ? url : !email.empty() ? email : tag;
    const size_t start = static_cast<size_t>(m.data() - text.data());
    const Shape shape = !url.empty() ? Shape::kUrl : !email.empty() ? Shape::kEmail : m[0] == '@' ? Shape::kHandle : Shape::kHashtag;
    AddAtom(text, start, start + m.size(), shape, atoms);
  }
  return atoms;
}

// Eight bytes at a time: the first byte at or after `p` that is past ASCII, or that is
// one of the atom marks, or text.size(). Most bytes of a draft are neither, and both scans
// used to test them one by one.
size_t NextNonAscii(std::string_view text, size_t p) {
  for (; p + 8 <= text.size(); p += 8)
    if (const uint64_t high = swar::Load(text.data() + p) & swar::kHighs) return p + swar::FirstByte(high);
  while (p < text.size() && static_cast<unsigned char>(text[p]) < 0x80) ++p;
  return p;
}
size_t NextMarkByte(std::string_view text, size_t p) {
  for (; p + 8 <= text.size(); p += 8) {
    const uint64_t x = swar::Load(text.data() + p);
    const uint64_t marks = swar::Equal(x, '@') | swar::Equal(x, '#') | swar::Equal(x, ':') | swar::Equal(x, '.');
    if (marks) return p + swar::FirstByte(marks);
  }
  while (p < text.size() && text[p] != '@' && text[p] != '#' && text[p] != ':' && text[p] != '.') ++p;
  return p;
}

std::vector<Atom> FindAtoms(std::string_view text) {
  std::vector<Atom> atoms;
  // Most bytes are none of '@', '#', ':' and '.', so the scan looks for those first and
  // finds the chunk around one only when it is a mark.
  size_t done = 0;  // chunks before this were searched
  for (size_t p = NextMarkByte(text, 0); p < text.size(); p = NextMarkByte(text, p + 1)) {
    if (p < done || !AtomMarkAt(text, p)) continue;
    size_t start = p, end = p;
    while (start > done && !IsRe2Space(text[start - 1])) --start;
    while (end < text.size() && !IsRe2Space(text[end])) ++end;
    FindAtomsIn(text, text.substr(start, end - start), atoms);
    done = end;
    p = end;
  }
  return atoms;
}

Shape ShapeOf(size_t upper, size_t lower, size_t digits, bool first_upper) {
  if (digits > 0 && upper + lower == 0) return Shape::kNumber;
  if (digits > 0) return Shape::kMixed;
  if (upper == 0) return Shape::kLower;
  if (lower == 0) return upper == 1 ? Shape::kCapitalized : Shape::kAllCaps;
  if (first_upper && upper == 1) return Shape::kCapitalized;
  return Shape::kMixed;
}

Shape WordShape(std::string_view word) {
  size_t upper = 0, lower = 0, digits = 0;
  bool first_upper = false, first = true;
  size_t pos = 0;
  while (pos < word.size()) {
    UChar32 c = static_cast<UChar32>(DecodeUtf8(word, pos));
    // ASCII without ICU's property lookups: most words are plain English.
    bool up = c < 0x80 ? c >= 'A' && c <= 'Z' : u_isupper(c) || u_istitle(c);
    bool low = !up && (c < 0x80 ? c >= 'a' && c <= 'z' : u_islower(c));
    bool digit = !up && !low && (c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c));
    upper += up;
    lower += low;
    digits += digit;
    if (first && up) first_upper = true;
    if (c < 0x80 ? up || low || digit : u_isalnum(c)) first = false;
  }
  return ShapeOf(upper, lower, digits, first_upper);
}

bool IsEmoji(std::string_view segment) {
  if (IsAscii(segment)) return false;  // '#', '*' and digits are emoji only with a keycap mark
  size_t pos = 0;
  while (pos < segment.size()) {
    UChar32 c = static_cast<UChar32>(DecodeUtf8(segment, pos));
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR))
      return true;
  }
  return false;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool IsAllSpace(std::string_view segment) {
  if (IsAscii(segment)) {
    for (char c : segment)
      if (!IsAsciiSpace(c)) return false;
    return true;
  }
  size_t pos = 0;
  while (pos < segment.size()) {
    UChar32 c = static_cast<UChar32>(DecodeUtf8(segment, pos));
    if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;
  }
  return true;
}

// An ASCII word's shape and folded key (most words of most drafts), eight bytes at a
// time: what WordShape and FoldInto give, without a loop per byte or asking twice whether
// the word is ASCII. Returns false for a word with a byte past ASCII (its key is then
// left half-written, for FoldInto to replace).
bool ShapeAndFoldAscii(std::string_view word, Token& t) {
  using swar::InRange;
  t.key.resize(word.size());
  // ShapeOf needs only whether there are upper-case letters (none, one, more), lower-case
  // letters and digits: no counting (std::popcount is a loop without -mpopcnt).
  size_t upper = 0;
  uint64_t any_lower = 0, any_digit = 0;
  bool first_upper = false, seen_alnum = false;
  for (size_t at = 0; at < word.size(); at += 8) {
    const size_t n = std::min<size_t>(8, word.size() - at);
    uint64_t x = 0;  // bytes past the word stay 0, which is no letter or digit
    std::memcpy(&x, word.data() + at, n);
    if (x & swar::kHighs) return false;
    const uint64_t up = InRange(x, 'A', 'Z'), low = InRange(x, 'a', 'z'), digit = InRange(x, '0', '9');
    if (up) upper = upper > 0 || (up & (up - 1)) ? 2 : 1;
    any_lower |= low;
    any_digit |= digit;
    if (const uint64_t alnum = up | low | digit; !seen_alnum && alnum) {
      seen_alnum = true;
      first_upper = (up >> std::countr_zero(alnum)) & 1;
    }
    x |= up >> 2;  // 0x80 >> 2 is 0x20, the case bit
    std::memcpy(t.key.data() + at, &x, n);
  }
  t.shape = ShapeOf(upper, any_lower != 0, any_digit != 0, first_upper);
  return true;
}

// Appends a word token, splitting off a possessive "'s" / "’s" into the flag. The
// reference tokenizer (`reference`) takes the general path for every word.
void AddWord(std::string_view text, Span span, bool reference, std::vector<Token>& out) {
  Token& t = out.emplace_back();
  t.span = span;
  std::string_view stem = text.substr(span.start, span.size());
  if (stem.size() > 2 && (stem.back() == 's' || stem.back() == 'S')) {
    for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
      if (stem.size() > apostrophe.size() + 1 && stem.substr(0, stem.size() - 1).ends_with(apostrophe)) {
        stem.remove_suffix(apostrophe.size() + 1);
        t.possessive = true;
        break;
      }
    }
  }
  if (!reference && ShapeAndFoldAscii(stem, t)) return;
  t.shape = WordShape(stem);
  FoldInto(stem, t.key);
}

// "#SuperBowlLIX" → Super, Bowl, LIX: breaks at lower→upper, letter↔digit, "_", and
// before the last capital of a run followed by a lower-case letter ("XMLHttp").
void AddHashtag(std::string_view text, Span span, std::vector<Token>& out) {
  struct Cp {
    size_t at;
    UChar32 c;
  };
  std::vector<Cp> cps;
  for (size_t pos = span.start + 1; pos < span.end;) {
    size_t at = pos;
    UChar32 c = static_cast<UChar32>(DecodeUtf8(text, pos));
    cps.push_back({at, c});
  }
  auto emit = [&](size_t from, size_t to) {
    if (to <= from) return;
    Token& t = out.emplace_back();
    t.span = {from, to};
    t.shape = Shape::kHashtag;
    FoldInto(text.substr(from, to - from), t.key);
  };
  size_t part_start = span.start + 1;
  for (size_t i = 0; i < cps.size(); ++i) {
    UChar32 c = cps[i].c;
    if (c == '_') {
      emit(part_start, cps[i].at);
      part_start = i + 1 < cps.size() ? cps[i + 1].at : span.end;
      continue;
    }
    if (i == 0 || cps[i].at == part_start) continue;
    UChar32 prev = cps[i - 1].c;
    bool next_lower = i + 1 < cps.size() && u_islower(cps[i + 1].c);
    bool boundary = (u_islower(prev) && u_isupper(c)) || (u_isdigit(prev) != u_isdigit(c) && u_isalpha(prev) != u_isalpha(c) && prev != '_') ||
                    (u_isupper(prev) && u_isupper(c) && next_lower);
    if (boundary) {
      emit(part_start, cps[i].at);
      part_start = cps[i].at;
    }
  }
  emit(part_start, span.end);
}

// ICU's root word iterator costs ~20 ns a byte; most drafts are mostly ASCII, where UAX #29's
// word rules reduce to a few byte classes. AsciiWordBreaker applies those rules to the
// ASCII stretches of a text; ICU segments the rest. The stretches are cut at the start of
// a whitespace run that follows an ASCII character, where UAX #29 always breaks and no
// rule looks across, so the result equals ICU's over the whole text (tokenizer_test
// compares the two on random text).
// ICU 72's classes for ASCII: '@' is a letter (so "x@y.co" is one word), ':' is not
// MidLetter (ICU removes it), and a lone '_' is not a word but "__" is.
enum class WordClass : uint8_t { kLetter, kDigit, kUnderscore, kMidNum, kMidNumLet, kSpace, kCr, kOther };

constexpr WordClass ClassOfByte(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return WordClass::kLetter;
  if (c >= '0' && c <= '9') return WordClass::kDigit;
  switch (c) {
    case '_': return WordClass::kUnderscore;
    case ',': case ';': return WordClass::kMidNum;
    case '.': case '\'': return WordClass::kMidNumLet;
    case ' ': return WordClass::kSpace;
    case '\r': return WordClass::kCr;
    default: return WordClass::kOther;
  }
}
// Looked up at every byte of every word.
constexpr auto kWordClasses = [] {
  std::array<WordClass, 256> classes{};
  for (int c = 0; c < 256; ++c) classes[c] = ClassOfByte(static_cast<unsigned char>(c));
  return classes;
}();
constexpr WordClass ClassOf(unsigned char c) { return kWordClasses[c]; }

struct Segment {
  size_t end;
  bool word;  // holds a letter or digit (ICU's rule status is a word or a number)
};

// Stretches of `text` that ICU must segment: each non-ASCII character with the words
// around it, from the start of the whitespace run before it to the one after it.
std::vector<Span> NonAsciiStretches(std::string_view text) {
  std::vector<Span> out;
  auto cut_at = [&](size_t q) {  // a whitespace run starts at q, after an ASCII character
    return q > 0 && q < text.size() && IsAsciiSpace(text[q]) && static_cast<unsigned char>(text[q - 1]) < 0x80 &&
           !IsAsciiSpace(text[q - 1]);
  };
  for (size_t p = NextNonAscii(text, 0); p < text.size(); p = NextNonAscii(text, p + 1)) {
    const size_t floor = out.empty() ? 0 : out.back().end;  // keeps the scan linear
    size_t start = p;
    while (start > floor && !cut_at(start)) --start;
    size_t end = p + 1;
    while (end < text.size() && !cut_at(end)) ++end;
    if (!out.empty() && start <= out.back().end) {
      out.back().end = end;
    } else {
      out.push_back({start, end});
    }
    p = end;
  }
  return out;
}

// The ASCII segment that starts at boundary `b`.
Segment AsciiSegmentAt(std::string_view text, size_t b) {
  const size_t n = text.size();
  auto cls = [&](size_t i) { return ClassOf(static_cast<unsigned char>(text[i])); };
  const WordClass c = cls(b);
  auto wordish = [](WordClass k) { return k == WordClass::kLetter || k == WordClass::kDigit || k == WordClass::kUnderscore; };
  if (wordish(c)) {
    bool word = c != WordClass::kUnderscore;
    WordClass last = c;
    size_t j = b + 1;
    while (j < n) {
      WordClass next = cls(j);
      if (wordish(next)) {  // WB5, WB8-10, WB13a-b
        word |= next != WordClass::kUnderscore;
        last = next;
        ++j;
      } else if (j + 1 < n && last == WordClass::kLetter && cls(j + 1) == WordClass::kLetter &&
                 next == WordClass::kMidNumLet) {  // WB6-7: o'brien
        j += 2;
      } else if (j + 1 < n && last == WordClass::kDigit && cls(j + 1) == WordClass::kDigit &&
                 (next == WordClass::kMidNum || next == WordClass::kMidNumLet)) {  // WB11-12: 1,000
        j += 2;
      } else {
        break;
      }
    }
    return {j, word || j - b > 1};
  }
  if (c == WordClass::kCr) return {b + 1 < n && text[b + 1] == '\n' ? b + 2 : b + 1, false};  // WB3
  if (c == WordClass::kSpace) {                                                                 // WB3d
    size_t j = b + 1;
    while (j < n && text[j] == ' ') ++j;
    return {j, false};
  }
  return {b + 1, false};
}

// Boundaries in order, as ICU's following() gives them: ASCII stretches by the rules
// above, the others by ICU. Positions asked for never go backwards.
class WordBreaker {
 public:
  WordBreaker(std::string_view text, icu::BreakIterator* icu, bool icu_only)
      : text_(text), icu_(icu), stretches_(icu_only ? std::vector<Span>{{0, text.size()}} : NonAsciiStretches(text)) {}

  // The segment holding the first boundary after `pos`.
  Segment Following(size_t pos) {
    while (next_stretch_ < stretches_.size() && stretches_[next_stretch_].end <= pos) ++next_stretch_;
    if (next_stretch_ < stretches_.size() && stretches_[next_stretch_].start <= pos) {
      int32_t b = icu_->following(static_cast<int32_t>(pos));
      size_t end = b == icu::BreakIterator::DONE ? text_.size() : static_cast<size_t>(b);
      return {end, icu_->getRuleStatus() >= UBRK_WORD_NUMBER};
    }
    // In an ASCII stretch: walk its segments from the last boundary at or before pos.
    size_t stretch_start = next_stretch_ > 0 ? stretches_[next_stretch_ - 1].end : 0;
    if (boundary_ < stretch_start || boundary_ > pos) boundary_ = stretch_start;
    // The segment returned last ends at a boundary of this stretch; asked next from its end
    // (as the tokenizer does), walking from its start again would segment it twice.
    if (returned_end_ > boundary_ && returned_end_ <= pos) boundary_ = returned_end_;
    for (;;) {
      Segment seg = AsciiSegmentAt(text_, boundary_);
      if (seg.end > pos) {
        returned_end_ = seg.end;
        return seg;
      }
      boundary_ = seg.end;
    }
  }

  // Past the ASCII whitespace from `pos` when `pos` is the end of the ASCII segment
  // Following returned last (else `pos`). Inside an ASCII stretch every segment that starts
  // with whitespace holds only whitespace and makes no token, and a boundary follows it, so
  // the tokenizer need not ask for those segments one by one (a draft has one after almost
  // every word). A stretch ICU segments begins at offset 0 or at the first byte of a
  // whitespace run, so a run that opens one is left to ICU.
  size_t SkipAsciiSpace(size_t pos) {
    if (pos != returned_end_ || (next_stretch_ < stretches_.size() && stretches_[next_stretch_].start <= pos))
      return pos;
    while (pos < text_.size() && IsAsciiSpace(text_[pos])) ++pos;
    returned_end_ = pos;
    return pos;
  }

 private:
  std::string_view text_;
  icu::BreakIterator* icu_;
  std::vector<Span> stretches_;
  size_t next_stretch_ = 0;
  size_t boundary_ = 0;
  size_t returned_end_ = 0;  // end of the ASCII segment Following returned last
};

icu::BreakIterator* ThreadWordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> word;
  if (!word) {
    UErrorCode status = U_ZERO_ERROR;
    word.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) word.reset();
  }
  return word.get();
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

std::unique_ptr<UText, UTextCloser> OpenUtf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  return std::unique_ptr<UText, UTextCloser>(U_SUCCESS(status) ? ut : nullptr);
}

// Whether tokens[i] is the period of a title that comes before a name ("Mrs.", "Dr."):
// UAX #29 ends a sentence there when a capital follows, and "Mrs. O'Brien turned 102"
// is one sentence. (ICU's "ss=standard" suppressions do the same with CLDR's longer list.)
bool EndsNameTitle(const std::vector<Token>& tokens, size_t i) {
  static constexpr WordSet kTitles({"mr",  "mrs", "ms", "mx",  "dr",  "prof", "rev", "fr",  "st",  "sr",   "capt",
                                    "col", "gen", "lt", "sgt", "gov", "sen",  "rep", "hon", "mme", "mlle", "messrs"});
  if (i == 0 || tokens[i].key != "." || tokens[i - 1].span.end != tokens[i].span.start) return false;
  return In(kTitles, std::string_view(tokens[i - 1].key));  // by its key: key_hash is set later, in LinkWords
}

void NumberSentences(std::string_view text, const std::vector<size_t>& breaks, std::vector<Token>& tokens) {
  uint32_t sentence = 0;
  size_t next_break = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (next_break < breaks.size() && breaks[next_break] <= t.span.start) {
      // Within a line: "Dr." at the end of one is left to end the sentence.
      const size_t gap = i > 0 ? tokens[i - 1].span.end : 0;
      const bool after_title = i > 0 && EndsNameTitle(tokens, i - 1) &&
                               text.substr(gap, t.span.start - gap).find_first_not_of(' ') == std::string_view::npos;
      while (next_break < breaks.size() && breaks[next_break] <= t.span.start) {
        if (!after_title) ++sentence;
        ++next_break;
      }
    }
    t.sentence = sentence;
  }
}

void NumberParagraphs(std::string_view text, std::vector<Token>& tokens) {
  uint32_t paragraph = 0;
  size_t prev_end = 0;
  for (Token& t : tokens) {
    int breaks = 0;
    for (size_t i = prev_end; i < t.span.start; ++i) {
      char c = text[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= t.span.start || text[i + 1] != '\n'))) ++breaks;
    }
    if (breaks >= 2 && prev_end > 0) ++paragraph;
    t.paragraph = paragraph;
    prev_end = t.span.end;
  }
}

// Phrases continue across at most one joiner inside a name ("U.S.", "Coca-Cola",
// "Procter & Gamble"); anything else between two words ends them.
bool IsJoiner(const Token& t) {
  if (t.shape != Shape::kPunct) return false;
  const Key& k = t.key;
  return k == "." || k == "-" || k == "&" || k == "'" || k == "\xE2\x80\x99" || k == "/" || k == "\xE2\x80\x90";
}

void LinkWords(std::vector<Token>& tokens) {
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    Token& t = tokens[i];
    t.key_hash = KeyHash(t.key);
    if (i + 1 >= n) continue;
    if (tokens[i + 1].is_word()) {
      t.next_word = static_cast<uint32_t>(i + 1);
    } else if (IsJoiner(tokens[i + 1]) && i + 2 < n && tokens[i + 2].is_word()) {
      t.next_word = static_cast<uint32_t>(i + 2);
    }
  }
}

}  // namespace

std::string_view ShapeName(Shape shape) {
  switch (shape) {
    case Shape::kLower: return "lower";
    case Shape::kCapitalized: return "capitalized";
    case Shape::kAllCaps: return "allcaps";
    case Shape::kMixed: return "mixed";
    case Shape::kNumber: return "number";
    case Shape::kPunct: return "punctuation";
    case Shape::kEmoji: return "emoji";
    case Shape::kHashtag: return "hashtag";
    case Shape::kHandle: return "handle";
    case Shape::kUrl: return "url";
    case Shape::kEmail: return "email";
  }
  return "?";
}

namespace {

std::vector<Token> TokenizeWith(std::string_view text, bool icu_only) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);
  const std::vector<Atom> atoms = icu_only ? FindAtomsWithGroups(text) : FindAtoms(text);
  size_t next_atom = 0;

  icu::BreakIterator* it = ThreadWordIterator();
  auto ut = OpenUtf8(text);
  if (!it || !ut) return tokens;
  UErrorCode status = U_ZERO_ERROR;
  it->setText(ut.get(), status);
  if (U_FAILURE(status)) return tokens;
  WordBreaker breaker(text, it, icu_only);

  size_t pos = 0;
  while (pos < text.size()) {
    if (next_atom < atoms.size() && atoms[next_atom].span.start <= pos) {
      const Atom& atom = atoms[next_atom++];
      if (atom.span.start == pos) {
        if (atom.shape == Shape::kHashtag) {
          AddHashtag(text, atom.span, tokens);
        } else {
          Token& t = tokens.emplace_back();
          t.span = atom.span;
          t.shape = atom.shape;
          FoldInto(text.substr(atom.span.start, atom.span.size()), t.key);
        }
        pos = atom.span.end;
      }
      continue;
    }
    Segment segment = breaker.Following(pos);
    size_t end = segment.end;
    if (next_atom < atoms.size() && atoms[next_atom].span.start < end) end = atoms[next_atom].span.start;
    if (end <= pos) end = pos + Utf8SequenceLength(static_cast<unsigned char>(text[pos]));
    std::string_view seg = text.substr(pos, end - pos);
    if (segment.word) {
      AddWord(text, {pos, end}, icu_only, tokens);
    } else if (!IsAllSpace(seg)) {
      Token& t = tokens.emplace_back();
      t.span = {pos, end};
      t.shape = IsEmoji(seg) ? Shape::kEmoji : Shape::kPunct;
      t.key.assign(seg);
    }
    pos = end == segment.end ? breaker.SkipAsciiSpace(end) : end;
  }
  it->setText(icu::UnicodeString());  // drop the pointer into `text`
  NumberSentences(text, icu_only ? SentenceBreaksWithIcu(text) : SentenceBreaks(text), tokens);
  NumberParagraphs(text, tokens);
  LinkWords(tokens);
  return tokens;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return TokenizeWith(text, false); }
std::vector<Token> TokenizeWithIcuOnly(std::string_view text) { return TokenizeWith(text, true); }

}  // namespace discreet
