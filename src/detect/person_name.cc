// person-name: people named in a draft.
//  - full names: a given name and a surname, initial or unknown capitalised word next to
//    it ("Mary Jones", "Paul R.", "Zoë Lefèvre", "Nguyễn Văn An");
//  - a title or family word and a name ("Mr. Thompson", "Coach Daniels", "Grandpa Joe");
//  - a given name alone where the sentence treats it as a person ("my client Sally",
//    "thanks Sally", "from Kevin", "Sally's back", "huge thanks to marcus");
//  - an @handle used as a person ("thanks @jenny_runs"; contact-info reports the handle
//    itself, so this finding is a warning, not a second error).
// Capitalisation is evidence only where the sentence uses it (not in ALL CAPS, all
// lowercase or Title Case). Names that are also common words ("Will", "Rose", "Crystal",
// "Frank") need a person cue. Names inside a public figure, organisation, event or place
// ("Taylor Swift", "Stanley Cup", "Jefferson High") belong to other rules. A sentence about
// the studio's own founder or staff, with no client in it, gets its names at info.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_set>

#include "detect/registry.h"
#include "detect/who.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using who::Cue;

enum class TitleKind { kNone, kHonorific, kRole, kFamily };

struct Title {
  std::string_view key;
  TitleKind kind;
};

constexpr std::array<Title, 42> kTitles = {{
    {"mr", TitleKind::kHonorific},      {"mrs", TitleKind::kHonorific},     {"ms", TitleKind::kHonorific},
    {"mx", TitleKind::kHonorific},      {"miss", TitleKind::kHonorific},    {"dr", TitleKind::kHonorific},
    {"mister", TitleKind::kHonorific},  {"missus", TitleKind::kHonorific},  {"mme", TitleKind::kHonorific},
    {"madame", TitleKind::kHonorific},  {"prof", TitleKind::kHonorific},    {"rev", TitleKind::kHonorific},
    {"sgt", TitleKind::kHonorific},     {"capt", TitleKind::kHonorific},    {"sr", TitleKind::kHonorific},
    {"coach", TitleKind::kRole},        {"pastor", TitleKind::kRole},       {"officer", TitleKind::kRole},
    {"judge", TitleKind::kRole},        {"professor", TitleKind::kRole},    {"sheriff", TitleKind::kRole},
    {"deputy", TitleKind::kRole},       {"nurse", TitleKind::kRole},        {"doc", TitleKind::kRole},
    {"grandpa", TitleKind::kFamily},    {"grandma", TitleKind::kFamily},    {"granny", TitleKind::kFamily},
    {"grandad", TitleKind::kFamily},    {"granddad", TitleKind::kFamily},   {"grandpop", TitleKind::kFamily},
    {"gramps", TitleKind::kFamily},     {"nana", TitleKind::kFamily},       {"nanna", TitleKind::kFamily},
    {"auntie", TitleKind::kFamily},     {"aunty", TitleKind::kFamily},      {"aunt", TitleKind::kFamily},
    {"uncle", TitleKind::kFamily},      {"cousin", TitleKind::kFamily},     {"abuela", TitleKind::kFamily},
    {"abuelo", TitleKind::kFamily},     {"nonna", TitleKind::kFamily},      {"bubbe", TitleKind::kFamily},
}};

constexpr auto kTitleKeys = WordSet<kTitles.size()>::Of(kTitles, &Title::key);

// Asked at every word.
TitleKind TitleOf(const Token& token) {
  const int i = kTitleKeys.Find(token);
  return i < 0 ? TitleKind::kNone : kTitles[static_cast<size_t>(i)].kind;
}

// Words right before a name that make it a person: "thanks Sally", "my client Sally".
bool IsStrongBefore(std::string_view k) {
  static constexpr WordSet kWords(
      {"thanks",   "thx",      "tysm",    "congrats", "congratulations", "congratz", "welcome", "hi",
       "hey",      "hello",    "hiya",    "dear",     "named",           "called",   "client",  "clients",
       "patient",  "customer", "regular", "bday",     "birthday",        "cheers",   "kudos",   "props",
       "shoutout", "bravo",    "grats",   "ty"});
  return In(kWords, k);
}
// "a service dog named Bear", "her cat Luna", "our studio dog, Max": a pet's name.
bool NamesAPet(const std::vector<Token>& tokens, size_t i) {
  static constexpr WordSet kPets({"dog",     "dogs",     "cat",    "cats",     "puppy",     "pup",       "kitten",
                                  "horse",   "pony",     "parrot", "bird",     "rabbit",    "bunny",     "hamster",
                                  "goat",    "pig",      "lab",    "labrador", "retriever", "poodle",    "doodle",
                                  "terrier", "shepherd", "beagle", "corgi",    "husky",     "chihuahua", "dachshund",
                                  "pet",     "mare",     "gelding"});
  long p = who::PrevWord(tokens, i);  // across a comma: "her dog, Max"
  if (p >= 0 && (tokens[p].key == "named" || tokens[p].key == "called"))
    p = who::PrevWord(tokens, static_cast<size_t>(p));
  return p >= 0 && tokens[p].sentence == tokens[i].sentence && In(kPets, tokens[p]);
}
// Words before "to" that make what follows a person: "huge thanks to marcus".
bool IsStrongBeforeTo(std::string_view k) {
  static constexpr WordSet kWords({"thanks", "you", "out", "shoutout", "congrats", "congratulations", "birthday",
                                   "welcome", "kudos", "props", "cheers", "goes", "bday"});
  return In(kWords, k);
}
bool IsWeakBefore(std::string_view k) {
  static constexpr WordSet kWords({"from", "with",     "to",      "for",  "by",   "and",   "or",    "via", "w",
                                   "cc",   "ask",      "asked",   "told", "tell", "tells", "saw",   "see", "met",
                                   "meet", "massaged", "treated", "love", "hug",  "hugs",  "thank", "miss"});
  return In(kWords, k);
}
bool IsPlaceBefore(std::string_view k) {
  static constexpr WordSet kWords(
      {"from", "to", "for", "by", "via", "in", "near", "at", "around", "outside", "visit", "visiting"});
  return In(kWords, k);
}
// Verbs after a name that make it a person: "Sally came in", "Kevin swears by ...".
bool IsPersonAfter(std::string_view k) {
  static constexpr WordSet kWords(
      {"is",         "was",         "has",      "had",     "came",    "comes",   "said",   "says",  "told",
       "tells",      "booked",      "asked",    "asks",    "loves",   "loved",   "swears", "swore", "brought",
       "called",     "texted",      "messaged", "wants",   "wanted",  "needs",   "needed", "got",   "gets",
       "did",        "does",        "who",      "just",    "hurt",    "injured", "tore",   "broke", "ran",
       "finished",   "went",        "left",     "arrived", "walked",  "cried",   "felt",   "feels", "mentioned",
       "complained", "recommended", "referred", "thanks",  "thanked", "shared",  "sent"});
  return In(kWords, k);
}
// After a possessive name: "Sally's back", "Kevin's wife".
bool IsPersonalNoun(std::string_view k) {
  static constexpr WordSet kWords(
      {"back",        "shoulder", "shoulders", "neck",       "knee",      "knees",    "hip",     "hips",   "leg",
       "legs",        "arm",      "arms",      "foot",       "feet",      "hand",     "hands",   "wrist",  "head",
       "jaw",         "mom",      "mum",       "dad",        "husband",   "wife",     "partner", "son",    "daughter",
       "kids",        "baby",     "boyfriend", "girlfriend", "wedding",   "birthday", "surgery", "injury", "pain",
       "appointment", "session",  "massage",   "recovery",   "pregnancy", "first",    "story",   "mother", "father",
       "sister",      "brother",  "family",    "health",     "body",      "muscles",  "posture", "physio", "doctor",
       "therapist",   "case",     "visit",     "progress",   "journey",   "diagnosis"});
  return In(kWords, k);
}
// Organisation words after a capitalised name: "Kevin Foods", "Maria Santos Wellness".
bool IsBusinessWord(std::string_view k) {
  static constexpr WordSet kWords(
      {"inc",      "llc",      "ltd",    "co",           "corp",    "company",    "group",      "foods",
       "wellness", "fitness",  "yoga",   "massage",      "therapy", "therapies",  "salon",      "spa",
       "studio",   "studios",  "cafe",   "bakery",       "brewing", "realty",     "law",        "insurance",
       "motors",   "pharmacy", "clinic", "chiropractic", "dental",  "collective", "foundation", "fund",
       "award",    "awards",   "prize",  "cup",          "trophy",  "bowl",       "series",     "open",
       "classic",  "marathon", "tour",   "festival",     "day",     "week",       "month",      "act",
       "syndrome", "disease",  "method", "technique",    "test",    "scale",      "hall",       "arena",
       "center",   "centre",   "county", "city"});
  return In(kWords, k);
}
// Lower-case words that are given names too but almost never one in lowercase prose.
bool IsLowercaseFunctionName(std::string_view k) {
  static constexpr WordSet kWords(
      {"will",  "may",   "van",   "can",      "les",   "bill",    "rich",     "page",   "guy",   "king",
       "art",   "sue",   "pat",   "don",      "ray",   "mark",    "jack",     "bob",    "rob",   "joy",
       "hope",  "faith", "grace", "june",     "april", "august",  "summer",   "autumn", "chase", "hunter",
       "dawn",  "eve",   "sky",   "star",     "honey", "sunny",   "rose",     "lily",   "ivy",   "iris",
       "daisy", "holly", "ruby",  "pearl",    "amber", "crystal", "jade",     "sage",   "river", "ocean",
       "storm", "angel", "baby",  "precious", "major", "prince",  "princess", "royal"});
  return k.size() <= 2 || In(kWords, k);
}
bool IsParticle(std::string_view k) {
  static constexpr WordSet kWords({"van", "von", "de",  "del", "della", "der", "den",   "di",   "da",
                                   "dos", "das", "du",  "la",  "le",    "bin", "binti", "bint", "al",
                                   "el",  "ter", "ten", "st",  "mac",   "ap",  "ibn"});
  return In(kWords, k);
}

// "Austin is ...": a place can be the subject of these as well as a person.
constexpr WordSet kPlainVerbs({"is", "was", "has", "had"});
// Verbs only a person does: after a capitalised common-word name ("Sally came in", "Rose
// told me", "Crystal booked again") they are the person evidence such a name needs.
// (A subset of IsPersonAfter's verbs: it asks only where IsPersonAfter already said yes.)
constexpr WordSet kHumanVerbs({"came",        "comes",    "said",    "says",     "told",  "tells",      "booked",
                               "asked",       "asks",     "texted",  "messaged", "cried", "complained", "mentioned",
                               "recommended", "referred", "thanked", "swears",   "swore", "arrived",    "brought"});
// "@jenny_runs thanks for coming in".
constexpr WordSet kThanksAfter({"thanks", "thank", "congrats", "congratulations", "welcome", "you"});

struct NameWord {
  bool given = false, surname = false;
  double gfreq = 0, sfreq = 0;
  bool gcommon = false, scommon = false;
  bool upper = false;
  bool initial = false;
  bool unknown = false;  // capitalised, in no name list, and no dictionary word
};

class PersonNameDetector : public Detector {
 public:
  explicit PersonNameDetector(const LexiconSet& lexicons)
      : given_(lexicons.Find("given_names")),
        surnames_(lexicons.Find("surnames")),
        places_(lexicons.Find("places")),
        colours_(lexicons.Find("colours")),
        place_words_(lexicons.Find("place_words")),
        organisations_(lexicons.Find("organisations")),
        events_(lexicons.Find("events")),
        holidays_(lexicons.Find("holidays")),
        wordnet_(lexicons.Find("wordnet_instances")),
        occupations_(lexicons.Find("occupations")),
        vehicle_makes_(lexicons.Find("vehicle_makes")),
        proper_adjectives_(lexicons.Find("proper_adjectives")),
        given_columns_(given_),
        surname_columns_(surnames_),
        figures_(lexicons) {}

  std::string_view id() const override { return "builtin/person-name"; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    if (!given_) return;
    Scan scan{in, {}, {}};
    const auto& tokens = in.tokens;
    const size_t first_found = out.size();
    size_t next_free = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i < next_free) continue;
      const Token& t = tokens[i];
      if (t.shape == Shape::kHandle) {
        HandleAt(scan, i, out);
        continue;
      }
      if (!who::IsAlphaWord(t)) continue;
      if (t.shape == Shape::kHashtag && HashtagNameAt(scan, i, out)) continue;
      if (TitleKind kind = TitleOf(t); kind != TitleKind::kNone) {
        // "Miss America", "Miss Wyoming": a pageant's title, not a woman's name.
        if (events_)
          if (auto m = events_->index().LongestAt(tokens, i); m && m->last > i) {
            next_free = m->last + 1;
            continue;
          }
        if (long end = TitledNameAt(scan, i, kind, out); end >= 0) {
          next_free = static_cast<size_t>(end) + 1;
          continue;
        }
      }
      if (IsSaintWord(t) || AfterSaint(tokens, i) || IsCarNamed(tokens, i)) continue;
      NameWord w;
      LookupGiven(t, w);
      if (!w.given) {
        if (t.shape == Shape::kLower || !who::StartsUpper(in.text, t)) continue;
        LookupSurname(t, w);
        if (!w.surname) continue;
      }
      if (long end = NameAt(scan, i, out); end >= 0) next_free = static_cast<size_t>(end) + 1;
    }
    StaffNamesStayStaff(in, first_found, out);
  }

 private:
  // Per-draft state, built on first need.
  struct Scan {
    const ScanInput& in;
    std::optional<who::CaseInfo> cases;
    std::optional<who::ContextCues::Map> ctx;
    const who::CaseInfo& Cases() {
      if (!cases) cases.emplace(in.tokens);
      return *cases;
    }
  };
  const who::ContextCues::Map& Ctx(Scan& s) const {
    if (!s.ctx) s.ctx = cues_.Analyse(s.in.tokens);
    return *s.ctx;
  }

  static std::span<const uint32_t> Values(const Lexicon* lex, const Token& t) { return who::WordValues(lex, t); }

  // "St. Luke's", "Saint Mary's", "Ste-Anne": a saint's name is a church, hospital or
  // school, not a person.
  // "the red Tesla", "her Mercedes", "a Kia": a make after an article, a possessive or a
  // colour is the car (the vehicle rule reports it), not a person named Tesla.
  bool IsCarNamed(const std::vector<Token>& tokens, size_t i) const {
    if (i == 0 || who::WordValues(vehicle_makes_, tokens[i]).empty()) return false;
    static constexpr WordSet kBefore({"a", "an", "the", "her", "his", "their", "my", "our", "new", "used"});
    const Token& prev = tokens[i - 1];
    return In(kBefore, prev) || !who::WordValues(colours_, prev).empty();
  }
  static bool IsSaintWord(const Token& t) {
    static constexpr WordSet kSaints({"st", "saint", "ste", "san", "santa"});
    return In(kSaints, t);
  }
  static bool AfterSaint(const std::vector<Token>& tokens, size_t i) {
    static constexpr WordSet kJoiners({".", "-"});
    size_t p = i;
    if (p > 0 && In(kJoiners, tokens[p - 1])) --p;
    return p > 0 && IsSaintWord(tokens[p - 1]);
  }

  // What the rows of a given name or a surname say of a word.
  // A name list's frequency and common_word columns, read once when it loaded (NaN for an
  // empty cell): asked at every capitalised word, by row.
  struct NameColumns {
    std::span<const double> frequency, common_word;
    explicit NameColumns(const Lexicon* lex) {
      if (!lex) return;
      if (auto c = lex->table().Column("frequency")) frequency = lex->Numbers(*c);
      if (auto c = lex->table().Column("common_word")) common_word = lex->Numbers(*c);
    }
    double Frequency(uint32_t row) const {
      return row < frequency.size() && !std::isnan(frequency[row]) ? frequency[row] : 0;
    }
    bool Common(uint32_t row) const { return row < common_word.size() && common_word[row] == 1.0; }
  };
  void AddGivenRows(std::span<const uint32_t> rows, NameWord& w) const {
    for (uint32_t r : rows) {
      w.given = true;
      w.gfreq = std::max(w.gfreq, given_columns_.Frequency(r));
      w.gcommon = w.gcommon || given_columns_.Common(r);
    }
  }
  void AddSurnameRows(std::span<const uint32_t> rows, NameWord& w) const {
    for (uint32_t r : rows) {
      w.surname = true;
      w.sfreq = std::max(w.sfreq, surname_columns_.Frequency(r));
      w.scommon = w.scommon || surname_columns_.Common(r);
    }
  }
  // "Vietnamese", "Latina", "Mormon": capitalised like names, and known to the dictionary
  // only capitalised, but adjectives.
  bool IsProperAdjective(const Token& t) const { return !Values(proper_adjectives_, t).empty(); }
  void LookupGiven(const Token& t, NameWord& w) const { AddGivenRows(Values(given_, t), w); }
  void LookupSurname(const Token& t, NameWord& w) const { AddSurnameRows(Values(surnames_, t), w); }
  NameWord Describe(Scan& s, size_t i) const {
    const Token& t = s.in.tokens[i];
    NameWord w;
    w.upper = who::StartsUpper(s.in.text, t);
    LookupGiven(t, w);
    LookupSurname(t, w);
    if (IsProperAdjective(t)) w.gcommon = w.scommon = true;  // "Irish", "Thai": words first
    std::string_view stem = who::Stem(s.in.text, t);
    w.initial = stem.size() == 1 && w.upper;
    return w;
  }
  // A surname that stands as one: not a dictionary word, or a common one (Brown, Lee, King).
  static bool RealSurname(const NameWord& w) { return w.surname && (!w.scommon || w.sfreq >= 1e-4); }
  static bool DistinctGiven(const NameWord& w) { return w.given && !w.gcommon; }
  // A frequent given name and one of the ~60 commonest surnames (0.1% of people or more):
  // a name even when both are also words ("sally smith"). Given names that are mostly
  // words or products ("Mark", "Amber", "Jade") and rarer surnames that are things
  // ("Stone", "Rose", "Day") stay out: "our Jade Stone roller".
  static bool CommonFullName(const NameWord& given, std::string_view given_key, const NameWord& surname) {
    return given.given && given.gfreq >= 1e-4 && !IsLowercaseFunctionName(given_key) && surname.surname &&
           surname.sfreq >= 1e-3;
  }

  bool PlaceLike(const Token& t, Scan& s, size_t i) const {
    for (uint32_t r : Values(places_, t))
      if (places_->GetNumber(r, "population").value_or(0) >= 50'000) return true;
    if (organisations_) {
      auto m = organisations_->index().LongestAt(s.in.tokens, i);
      if (m && m->last == i) return true;
    }
    return false;
  }

  // Inside a longer public figure, organisation, event, holiday or place name.
  bool Covered(Scan& s, size_t first, size_t last, bool person_cue) const {
    const auto& tokens = s.in.tokens;
    if (auto fig = figures_.At(s.in.text, tokens, first, s.Cases()); fig && fig->last >= last) return true;
    for (size_t j = first >= 6 ? first - 6 : 0; j < first; ++j)
      if (auto fig = figures_.At(s.in.text, tokens, j, s.Cases()); fig && fig->last >= first) return true;
    for (const Lexicon* lex : {organisations_, events_, holidays_})
      if (lex && who::CoveringMatch(lex->index(), tokens, first, first, 2)) return true;
    if (!person_cue) {
      if (places_ && who::CoveringMatch(places_->index(), tokens, first, last, 2)) return true;
      if (wordnet_) {
        if (auto m = who::CoveringMatch(wordnet_->index(), tokens, first, last, 2)) {
          bool person = false;
          for (uint32_t r : m->values) person = person || wordnet_->Get(r, "kind").find("person") != std::string_view::npos;
          if (!person) return true;
        }
      }
    }
    return false;
  }

  // A place or business word right after the name: "Jefferson High", "Mary Street".
  bool FollowedByPlaceWord(Scan& s, size_t last) const {
    long n = who::NextInName(s.in.text, s.in.tokens, last);
    if (n < 0) return false;
    const Token& t = s.in.tokens[n];
    if (t.shape == Shape::kLower && s.Cases().Informative(t)) return false;
    if (IsBusinessWord(t.key)) return true;
    return !Values(place_words_, t).empty();
  }

  // What the words around token i say: strong (a greeting, thanks, "client"), weak (a
  // preposition or a verb people do), or nothing.
  struct Cues {
    bool strong = false;
    bool weak_before = false, place_before = false;
    bool person_after = false;
    bool possessive_personal = false;
  };
  Cues CuesAround(Scan& s, size_t first, size_t last) const {
    const auto& tokens = s.in.tokens;
    Cues c;
    uint32_t sentence = tokens[first].sentence;
    auto same = [&](long j) { return j >= 0 && tokens[j].sentence == sentence; };
    long p1 = who::PrevWord(tokens, first);
    if (same(p1)) {
      std::string_view k1 = tokens[p1].key;
      long p2 = who::PrevWord(tokens, p1);
      std::string_view k2 = same(p2) ? std::string_view(tokens[p2].key) : std::string_view();
      if (IsStrongBefore(k1) || (k1 == "you" && (k2 == "thank" || k2 == "love" || k2 == "miss")) ||
          (k1 == "to" && IsStrongBeforeTo(k2)) || (k1 == "client" || k2 == "client"))
        c.strong = true;
      if (k1 == "to" && k2 == "you") {
        long p3 = who::PrevWord(tokens, p2);
        if (same(p3) && tokens[p3].key == "thank") c.strong = true;
      }
      // "her husband Frank", "my client's son Will": someone's relative, then a
      // capitalised name ("her husband will drive" is no name).
      static constexpr WordSet kRelatives(
          {"husband", "wife",   "son",      "daughter",      "mom",       "dad",         "mother", "father",
           "brother", "sister", "grandson", "granddaughter", "boyfriend", "girlfriend",  "fiance", "fiancee",
           "partner", "nephew", "niece",    "cousin",        "stepson",   "stepdaughter"});
      static constexpr WordSet kOwners({"her", "his", "my", "our", "their", "your"});
      if (In(kRelatives, tokens[p1]) && same(p2) && (In(kOwners, tokens[p2]) || tokens[p2].possessive) &&
          static_cast<size_t>(p1) + 1 == first && who::StartsUpper(s.in.text, tokens[first]))
        c.strong = true;
      c.weak_before = IsWeakBefore(k1);
      c.place_before = IsPlaceBefore(k1);
    }
    const Token& lt = tokens[last];
    long n1 = who::NextWord(tokens, last);
    if (lt.possessive) {
      if (n1 >= 0 && tokens[n1].sentence == lt.sentence && IsPersonalNoun(tokens[n1].key)) c.possessive_personal = true;
    } else if (n1 >= 0 && tokens[n1].sentence == lt.sentence && n1 == static_cast<long>(last) + 1) {
      c.person_after = IsPersonAfter(tokens[n1].key);
    } else if (n1 >= 0 && last + 1 < tokens.size() && tokens[last + 1].key == "," && n1 == static_cast<long>(last) + 2) {
      // "Sally, who ..." / "Kevin, thanks for ..."
      c.person_after = tokens[n1].key == "who";
    }
    if (RoleInParentheses(tokens, last)) c.strong = true;
    if (!c.strong && AddressedAtEnd(s, first, last)) c.strong = true;
    return c;
  }

  // "You've got this, Deb!": a capitalised name after a comma that ends a sentence
  // speaking to someone ("you") is the person spoken to. Endearments are not names.
  bool AddressedAtEnd(Scan& s, size_t first, size_t last) const {
    static constexpr WordSet kEndearments(
        {"sunshine", "sweetie", "honey", "babe", "baby", "love", "darling", "dear", "friend", "friends", "everyone",
         "folks",    "buddy",   "champ", "mama", "girl", "boss", "queen",   "king", "hun",    "hon",     "sweetheart"});
    static constexpr WordSet kYou({"you", "you've", "you're", "your", "you'll", "ya", "u"});
    const auto& tokens = s.in.tokens;
    if (first == 0 || tokens[first - 1].key != "," || In(kEndearments, tokens[first]) ||
        !who::StartsUpper(s.in.text, tokens[first]))
      return false;
    const uint32_t sentence = tokens[first].sentence;
    const size_t n = last + 1;
    const bool ends = n >= tokens.size() || tokens[n].sentence != sentence || tokens[n].key == "!" ||
                      tokens[n].key == "." || tokens[n].key == "?" || tokens[n].shape == Shape::kEmoji;
    if (!ends) return false;
    // The clause before the name: "you" within a dozen tokens (a bound keeps long
    // unpunctuated drafts linear).
    for (size_t k = first; k > 0 && first - k < 12 && tokens[k - 1].sentence == sentence; --k)
      if (In(kYou, tokens[k - 1])) return true;
    return false;
  }

  // "Bob (the mailman)", "Rose (our neighbour)": a job or relation in brackets right
  // after the name says a person is meant.
  bool RoleInParentheses(const std::vector<Token>& tokens, size_t last) const {
    static constexpr WordSet kOpeners({"the", "our", "my", "a", "an", "his", "her", "their"});
    static constexpr WordSet kRelations(
        {"neighbor", "neighbour", "friend", "cousin",  "aunt", "uncle",   "niece", "nephew",   "grandma",  "grandpa",
         "mom",      "dad",       "sister", "brother", "wife", "husband", "boss",  "coworker", "landlord", "roommate"});
    size_t j = last + 1;
    if (j + 2 >= tokens.size() || tokens[j].key != "(" || !In(kOpeners, tokens[j + 1])) return false;
    for (size_t k = j + 2; k < tokens.size() && k <= j + 5; ++k) {
      if (tokens[k].key == ")") {
        const Token& noun = tokens[k - 1];
        return k > j + 2 && (In(kRelations, noun) || !who::WordValues(occupations_, noun).empty());
      }
      if (!tokens[k].is_word()) return false;
    }
    return false;
  }

  static constexpr std::string_view kStaffMessage =
      "A name in a sentence about your own studio or team. Fine if they agreed to be named; never name a client this "
      "way.";

  // "Our own Jenna finished her certification. Congrats Jenna!": a name the paragraph
  // introduced as staff is staff in its other sentences too, unless they are about a
  // client (an error stays an error).
  static void StaffNamesStayStaff(const ScanInput& in, size_t first, std::vector<Finding>& out) {
    // Keyed by paragraph and name text, so a draft of many names stays linear.
    auto key_of = [&](const Finding& f) {
      auto it = std::lower_bound(in.tokens.begin(), in.tokens.end(), f.span.start,
                                 [](const Token& t, size_t at) { return t.span.start < at; });
      const uint32_t paragraph = it == in.tokens.end() ? UINT32_MAX : it->paragraph;
      return std::to_string(paragraph) + ' ' + std::string(in.text.substr(f.span.start, f.span.size()));
    };
    std::unordered_set<std::string> staff;
    for (size_t s = first; s < out.size(); ++s)
      if (out[s].severity == Severity::kInfo) staff.insert(key_of(out[s]));
    if (staff.empty()) return;
    for (size_t w = first; w < out.size(); ++w)
      if (out[w].severity == Severity::kWarning && staff.contains(key_of(out[w]))) {
        out[w].severity = Severity::kInfo;
        out[w].message = kStaffMessage;
      }
  }

  Severity SeverityAt(Scan& s, const Token& t) const {
    const auto& ctx = Ctx(s);
    Cue client = ctx.ClientAt(t);
    if (ctx.StaffAt(t) && client != Cue::kStrong) return Severity::kInfo;
    if (client != Cue::kNone || ctx.ClientInParagraph(t) == Cue::kStrong) return Severity::kError;
    return Severity::kWarning;
  }

  void Emit(Scan& s, size_t first, size_t last, std::string message, double frequency, bool direct,
            std::vector<Finding>& out, bool include_period = false) const {
    const auto& tokens = s.in.tokens;
    Severity severity = SeverityAt(s, tokens[first]);
    if (severity == Severity::kInfo) message = kStaffMessage;
    Span span{tokens[first].span.start, tokens[last].span.start + who::Stem(s.in.text, tokens[last]).size()};
    if (tokens[last].shape == Shape::kHashtag) span.end = tokens[last].span.end;
    if (include_period && last + 1 < tokens.size() && tokens[last + 1].key == "." &&
        tokens[last + 1].span.start == tokens[last].span.end)
      span.end = tokens[last + 1].span.end;
    out.push_back(who::MakeFinding("person-name", id(), span, severity, std::move(message), frequency, direct,
                                   {"a client", "my client", "remove"}));
  }

  // A folded key looked up as a given name and as a surname, for keys that are not tokens
  // (parts of a hashtag).
  NameWord DescribeKey(std::string_view key) const {
    NameWord w;
    AddGivenRows(who::WordValues(given_, key), w);
    AddSurnameRows(who::WordValues(surnames_, key), w);
    return w;
  }

  // A hashtag with no capitals to split it on ("#ThankYouSally" is split by the tokenizer
  // and found as "thank you Sally"):
  //  - "#thankyousally", "#HAPPYBIRTHDAYMARCUS": a greeting run into a given name. The
  //    greeting is the person cue, so a name that is also a word counts too, but not one
  //    that is mostly a word in lowercase ("#thankyoumark" could be a brand);
  //  - "#jessicamoreno": a given name run into a surname, neither of them a word;
  //  - "#sallysmith": a common full name run together, unless the whole tag is a place
  //    ("#morganhill") or a word and a colour ("#hazelbrown" eyes).
  bool HashtagNameAt(Scan& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    const Token& t = tokens[i];
    // The whole hashtag is this one part: '#' before it, no part right after it.
    if (t.span.start == 0 || s.in.text[t.span.start - 1] != '#') return false;
    if (i + 1 < tokens.size() && tokens[i + 1].shape == Shape::kHashtag && tokens[i + 1].span.start <= t.span.end + 1)
      return false;
    static constexpr std::string_view kGreetings[] = {
        "thankyou",    "thanks",   "thanksto",        "thx",      "happybirthday", "happybday", "hbd", "welcome",
        "welcomeback", "congrats", "congratulations", "shoutout", "shoutoutto",    "bravo"};
    std::string_view key = t.key;
    size_t best = 0;
    NameWord name;
    for (std::string_view greeting : kGreetings) {
      if (greeting.size() <= best || key.size() < greeting.size() + 3 || !key.starts_with(greeting)) continue;
      std::string_view rest = key.substr(greeting.size());
      if (IsLowercaseFunctionName(rest)) continue;
      NameWord w = DescribeKey(rest);
      if (!w.given) continue;
      best = greeting.size();
      name = w;
    }
    if (best > 0) {
      Emit(s, i, i,
           "A first name in a hashtag is still a name: with the details around it, people who know them know who "
           "this is. Leave it out of the tag.",
           std::max(name.gfreq, 1e-6), false, out);
      return true;
    }
    for (size_t cut = 3; cut + 3 <= key.size(); ++cut) {
      const std::string_view first = key.substr(0, cut), rest = key.substr(cut);
      const NameWord given = DescribeKey(first);
      if (!given.given) continue;
      const NameWord surname = DescribeKey(rest);
      const bool distinct = DistinctGiven(given) && surname.surname && !surname.scommon;
      const bool common = CommonFullName(given, first, surname) &&
                          (!given.gcommon || who::WordValues(colours_, rest).empty()) && !IsPlace(first, rest);
      if (!distinct && !common) continue;
      Emit(s, i, i,
           "A full name in a hashtag identifies a person outright. Never name a client without their written "
           "consent; leave it out of the tag.",
           std::max(given.gfreq, 1e-6) * std::max(surname.sfreq, 1e-6), true, out);
      return true;
    }
    return false;
  }

  // Whether the gazetteer has the two words as a town of 10,000 or more, as one ("Morgan
  // Hill") or run together: "#morganhill" (45,000 people) is the town, but "#robertlee" is
  // a full name before it is Robert Lee, Texas (1,000).
  bool IsPlace(std::string_view first, std::string_view second) const {
    if (!places_) return false;
    auto big = [&](std::span<const uint32_t> rows) {
      for (uint32_t r : rows)
        if (places_->GetNumber(r, "population").value_or(0) >= 10'000) return true;
      return false;
    };
    std::string joined(first);
    if (big(who::WordValues(places_, joined + std::string(second)))) return true;
    return big(places_->index().Lookup(joined.append(" ").append(second)));
  }

  // "Mr. Thompson", "Coach Daniels", "Grandpa Joe", "Dr. Mary Jones". Returns the last
  // token used, or -1.
  long TitledNameAt(Scan& s, size_t i, TitleKind kind, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    const std::string_view text = s.in.text;
    size_t j = i + 1;
    if (j < tokens.size() && tokens[j].key == "." && tokens[j].span.start == tokens[i].span.end) {
      // "Mr. Thompson": the period, then a space.
      if (j + 1 >= tokens.size() || !tokens[j + 1].is_word()) return -1;
      for (size_t p = tokens[j].span.end; p < tokens[j + 1].span.start; ++p)
        if (text[p] != ' ') return -1;
      ++j;
    } else {
      long n = who::NextInName(text, tokens, i);
      if (n < 0) return -1;
      j = static_cast<size_t>(n);
    }
    if (j >= tokens.size() || !who::IsAlphaWord(tokens[j]) || tokens[i].possessive) return -1;
    // "she has MS. She's only 29": a pronoun is no name, and "MS" in capitals in a sentence
    // that is not all capitals is multiple sclerosis, not "Ms.".
    static constexpr WordSet kPronouns({"she", "he", "they", "her", "his", "him", "them", "we", "you", "it", "i"});
    if (In(kPronouns, tokens[j])) return -1;
    if (tokens[i].shape == Shape::kAllCaps && tokens[i].key == "ms" && s.Cases().Informative(tokens[i])) return -1;
    NameWord w = Describe(s, j);
    bool informative = s.Cases().Informative(tokens[j]);
    bool title_upper = who::StartsUpper(text, tokens[i]);
    bool ok = false;
    if (DistinctGiven(w) || (w.surname && !w.scommon)) {
      ok = true;
    } else if ((w.given || w.surname) && w.upper && (informative || title_upper)) {
      ok = true;  // "Coach Brown", "Uncle Will"
    } else if (!informative && RealSurname(w) && !IsLowercaseFunctionName(tokens[j].key)) {
      ok = true;  // "mr brown" in lowercase prose
    } else if (w.upper && informative && !w.given && !w.surname && !IsProperAdjective(tokens[j]) &&
               who::IsNameEvidence(who::Stem(text, tokens[j]))) {
      ok = true;  // "Dr. Xanthopoulou"
    }
    if (kind == TitleKind::kRole && !title_upper && informative && !w.upper) ok = ok && (DistinctGiven(w) || (w.surname && !w.scommon));
    if (!ok) return -1;
    // The name may go on: "Dr. Mary Jones".
    size_t last = j;
    // "Coach Daniels", "Mr. Thompson": a surname; "Grandpa Joe": a first name.
    bool has_surname = kind != TitleKind::kFamily && (!w.given || w.surname);
    while (true) {
      long n = who::NextInName(text, tokens, last);
      if (n < 0 || !who::IsAlphaWord(tokens[n])) break;
      NameWord nw = Describe(s, n);
      bool fits = (nw.upper || !informative) && (RealSurname(nw) || (nw.surname && nw.upper) || nw.initial);
      if (!fits) break;
      last = static_cast<size_t>(n);
      has_surname = true;
      if (tokens[last].possessive) break;
    }
    if (FollowedByPlaceWord(s, last) || Covered(s, j, last, true)) return -1;
    double freq = has_surname ? std::max(w.sfreq, 1e-6) : std::max(w.gfreq, 1e-6);
    if (kind == TitleKind::kFamily && !has_surname) {
      Emit(s, i, last,
           "A family name and a first name (\"Grandpa Joe\") is how people who know them refer to this person. "
           "Say \"a client\" instead.",
           freq, false, out);
    } else {
      Emit(s, i, last,
           "A name with a title (Mr., Dr., Coach) points to one person. Leave it out or say \"a client\".", freq,
           true, out, tokens[last].key.size() == 1);
    }
    return static_cast<long>(last);
  }

  // A name starting at token i (a given name, or a capitalised surname). Returns the last
  // token used, or -1.
  long NameAt(Scan& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    const std::string_view text = s.in.text;
    const Token& t = tokens[i];
    bool informative = s.Cases().Informative(t);
    NameWord first = Describe(s, i);
    if (informative && !first.upper && first.gcommon) return -1;  // "will", "grace" in ordinary prose
    // A surname that is also a common word cannot open a name ("MY CLIENT RACHEL GOLDBERG",
    // "#ThankYouSally"); surname-first names open with a real surname ("Nguyễn Văn An").
    if (!first.given && first.scommon) return -1;
    if (NamesAPet(tokens, i)) return -1;

    // Gather the chain: up to 4 name words separated by single spaces.
    std::vector<std::pair<size_t, NameWord>> chain{{i, first}};
    size_t cur = i;
    bool ends_with_period = false;
    while (chain.size() < 4 && !tokens[cur].possessive) {
      long n = who::NextInName(text, tokens, cur);
      if (n < 0 || !who::IsAlphaWord(tokens[n])) break;
      NameWord w = Describe(s, n);
      bool case_ok = informative ? (w.upper == first.upper || !first.upper) && (w.upper || !first.upper) : true;
      if (!case_ok) break;
      bool name_like = false;
      if (w.initial) {
        name_like = true;
      } else if (DistinctGiven(w) || (w.surname && !w.scommon)) {
        name_like = informative ? w.upper : !IsLowercaseFunctionName(tokens[n].key);
      } else if (RealSurname(w) || (w.given && w.gfreq >= 1e-4)) {
        name_like = informative ? w.upper : !IsLowercaseFunctionName(tokens[n].key);
      } else if (informative && w.upper && w.given && chain.size() >= 2) {
        name_like = true;  // "Nguyễn Văn An": a capitalised given name that is also a word, inside a name
      } else if (IsParticle(tokens[n].key)) {
        long after = who::NextInName(text, tokens, n);
        name_like = after >= 0 && who::StartsUpper(text, tokens[after]);
      } else if (informative && w.upper && !w.given && !w.surname && !IsBusinessWord(tokens[n].key) &&
                 Values(place_words_, tokens[n]).empty() && !IsProperAdjective(tokens[n])) {
        w.unknown = who::IsNameEvidence(who::Stem(text, tokens[n]));
        name_like = w.unknown;
      }
      if (!name_like) break;
      chain.emplace_back(static_cast<size_t>(n), w);
      cur = static_cast<size_t>(n);
      if (w.initial) {
        // "Paul R." — the period belongs to the initial; a name may go on after it.
        if (cur + 1 < tokens.size() && tokens[cur + 1].key == "." && tokens[cur + 1].span.start == tokens[cur].span.end) {
          ends_with_period = true;
          break;
        }
      }
    }
    // Drop trailing particles.
    while (chain.size() > 1 && IsParticle(tokens[chain.back().first].key) && !chain.back().second.given) chain.pop_back();
    size_t last = chain.back().first;

    if (FollowedByPlaceWord(s, last)) return static_cast<long>(last);  // "Jefferson High", "Kevin Foods"
    Cues cues = CuesAround(s, i, last);
    bool any_cue = cues.strong || cues.weak_before || cues.person_after || cues.possessive_personal;

    if (chain.size() >= 2) {
      bool has_given = false, has_other = false, distinct = false, all_initials_after = true;
      double gfreq = 0, sfreq = 1;
      for (size_t k = 0; k < chain.size(); ++k) {
        const NameWord& w = chain[k].second;
        if (k == 0 || (!has_given && w.given)) {
          if (w.given) has_given = true, gfreq = std::max(gfreq, w.gfreq);
        }
        if (k > 0) {
          if (!w.initial) all_initials_after = false;
          if (w.surname || w.initial || w.unknown || w.given) has_other = true;
          if (!w.initial) sfreq = std::min(sfreq, w.surname ? std::max(w.sfreq, 1e-6) : 1e-6);
        }
        if (k == 0 && !w.given && w.surname) sfreq = std::min(sfreq, std::max(w.sfreq, 1e-6));
        if (DistinctGiven(w) || (w.surname && !w.scommon) || w.unknown) distinct = true;
      }
      if (!has_given) {
        // "Nguyen Van An": a surname first, a given name later.
        for (size_t k = 1; k < chain.size(); ++k)
          if (chain[k].second.given) has_given = true, gfreq = std::max(gfreq, chain[k].second.gfreq);
      }
      // "Loved working on Sally Smith today": a common full name, both parts capitalised
      // mid-sentence where capitals mean something.
      const NameWord& second = chain.size() == 2 ? chain[1].second : first;
      if (chain.size() == 2 && informative && first.upper && second.upper && CommonFullName(first, t.key, second) &&
          !who::AtSentenceStart(tokens, i) && Values(place_words_, tokens[chain[1].first]).empty())  // Grace Church
        distinct = true;
      bool ok = has_given && has_other && (distinct || any_cue);
      // A capitalised common word opening a sentence ("Will Kevin come?") is no given name.
      if (ok && first.gcommon && !first.surname && who::AtSentenceStart(tokens, i) && !any_cue) {
        bool surname_after = false;
        for (size_t k = 1; k < chain.size(); ++k) surname_after = surname_after || RealSurname(chain[k].second) || chain[k].second.unknown;
        ok = surname_after;
      }
      if (ok && !Covered(s, i, last, cues.strong)) {
        if (all_initials_after) {
          Emit(s, i, last,
               "A first name with an initial (\"Paul R.\") narrows it to very few people. Say \"a client\" instead.",
               std::max(gfreq, 1e-6) / 26, false, out, ends_with_period);
        } else {
          Emit(s, i, last,
               "A full name identifies a person outright. Never name a client without their written consent; say "
               "\"a client\" instead.",
               std::max(gfreq, 1e-6) * sfreq, true, out);
        }
        return static_cast<long>(last);
      }
      if (ok) return static_cast<long>(last);  // covered: another rule owns it
      // Fall through: judge the first word alone.
      last = i;
      cues = CuesAround(s, i, i);
      any_cue = cues.strong || cues.weak_before || cues.person_after || cues.possessive_personal;
    }

    // A given name alone.
    if (!first.given) return -1;
    bool sentence_start = who::AtSentenceStart(tokens, i);
    bool ok = false;
    if (first.gcommon) {
      // "Crystal", "Will", "Frank", "Sally": only with a strong cue, and capitalised where
      // capitals mean something.
      bool cased = first.upper || !informative;
      bool lower_ok = first.upper || !IsLowercaseFunctionName(t.key);
      const long next = who::NextWord(tokens, i);
      bool human_verb = cues.person_after && next >= 0 && In(kHumanVerbs, tokens[next]);
      if (human_verb && (tokens[next].key == "came" || tokens[next].key == "comes")) {
        // "Sally came in", "came back", but not "Hope came too late".
        const std::string_view after = who::KeyAt(tokens, who::NextWord(tokens, static_cast<size_t>(next)));
        human_verb = after == "in" || after == "back" || after == "by" || after == "over";
      }
      ok = cased && lower_ok &&
           (cues.strong || (first.upper && informative && cues.possessive_personal) || (first.upper && human_verb));
      if (!ok && first.upper && informative && !sentence_start && cues.possessive_personal) ok = true;
    } else if (PlaceLike(t, s, i) || (cues.place_before && !Values(places_, t).empty())) {
      // "Austin", "Charlotte": a person only by what people do, not by "from" or "in"; nor
      // a smaller town that is a rarer name after them ("lives in Princeton"). After
      // "from" or "in" the verb is the person's before it ("the guy from Boston came in").
      ok = cues.strong || (cues.weak_before && !cues.place_before) ||
           (cues.person_after && !cues.place_before && !In(kPlainVerbs, tokens[who::NextWord(tokens, i)])) ||
           cues.possessive_personal;
    } else {
      ok = cues.strong || cues.weak_before || cues.person_after || cues.possessive_personal ||
           (first.upper && informative && !sentence_start) || (t.possessive && first.upper);
      if (ok && t.key.size() <= 2 && !cues.strong && !(first.upper && informative)) ok = false;
    }
    if (!ok || Covered(s, i, i, cues.strong)) return -1;
    Emit(s, i, i,
         "A first name, with the details around it, tells people who know them who this is. Say \"a client\" "
         "instead.",
         std::max(first.gfreq, 1e-6), false, out);
    return static_cast<long>(i);
  }

  // "thanks @jenny_runs", "@mike_lifts_heavy thanks for coming in".
  void HandleAt(Scan& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    if (tokens[i].span.size() <= 2) return;
    Cues cues = CuesAround(s, i, i);
    bool person = cues.strong || cues.weak_before || cues.person_after;
    if (!person) {
      long n = who::NextWord(tokens, i);
      if (n >= 0 && tokens[n].sentence == tokens[i].sentence && In(kThanksAfter, tokens[n])) person = true;
    }
    if (!person) return;
    Finding f = who::MakeFinding("person-name", id(), tokens[i].span, Severity::kWarning,
                                 "This handle is used as a person's name here; it leads straight to their profile. "
                                 "Say \"a client\" instead.",
                                 who::kOnePerson, true, {"a client", "remove"});
    if (SeverityAt(s, tokens[i]) == Severity::kInfo) f.severity = Severity::kInfo;
    out.push_back(std::move(f));
  }

  const Lexicon* given_;
  const Lexicon* surnames_;
  const Lexicon* places_;
  const Lexicon* colours_;
  const Lexicon* place_words_;
  const Lexicon* organisations_;
  const Lexicon* events_;
  const Lexicon* holidays_;
  const Lexicon* wordnet_;
  const Lexicon* occupations_;
  const Lexicon* vehicle_makes_;
  const Lexicon* proper_adjectives_;
  NameColumns given_columns_, surname_columns_;
  who::PublicFigureMatcher figures_;
  who::ContextCues cues_;
};

}  // namespace

std::unique_ptr<Detector> MakePersonNameDetector(const LexiconSet& lexicons) {
  return std::make_unique<PersonNameDetector>(lexicons);
}

}  // namespace discreet
