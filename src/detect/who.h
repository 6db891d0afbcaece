// Shared by the "who" detectors (person-name, public-figure, public-role): the English
// dictionary (Hunspell) that tells names from ordinary words, the client / staff context
// of each sentence, how informative capitalisation is in a sentence, and token helpers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "lexicon/dictionary.h"
#include "lexicon/lexicon.h"
#include "lexicon/phrase_index.h"

namespace discreet::who {

// One person among the US population: the frequency of a direct identifier.
inline constexpr double kUsPopulation = 330'000'000;
inline constexpr double kOnePerson = 1.0 / kUsPopulation;

// ---------------------------------------------------------------------------------------
// Dictionary: Hunspell's en_US (and en_GB for British spellings), compiled at build time
// into an image that is mapped on first use (lexicon/dictionary.h).
using ::discreet::WordClass;
// `word` is the token's original text (any case, without a possessive). Thread-safe.
// When no image is found every word is kCommon (no evidence either way).
WordClass ClassifyWord(std::string_view word);
// A capitalised word the dictionary does not know as a common word: "Xanthopoulou",
// "Daniels". Never a month or weekday ("My Thursday regular"), which are proper nouns too.
bool IsNameEvidence(std::string_view word);
// Months and weekdays, singular and plural (folded keys): dates, never names or places.
bool IsCalendarWord(std::string_view key);
// Whether the dictionary image was found (maps it).
bool DictionaryAvailable();
// Throws ConfigError naming the image when it exists but cannot be used.
void CheckDictionary();

// ---------------------------------------------------------------------------------------
// Context: how strongly each sentence and paragraph says the draft is about a client, and
// whether a sentence is about the studio's own people (founder, staff, therapist).
enum class Cue : uint8_t { kNone = 0, kWeak = 1, kStrong = 2 };

class ContextCues {
 public:
  ContextCues();
  struct Map {
    std::vector<Cue> sentence_client;   // by sentence index
    std::vector<Cue> paragraph_client;  // by paragraph index
    std::vector<bool> sentence_staff;   // by sentence index
    std::vector<bool> sentence_self;    // "I'm the only ...": the writer about themself
    Cue ClientAt(const Token& t) const {
      return t.sentence < sentence_client.size() ? sentence_client[t.sentence] : Cue::kNone;
    }
    Cue ClientInParagraph(const Token& t) const {
      return t.paragraph < paragraph_client.size() ? paragraph_client[t.paragraph] : Cue::kNone;
    }
    bool StaffAt(const Token& t) const { return t.sentence < sentence_staff.size() && sentence_staff[t.sentence]; }
    bool SelfAt(const Token& t) const { return t.sentence < sentence_self.size() && sentence_self[t.sentence]; }
  };
  Map Analyse(const std::vector<Token>& tokens) const;

 private:
  PhraseIndex cues_;  // value: kind (see who.cc)
};

// ---------------------------------------------------------------------------------------
// Capitalisation: whether a capital letter in this sentence says anything. In an all-caps
// sentence, a sentence with no capitalised word (acronyms aside), or a Title Case Headline,
// it does not.
class CaseInfo {
 public:
  explicit CaseInfo(const std::vector<Token>& tokens);
  bool Informative(const Token& t) const {
    return t.sentence < informative_.size() ? informative_[t.sentence] : false;
  }

 private:
  std::vector<bool> informative_;
};

// ---------------------------------------------------------------------------------------
// Tokens.
inline bool IsAlphaWord(const Token& t) {
  return t.shape == Shape::kLower || t.shape == Shape::kCapitalized || t.shape == Shape::kAllCaps ||
         t.shape == Shape::kMixed || t.shape == Shape::kHashtag;
}
// The raw text of a token without a possessive "'s".
std::string_view Stem(std::string_view text, const Token& t);
// Capitalised in the raw text (first letter upper case), hashtags included.
bool StartsUpper(std::string_view text, const Token& t);
// The previous / next word token (skipping nothing) or -1.
long PrevWord(const std::vector<Token>& tokens, size_t i);
long NextWord(const std::vector<Token>& tokens, size_t i);
// The next token when only spaces (no line break) separate it from token i: a name goes on.
// A hyphen or apostrophe glued on both sides ("Mary-Ann", "O'Neil") is stepped over.
long NextInName(std::string_view text, const std::vector<Token>& tokens, size_t i);
// True when token i is the first word of its sentence, or follows ':', '—', '"', '(' or a
// bullet, where English capitalises anyway.
bool AtSentenceStart(const std::vector<Token>& tokens, size_t i);
// The key of word token `i + offset` (skipping punctuation is NOT done), or "".
std::string_view KeyAt(const std::vector<Token>& tokens, long i);

// The rows of `lex` whose key is exactly the one folded word `key` (a hash lookup; no
// tokenizing, no allocation once the thread's scratch buffer has grown).
std::span<const uint32_t> WordValues(const Lexicon* lex, std::string_view key);
// The same for a token's key, without the copy, and skipping the lexicons its marks rule out.
inline std::span<const uint32_t> WordValues(const Lexicon* lex, const Token& t) {
  return lex ? lex->index().WordAt(t) : std::span<const uint32_t>();
}

// Whether any lexicon match in `index` that starts within 5 words before `i` covers
// tokens [first, last] (a name inside "Taylor Swift", "Stanley Cup", "Carol Stream").
std::optional<PhraseIndex::Match> CoveringMatch(const PhraseIndex& index, const std::vector<Token>& tokens,
                                                size_t first, size_t last, size_t min_tokens);

// ---------------------------------------------------------------------------------------
// Public figures: the one matcher both public-figure and person-name use, so that a name
// the public-figure detector owns ("Taylor Swift") is not reported again as a person.
class PublicFigureMatcher {
 public:
  explicit PublicFigureMatcher(const LexiconSet& lexicons);
  struct Hit {
    size_t first = 0, last = 0;
    uint32_t row = 0;
  };
  // A public figure named at token i (longest match), if the match stands as a name here.
  std::optional<Hit> At(std::string_view text, const std::vector<Token>& tokens, size_t i,
                        const CaseInfo& cases) const;
  const Lexicon* lexicon() const { return figures_; }

 private:
  bool Ambiguous(const Token& t) const;
  const Lexicon* figures_ = nullptr;
  const Lexicon* given_ = nullptr;
  const Lexicon* surnames_ = nullptr;
  const Lexicon* places_ = nullptr;
};

Finding MakeFinding(std::string_view rule, std::string_view source, Span span, Severity severity,
                    std::string message, std::optional<double> frequency, bool direct,
                    std::vector<std::string> suggestions);

}  // namespace discreet::who
