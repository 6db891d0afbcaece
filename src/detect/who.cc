// Shared machinery of the person-name, public-figure and public-role detectors.
#include "detect/who.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "error.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "text/word_set.h"

namespace discreet::who {
namespace {

// ---------------------------------------------------------------------------------------
// The dictionary image, mapped on first use (lexicon/dictionary.h). A broken image is kept
// as its error, which the Linter raises at construction (CheckDictionary).
struct LoadedDictionary {
  std::shared_ptr<const Dictionary> dictionary;
  std::string error;
};

const LoadedDictionary& Loaded() {
  static const LoadedDictionary* loaded = [] {
    auto* l = new LoadedDictionary;  // never destroyed: detectors may ask until exit
    try {
      l->dictionary = Dictionary::Load(DictionaryImagePath());
    } catch (const ConfigError& e) {
      l->error = e.what();
    }
    return l;
  }();
  return *loaded;
}

// ---------------------------------------------------------------------------------------
// Context cue phrases (folded keys, space-separated).
enum CueKind : uint32_t { kClientWeak = 1, kClientStrong = 2, kStaff = 3, kSelf = 4, kStaffWord = 5 };

struct CuePhrase {
  const char* phrase;
  CueKind kind;
};

// clang-format off
constexpr CuePhrase kCuePhrases[] = {
    // A client is in the sentence.
    {"client", kClientStrong}, {"clients", kClientStrong}, {"patient", kClientStrong},
    {"patients", kClientStrong}, {"massaged", kClientStrong}, {"massaging", kClientStrong},
    {"worked on", kClientStrong}, {"working on", kClientStrong}, {"work on", kClientWeak},
    {"on my table", kClientStrong}, {"on the table", kClientStrong}, {"my table", kClientStrong},
    {"gave a massage", kClientStrong}, {"give a massage", kClientWeak}, {"came in", kClientStrong},
    {"comes in", kClientStrong}, {"coming in", kClientStrong}, {"treated", kClientStrong},
    {"treating", kClientStrong}, {"thanks for coming", kClientStrong}, {"thank you for coming", kClientStrong},
    {"appointment", kClientStrong}, {"appt", kClientStrong}, {"in session", kClientStrong},
    {"my regular", kClientStrong}, {"regular", kClientWeak}, {"regulars", kClientWeak},
    {"session", kClientWeak}, {"sessions", kClientWeak}, {"booked", kClientWeak},
    {"working with", kClientWeak}, {"worked with", kClientWeak}, {"massage", kClientWeak},
    {"bodywork", kClientWeak}, {"adjusted", kClientWeak}, {"customer", kClientWeak},
    {"rubbed", kClientStrong}, {"knots", kClientWeak}, {"visit", kClientWeak},
    // The writer about themself.
    {"i'm", kSelf}, {"i am", kSelf}, {"im", kSelf}, {"we're", kSelf}, {"we are", kSelf},
    {"as the", kSelf}, {"i was", kSelf}, {"i became", kSelf},
    // The studio's own people.
    {"founder", kStaff}, {"cofounder", kStaff}, {"founded", kStaff},
    {"meet our", kStaff}, {"welcome our", kStaff}, {"my name is", kStaff}, {"our own", kStaff},
    {"book with", kStaff}, {"schedule with", kStaff}, {"now certified", kStaff},
    {"owner", kStaffWord}, {"therapist", kStaffWord}, {"therapists", kStaffWord},
    {"receptionist", kStaffWord}, {"staff", kStaffWord}, {"team", kStaffWord},
    {"instructor", kStaffWord}, {"colleague", kStaffWord}, {"coworker", kStaffWord},
    {"lmt", kStaffWord}, {"esthetician", kStaffWord}, {"manager", kStaffWord},
    {"apprentice", kStaffWord}, {"intern", kStaffWord}, {"mentor", kStaffWord},
    {"practitioner", kStaffWord}, {"front desk", kStaffWord},
};
// clang-format on

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < s.size()) {
    size_t sp = s.find(' ', at);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > at) out.emplace_back(s.substr(at, sp - at));
    at = sp + 1;
  }
  return out;
}

// Lowercase words inside names: "Crown Prince of Dubai", "Chance the Rapper", "Ludwig van Beethoven".
bool IsNameParticle(std::string_view k) {
  return k == "of" || k == "the" || k == "van" || k == "von" || k == "de" || k == "da" || k == "bin" || k == "al" ||
         k == "del" || k == "la" || k == "le" || k == "di" || k == "y" || k == "and" || k == "der" || k == "du";
}

bool IsOwnWord(std::string_view k) { return k == "our" || k == "my" || k == "studio" || k == "studio's" || k == "new"; }

}  // namespace

WordClass ClassifyWord(std::string_view word) {
  const Dictionary* d = Loaded().dictionary.get();
  return d ? d->Classify(word) : WordClass::kCommon;
}
bool IsCalendarWord(std::string_view key) {
  static constexpr WordSet kCalendar(
      {"january", "february", "march",    "april",      "may",       "june",      "july",      "august", "september",
       "october", "november", "december", "monday",     "tuesday",   "wednesday", "thursday",  "friday", "saturday",
       "sunday",  "mondays",  "tuesdays", "wednesdays", "thursdays", "fridays",   "saturdays", "sundays"});
  return In(kCalendar, key);
}
bool IsNameEvidence(std::string_view word) {
  if (word.size() <= 10) {
    char lower[10];
    for (size_t i = 0; i < word.size(); ++i)
      lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
    if (IsCalendarWord(std::string_view(lower, word.size()))) return false;
  }
  return ClassifyWord(word) != WordClass::kCommon;
}
bool DictionaryAvailable() { return Loaded().dictionary != nullptr; }
void CheckDictionary() {
  if (!Loaded().error.empty()) throw ConfigError(Loaded().error);
}

// ---------------------------------------------------------------------------------------
ContextCues::ContextCues() {
  for (const CuePhrase& c : kCuePhrases) cues_.AddKeys(SplitSpaces(c.phrase), c.kind);
}

// "my 3pm", "my 10am", "my 7 am", "my Tuesday 7am", "my 4 o'clock": a time of day owned by
// the writer is a client's booking.
static bool IsAppointmentSlot(const std::vector<Token>& tokens, size_t i) {
  static constexpr WordSet kWeekdays({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
  static constexpr WordSet kBookedPeople({"regular", "client", "lady", "guy", "gentleman"});
  if (tokens[i].key != "my" && tokens[i].key != "our") return false;
  long n = NextWord(tokens, i);
  if (n >= 0 && In(kWeekdays, tokens[n])) {
    n = NextWord(tokens, static_cast<size_t>(n));
    if (n >= 0 && In(kBookedPeople, tokens[n])) return true;  // "my Monday regular"
  }
  if (n < 0) return false;
  std::string_view k = tokens[n].key;
  size_t digits = 0;
  while (digits < k.size() && k[digits] >= '0' && k[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return false;
  std::string_view rest = k.substr(digits);
  if (rest == "am" || rest == "pm") return true;
  if (!rest.empty()) return false;
  long m = NextWord(tokens, static_cast<size_t>(n));
  return m >= 0 && (tokens[m].key == "am" || tokens[m].key == "pm" || tokens[m].key == "o'clock");  // ’ folds to '
}

ContextCues::Map ContextCues::Analyse(const std::vector<Token>& tokens) const {
  Map m;
  if (tokens.empty()) return m;
  size_t sentences = tokens.back().sentence + 1, paragraphs = tokens.back().paragraph + 1;
  m.sentence_client.assign(sentences, Cue::kNone);
  m.paragraph_client.assign(paragraphs, Cue::kNone);
  m.sentence_staff.assign(sentences, false);
  m.sentence_self.assign(sentences, false);
  auto raise = [](Cue& c, Cue v) {
    if (static_cast<int>(v) > static_cast<int>(c)) c = v;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!t.is_word()) continue;
    if (IsAppointmentSlot(tokens, i)) {  // "my 3pm", "MY 10AM": a booked client
      raise(m.sentence_client[t.sentence], Cue::kStrong);
      raise(m.paragraph_client[t.paragraph], Cue::kStrong);
      continue;
    }
    auto match = cues_.LongestAt(tokens, i);
    if (!match) continue;
    for (uint32_t kind : match->values) {
      switch (kind) {
        case kClientWeak:
          raise(m.sentence_client[t.sentence], Cue::kWeak);
          raise(m.paragraph_client[t.paragraph], Cue::kWeak);
          break;
        case kClientStrong:
          raise(m.sentence_client[t.sentence], Cue::kStrong);
          raise(m.paragraph_client[t.paragraph], Cue::kStrong);
          break;
        case kSelf:
          m.sentence_self[t.sentence] = true;
          break;
        case kStaff:
          m.sentence_staff[t.sentence] = true;
          break;
        case kStaffWord: {
          // "our therapist", "my colleague", "the studio's owner", "our newest therapist":
          // staff; "the owner of the food truck" is not.
          long p = PrevWord(tokens, i);
          if (p >= 0 && tokens[p].sentence == t.sentence && !IsOwnWord(tokens[p].key) && IsAlphaWord(tokens[p]))
            p = PrevWord(tokens, p);
          if (p >= 0 && tokens[p].sentence == t.sentence && IsOwnWord(tokens[p].key))
            m.sentence_staff[t.sentence] = true;
          break;
        }
        default:
          break;
      }
    }
  }
  return m;
}

// ---------------------------------------------------------------------------------------
CaseInfo::CaseInfo(const std::vector<Token>& tokens) {
  if (tokens.empty()) return;
  size_t sentences = tokens.back().sentence + 1;
  std::vector<uint32_t> lower(sentences), upper(sentences), caps(sentences), words(sentences);
  // Counted without a branch on the shape, which follows the text and is unpredictable.
  for (const Token& t : tokens) {
    const bool is_lower = t.shape == Shape::kLower, is_upper = t.shape == Shape::kCapitalized;
    const bool is_caps = t.shape == Shape::kAllCaps && t.key.size() > 1;
    lower[t.sentence] += is_lower;
    upper[t.sentence] += is_upper;
    caps[t.sentence] += is_caps;
    words[t.sentence] += is_lower | is_upper | is_caps;
  }
  informative_.resize(sentences);
  for (size_t s = 0; s < sentences; ++s) {
    bool all_caps = caps[s] >= 2 && caps[s] * 2 >= words[s];
    // "my client mike (the UPS guy)": acronyms come in capitals from writers who capitalise
    // nothing else, so only a capitalised word shows that this sentence uses capitals.
    bool no_capitals = upper[s] == 0;
    bool title_case = words[s] >= 4 && upper[s] * 10 >= words[s] * 7;
    informative_[s] = !(all_caps || no_capitals || title_case);
  }
}

// ---------------------------------------------------------------------------------------
std::string_view Stem(std::string_view text, const Token& t) {
  std::string_view raw = text.substr(t.span.start, t.span.size());
  if (t.possessive) {
    if (raw.ends_with("\xE2\x80\x99s") || raw.ends_with("\xE2\x80\x99S"))
      raw.remove_suffix(4);
    else if (raw.size() >= 2)
      raw.remove_suffix(2);
  }
  if (!raw.empty() && (raw.front() == '#' || raw.front() == '@')) raw.remove_prefix(1);
  return raw;
}

bool StartsUpper(std::string_view text, const Token& t) {
  std::string_view raw = Stem(text, t);
  if (raw.empty()) return false;
  unsigned char c = static_cast<unsigned char>(raw[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  UChar32 cp;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(raw.data()), i, static_cast<int32_t>(raw.size()), cp);
  return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

long PrevWord(const std::vector<Token>& tokens, size_t i) {
  for (long j = static_cast<long>(i) - 1; j >= 0; --j)
    if (tokens[j].is_word()) return j;
  return -1;
}

long NextWord(const std::vector<Token>& tokens, size_t i) {
  for (size_t j = i + 1; j < tokens.size(); ++j)
    if (tokens[j].is_word()) return static_cast<long>(j);
  return -1;
}

long NextInName(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i + 1 >= tokens.size() || tokens[i].possessive) return -1;
  const Token& a = tokens[i];
  const Token& b = tokens[i + 1];
  if (b.is_word()) {
    if (b.span.start == a.span.end) return b.shape == Shape::kHashtag && a.shape == Shape::kHashtag ? i + 1 : -1;
    for (size_t p = a.span.end; p < b.span.start; ++p)
      if (text[p] != ' ' && text[p] != '\t') return -1;
    return static_cast<long>(i + 1);
  }
  // "Mary-Ann", "O'Neil": a joiner glued to both words.
  if (i + 2 < tokens.size() && (b.key == "-" || b.key == "'") && b.span.start == a.span.end &&
      tokens[i + 2].is_word() && tokens[i + 2].span.start == b.span.end)
    return static_cast<long>(i + 2);
  return -1;
}

bool AtSentenceStart(const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return true;
  const Token& t = tokens[i];
  const Token& p = tokens[i - 1];
  if (p.sentence != t.sentence) return true;
  if (p.is_word()) return false;
  std::string_view k = p.key;
  return k == ":" || k == "\"" || k == "(" || k == "\xE2\x80\x94" || k == "\xE2\x80\x93" || k == "-" ||
         k == "\xE2\x80\x9C" || k == "*" || k == "\xE2\x80\xA2" || k == "|" || k == ">" || k == "." || k == "!" ||
         k == "?" || p.shape == Shape::kEmoji;
}

std::string_view KeyAt(const std::vector<Token>& tokens, long i) {
  return i >= 0 && static_cast<size_t>(i) < tokens.size() ? std::string_view(tokens[i].key) : std::string_view();
}

std::span<const uint32_t> WordValues(const Lexicon* lex, std::string_view key) {
  if (!lex) return {};
  thread_local std::vector<Token> scratch(1);
  scratch[0].key.assign(key);
  scratch[0].key_hash = KeyHash(key);
  scratch[0].shape = Shape::kLower;
  scratch[0].possessive = false;
  auto m = lex->index().LongestAt(scratch, 0);
  return m ? m->values : std::span<const uint32_t>();
}

std::optional<PhraseIndex::Match> CoveringMatch(const PhraseIndex& index, const std::vector<Token>& tokens,
                                                size_t first, size_t last, size_t min_tokens) {
  size_t from = first >= 8 ? first - 8 : 0;  // 5 words, with joiners between them
  for (size_t j = from; j <= first; ++j) {
    if (!tokens[j].is_word()) continue;
    auto m = index.LongestAt(tokens, j);
    if (!m || m->last < last) continue;
    size_t words = 0;
    for (size_t k = m->first; k <= m->last; ++k) words += tokens[k].is_word();
    if (words >= min_tokens) return m;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------
PublicFigureMatcher::PublicFigureMatcher(const LexiconSet& lexicons)
    : figures_(lexicons.Find("public_figures")),
      given_(lexicons.Find("given_names")),
      surnames_(lexicons.Find("surnames")),
      places_(lexicons.Find("places")) {}

// A one-word name that is also a common given name, a common-word surname or a big city:
// "Serena", "Pink", "Lincoln". (Dictionary words such as "Future" are caught by At.)
bool PublicFigureMatcher::Ambiguous(const Token& t) const {
  if (given_) {
    for (uint32_t r : WordValues(given_, t)) {
      if (given_->GetNumber(r, "frequency").value_or(0) >= 1e-4) return true;
      if (given_->GetNumber(r, "common_word") == 1.0) return true;
    }
  }
  for (uint32_t r : WordValues(surnames_, t))
    if (surnames_->GetNumber(r, "common_word") == 1.0) return true;
  for (uint32_t r : WordValues(places_, t))
    if (places_->GetNumber(r, "population").value_or(0) >= 100'000) return true;
  return false;
}

std::optional<PublicFigureMatcher::Hit> PublicFigureMatcher::At(std::string_view text, const std::vector<Token>& tokens,
                                                                size_t i, const CaseInfo& cases) const {
  if (!figures_ || !IsAlphaWord(tokens[i])) return std::nullopt;
  auto m = figures_->index().LongestAt(tokens, i);
  if (!m || m->values.empty()) return std::nullopt;
  Hit hit{m->first, m->last, m->values.front()};
  size_t words = 0, upper = 0, lower = 0;
  for (size_t k = m->first; k <= m->last; ++k) {
    if (!tokens[k].is_word()) continue;
    ++words;
    if (StartsUpper(text, tokens[k])) {
      ++upper;
    } else if (tokens[k].shape == Shape::kLower && !IsNameParticle(tokens[k].key)) {
      ++lower;
    }
  }
  bool informative = cases.Informative(tokens[i]);
  if (words == 1) {
    if (!Ambiguous(tokens[i]) && IsNameEvidence(Stem(text, tokens[i]))) return hit;
    // "Drake", "Pink", "Prince", "Future": an ordinary word too, so only capitalised where a capital means something, not
    // first in a sentence, and not inside a longer capitalised name ("Crown Prince").
    if (!informative || !StartsUpper(text, tokens[i]) || AtSentenceStart(tokens, i)) return std::nullopt;
    if (i > 0 && NextInName(text, tokens, i - 1) == static_cast<long>(i) && StartsUpper(text, tokens[i - 1]))
      return std::nullopt;
    if (long n = NextInName(text, tokens, i); n >= 0 && StartsUpper(text, tokens[n])) return std::nullopt;
    // A given name alone is person-name's business ("thanks Serena").
    if (!WordValues(given_, tokens[i]).empty()) return std::nullopt;
    return hit;
  }
  if (!informative || lower == 0) return hit;
  // "Ice cube", "Rock climbing": a capital only where the sentence starts.
  if (upper > 0) return std::nullopt;
  // "the rock", "green day" in ordinary lowercase prose: only when a word is no dictionary
  // word ("taylor swift").
  for (size_t k = m->first; k <= m->last; ++k)
    if (tokens[k].is_word() && IsNameEvidence(Stem(text, tokens[k]))) return hit;
  return std::nullopt;
}

Finding MakeFinding(std::string_view rule, std::string_view source, Span span, Severity severity, std::string message,
                    std::optional<double> frequency, bool direct, std::vector<std::string> suggestions) {
  Finding f;
  f.rule = std::string(rule);
  f.source = std::string(source);
  f.category = Category::kIdentifier;
  f.severity = severity;
  f.message = std::move(message);
  f.span = span;
  f.frequency = frequency;
  f.direct = direct;
  f.suggestions = std::move(suggestions);
  return f;
}

}  // namespace discreet::who
