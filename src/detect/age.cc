// age: a person's age — "85-year-old", "85 years old", "aged 85", "Hannah Lee (34)", "Sally Smith, 85,",
// "in her 80s", "(30s, lawyer", "turning 90", "30-something", "nonagenarian", "her 90th
// birthday". The frequency comes from ages.tsv (a decade is the sum of its years); ages
// over 89 carry HIPAA's note (fold them to "90 or older").
//
// Numbers that are not ages stay quiet: "90-minute session", "15 years ago", "$90",
// "3 sessions", "in the 80s" (the decade of the century).
#include <algorithm>
#include <array>
#include <cstdio>

#include "detect/qi_common.h"
#include "detect/registry.h"
#include "detect/who.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using qi::KeyOf;

constexpr std::string_view kSource = "builtin/age";
constexpr int kMaxAge = 110;

// Words before "(34)" that make the number a person's age.
constexpr WordSet kPersonNouns({"client", "woman",  "man",       "lady",     "guy",     "mom",     "dad",
                                "mother", "father", "son",       "daughter", "wife",    "husband", "patient",
                                "boy",    "girl",   "gentleman", "grandma",  "grandpa", "widow",   "widower",
                                "friend", "nurse",  "teacher",   "veteran",  "runner",  "athlete"});
// Words after a decade that make it an era, not an age: 80s music.
constexpr WordSet kEraNouns({"music",    "song",    "songs", "hits",    "movie", "movies",   "film",  "films",
                             "style",    "fashion", "vibes", "rock",    "pop",   "hair",     "night", "party",
                             "playlist", "decor",   "show",  "shows",   "tv",    "cartoons", "era",   "degrees",
                             "minutes",  "min",     "mph",   "percent", "%",     "f",        "c"});
// Units that make "turning 90" something else: turning 90 degrees.
constexpr WordSet kUnits({"degrees", "degree", "minutes", "minute", "min", "mins", "seconds", "percent", "%", "pounds",
                          "lbs", "kg", "miles", "km", "mph", "dollars", "sessions", "session", "clients", "people",
                          "days", "weeks", "hours",
                          // "aged 12 months" is a whiskey or a cheese, not a person
                          "months", "month"});

// Things with ages that are not people: "a 100-year-old building", "the tree is 85 years
// old", "her 15-year-old cat" (a pet's age says little about its owner).
constexpr WordSet kObjectNouns({"building", "buildings", "house",    "houses",  "home",     "tree",      "trees",
                                "oak",      "recipe",    "recipes",  "table",   "company",  "business",  "studio",
                                "shop",     "store",     "practice", "clinic",  "spa",      "tradition", "barn",
                                "church",   "bridge",    "mill",     "farm",    "brand",    "car",       "truck",
                                "wine",     "whiskey",   "scotch",   "bottle",  "floor",    "floors",    "technique",
                                "method",   "mattress",  "photo",    "picture", "painting", "song",      "movie",
                                "book",     "piano",     "dog",      "cat",     "horse",    "pony",      "parrot",
                                "tortoise", "turtle",    "pet",      "puppy",   "kitten"});

struct AgeWord {
  std::string_view word;
  int from, to;
};
constexpr AgeWord kAgeWords[] = {
    {"centenarian", 100, 110},   {"supercentenarian", 110, 110}, {"nonagenarian", 90, 99},
    {"octogenarian", 80, 89},    {"septuagenarian", 70, 79},     {"sexagenarian", 60, 69},
    {"quinquagenarian", 50, 59}, {"teenager", 13, 19},           {"twenties", 20, 29},
    {"thirties", 30, 39},        {"forties", 40, 49},            {"fifties", 50, 59},
    {"sixties", 60, 69},         {"seventies", 70, 79},          {"eighties", 80, 89},
    {"nineties", 90, 99}};
constexpr auto kAgeWordKeys = WordSet<std::size(kAgeWords)>::Of(kAgeWords, &AgeWord::word);
// The age word that is `key`, or null: asked at every token.
const AgeWord* AgeWordOf(const Token& token) {
  const int i = kAgeWordKeys.Find(token);
  return i < 0 ? nullptr : &kAgeWords[i];
}

// "30s", "80s", "80's" → 30, 80.
std::optional<int> DecadeToken(const std::vector<Token>& tokens, size_t i, size_t* last) {
  std::string_view k = tokens[i].key;
  *last = i;
  if (k.size() == 3 && k[0] >= '1' && k[0] <= '9' && k[1] == '0' && k[2] == 's') return (k[0] - '0') * 10;
  // "80's" / "80’s": the tokenizer keeps the number and marks a possessive
  if (k.size() == 2 && k[0] >= '1' && k[0] <= '9' && k[1] == '0' && tokens[i].possessive) return (k[0] - '0') * 10;
  // ...or splits it into "80", "'" / "’", "s" (digits take no possessive there)
  if (k.size() == 2 && k[0] >= '1' && k[0] <= '9' && k[1] == '0' && i + 2 < tokens.size() &&
      (tokens[i + 1].key == "'" || tokens[i + 1].key == "\xE2\x80\x99") && tokens[i + 2].key == "s" &&
      tokens[i + 1].span.start == tokens[i].span.end && tokens[i + 2].span.start == tokens[i + 1].span.end) {
    *last = i + 2;
    return (k[0] - '0') * 10;
  }
  if (const AgeWord* w = AgeWordOf(tokens[i]); w && w->to - w->from == 9 && w->from >= 20 && k.ends_with("ies"))
    return w->from;
  return std::nullopt;
}

class AgeDetector : public Detector {
 public:
  explicit AgeDetector(const LexiconSet& lex) : given_(lex.Find("given_names")), surnames_(lex.Find("surnames")) {
    share_.fill(0);
    if (const Lexicon* ages = lex.Find("ages"))
      for (size_t r = 0; r < ages->rows(); ++r) {
        auto age = ages->GetNumber(r, "age");
        auto share = ages->GetNumber(r, "share");
        if (age && share && *age >= 0 && *age <= kMaxAge) share_[static_cast<size_t>(*age)] = *share;
      }
  }

  std::string_view id() const override { return kSource; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    const auto& tokens = in.tokens;
    const std::vector<bool>& person = qi::PersonCues::Of(in);
    size_t claimed_until = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i < claimed_until || !tokens[i].is_word()) continue;
      const Token& t = tokens[i];

      // Age words: nonagenarian, octogenarian, "in her eighties".
      // (Decades are handled below with their context; "teenager" is too common to be
      // worth a finding.)
      if (const AgeWord* w = AgeWordOf(t); w && !t.key.ends_with("ies") && t.key != "teenager") {
        EmitRange(in, person, i, i, w->from, w->to, out);
        claimed_until = i + 1;
        continue;
      }

      // Decades: "in her 80s", "late 30s", "(30s, lawyer", "in his eighties".
      size_t dlast = i;
      if (auto decade = DecadeToken(tokens, i, &dlast)) {
        if (auto span = DecadeContext(in, person, i, dlast)) {
          std::string_view nk = KeyOf(tokens, qi::NextWordIn(tokens, dlast));
          if (!In(kEraNouns, nk)) {
            EmitRange(in, person, *span, dlast, *decade, *decade + 9, out);
            claimed_until = dlast + 1;
            continue;
          }
        }
      }

      // "85yo"
      if (t.key.size() >= 3 && t.key.ends_with("yo") &&
          std::all_of(t.key.begin(), t.key.end() - 2, [](char c) { return c >= '0' && c <= '9'; })) {
        int n = std::stoi(std::string(t.key.substr(0, t.key.size() - 2)));
        if (n >= 1 && n <= kMaxAge) {
          EmitExact(in, person, i, i, n, out);
          claimed_until = i + 1;
        }
        continue;
      }

      auto num = qi::NumberAt(in, i);
      if (!num || num->value < 1 || num->value > kMaxAge) continue;
      int n = num->value;
      // Money, times and measures are not ages: $90, 6:30, 3.5
      long b = qi::Before(tokens, i);
      std::string_view bk = KeyOf(tokens, b);
      // ("Age: 85" in a list of a client's details is an age: the colon follows "age".)
      bool age_label = bk == ":" && b >= 1 && (tokens[b - 1].key == "age" || tokens[b - 1].key == "aged");
      if (!age_label && (bk == "$" || bk == "£" || bk == "€" || bk == "#" || bk == ":" || bk == "." || bk == "/"))
        continue;

      long p0 = qi::PrevWordIn(tokens, i);
      std::string_view pk0 = KeyOf(tokens, p0);
      // "85-year-old", "85 years old", "85 yrs old", "85 y/o", "eighty-five-year-old"
      if (auto end = YearsOld(tokens, num->last)) {
        // "a 100-year-old building", "the tree is 85 years old": not a person's age.
        std::string_view owner = KeyOf(tokens, qi::NextWordIn(tokens, *end));
        if (!In(kObjectNouns, owner) && p0 >= 0) {
          if (tokens[p0].possessive)  // "our studio's 10 years old"
            owner = pk0;
          else if (pk0 == "is" || pk0 == "was")  // "the tree is 85 years old"
            owner = KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(p0)));
        }
        if (In(kObjectNouns, owner)) {
          claimed_until = *end + 1;
          continue;
        }
        EmitExact(in, person, i, *end, n, out);
        claimed_until = *end + 1;
        continue;
      }
      // "30-something", "thirty-something"
      {
        size_t j = num->last + 1;
        if (j < tokens.size() && tokens[j].key == "-") ++j;
        // "30-something years" is a duration, not a person's age.
        if (j < tokens.size() && tokens[j].key == "something" && n >= 20 && n % 10 == 0 && n < 100 &&
            !In(kUnits, KeyOf(tokens, qi::NextWordIn(tokens, j))) && KeyOf(tokens, qi::NextWordIn(tokens, j)) != "years") {
          EmitRange(in, person, i, j, n, n + 9, out);
          claimed_until = j + 1;
          continue;
        }
      }
      // "aged 85", "age 85", "age: 85", "turning 90", "turned 90", "just turned 50"
      long p = qi::PrevWordIn(tokens, i);
      std::string_view pk = KeyOf(tokens, p);
      std::string_view nk = KeyOf(tokens, qi::NextWordIn(tokens, num->last));
      if ((pk == "aged" || pk == "age" || pk == "turning" || pk == "turned" || pk == "turns" ||
           pk == "turn") &&
          !In(kUnits, nk) && nk != "-" && !(pk.starts_with("turn") && !qi::PersonCues::At(person, t))) {
        // "age 85" must not be "age 3 sessions": checked by the units above.
        EmitExact(in, person, static_cast<size_t>(p), num->last, n, out);
        claimed_until = num->last + 1;
        continue;
      }
      // "Hannah Lee (34)", "my client (48)"; "Sally Smith, 85, of Pinedale", "my client, 92,
      // came in": a number in brackets or set off by commas right after the person. Commas
      // also set off numbers in lists ("open Monday, 9, and Tuesday", "Chicago, 12,"), so
      // there a capitalised word counts only as a name (NamedBeforeComma).
      const std::string_view close = KeyOf(tokens, qi::After(tokens, num->last));
      if (b >= 1 && ((bk == "(" && close == ")") || (bk == "," && close == ","))) {
        long w = qi::PrevWordIn(tokens, static_cast<size_t>(b));
        if (w >= 0 && static_cast<size_t>(w) + 1 == static_cast<size_t>(b) && tokens[w].shape != Shape::kNumber &&
            (In(kPersonNouns, tokens[w]) || (bk == "(" ? qi::StartsUpper(in.text, tokens[w])
                                                       : NamedBeforeComma(in, person, static_cast<size_t>(w), t)))) {
          EmitExact(in, person, i, i, n, out);
          claimed_until = num->last + 2;
          continue;
        }
      }
      // "She's 41 and ...", "he is 41.", "my client was 67 when ...": a bare number after a
      // person and "is" is their age when the clause ends with it ("she's 41 weeks
      // pregnant", "he is 6 feet tall", "she's 100% better" go on, and are not ages here).
      {
        bool person_is = false;
        // "she's only 29": one adverb may stand between.
        static constexpr WordSet kAdverbs({"only", "just", "almost", "nearly", "barely"});
        long q = p;
        if (q >= 0 && static_cast<size_t>(q) + 1 == i && In(kAdverbs, tokens[q])) {
          const long before = qi::PrevWordIn(tokens, static_cast<size_t>(q));
          q = before >= 0 && static_cast<size_t>(before) + 1 == static_cast<size_t>(q) ? before : -1;
        }
        if (q >= 0) {
          const Token& pt = tokens[q];
          std::string_view ppk = KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(q)));
          // "she's", "my client's": the 's is "is" before a number
          person_is = (pt.possessive && (pt.key == "she" || pt.key == "he" || In(kPersonNouns, pt))) ||
                      ((pt.key == "is" || pt.key == "was") && (ppk == "she" || ppk == "he" || In(kPersonNouns, ppk)));
          person_is = person_is && static_cast<size_t>(q) + (q == p ? 1 : 2) == i;
        }
        if (person_is) {
          size_t j = num->last + 1;
          std::string_view after = j < tokens.size() ? std::string_view(tokens[j].key) : std::string_view();
          bool ends = after.empty() || tokens[j].shape == Shape::kEmoji || after == "," || after == "." || after == "!" || after == "?" || after == ";" ||
                      after == ")" || after == "and" || after == "but" || after == "now" || after == "when" ||
                      after == "today" || after == "with" || after == "\xE2\x80\x94";
          if (ends && tokens[j < tokens.size() ? j : num->last].sentence == t.sentence) {
            EmitExact(in, person, i, num->last, n, out);
            claimed_until = num->last + 1;
            continue;
          }
        }
      }
      // "N years of age"
      {
        size_t j = num->last + 1;
        if (j + 2 < tokens.size() && (tokens[j].key == "years" || tokens[j].key == "yrs") &&
            tokens[j + 1].key == "of" && tokens[j + 2].key == "age") {
          EmitExact(in, person, i, j + 2, n, out);
          claimed_until = j + 3;
          continue;
        }
      }
    }
    // "her 90th birthday"
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.shape != Shape::kMixed || t.key.size() < 3 || tokens[i + 1].key != "birthday") continue;
      std::string_view k = t.key;
      std::string_view suf = k.substr(k.size() - 2);
      if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th") continue;
      std::string digits(k.substr(0, k.size() - 2));
      if (digits.empty() || digits.size() > 3 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) continue;
      int n = std::stoi(digits);
      std::string_view pk = KeyOf(tokens, qi::PrevWordIn(tokens, i));
      if (n < 1 || n > kMaxAge || !(pk == "her" || pk == "his" || pk == "their" || qi::PersonCues::At(person, t)))
        continue;
      bool overlaps = std::any_of(out.begin(), out.end(), [&](const Finding& f) {
        return f.source == kSource && f.span.Overlaps(Span{t.span.start, tokens[i + 1].span.end});
      });
      if (!overlaps) EmitExact(in, person, i, i + 1, n, out);
    }
  }

 private:
  // Whether word `w` is a capitalised given name or surname that names a person: in a
  // sentence with a person cue, or as the end of a full name ("Sally Smith").
  bool NamedBeforeComma(const ScanInput& in, const std::vector<bool>& person, size_t w, const Token& t) const {
    const auto& tokens = in.tokens;
    auto capitalised_name = [&](size_t k) {
      return qi::StartsUpper(in.text, tokens[k]) &&
             (!who::WordValues(given_, tokens[k]).empty() || !who::WordValues(surnames_, tokens[k]).empty());
    };
    if (!capitalised_name(w)) return false;
    if (qi::PersonCues::At(person, t)) return true;
    return w > 0 && tokens[w - 1].is_word() && qi::StartsUpper(in.text, tokens[w - 1]) &&
           !who::WordValues(given_, tokens[w - 1]).empty();
  }

  const Lexicon* given_;
  const Lexicon* surnames_;
  // The index of the last token of "-year-old" / " years old" / " y/o" after token `last`.
  static std::optional<size_t> YearsOld(const std::vector<Token>& tokens, size_t last) {
    size_t j = last + 1;
    auto key = [&](size_t k) -> std::string_view { return k < tokens.size() ? std::string_view(tokens[k].key) : ""; };
    if (key(j) == "-") ++j;
    std::string_view unit = key(j);
    if (unit == "yo" || unit == "yr-old") return j;
    if (unit == "y" && key(j + 1) == "/" && key(j + 2) == "o") return j + 2;
    if (unit != "year" && unit != "years" && unit != "yr" && unit != "yrs") return std::nullopt;
    ++j;
    if (key(j) == "-") ++j;
    if (key(j) == "old" || key(j) == "young") return j;
    return std::nullopt;
  }

  // Where a decade's finding starts when its context makes it a person's age, or nullopt.
  // `last` is the decade's last token ("80" "'" "s" is three).
  std::optional<size_t> DecadeContext(const ScanInput& in, const std::vector<bool>& person, size_t i,
                                      size_t last) const {
    const auto& tokens = in.tokens;
    long p = qi::PrevWordIn(tokens, i);
    std::string_view pk = KeyOf(tokens, p);
    long before = qi::Before(tokens, i);
    std::string_view bk = KeyOf(tokens, before);
    size_t start = i;
    // "mid-40s": the hyphen is its own token
    if (bk == "-" && before >= 1 && tokens[before - 1].key == "mid") {
      p = before - 1;
      pk = "mid";
    }
    if (pk == "early" || pk == "mid" || pk == "late") {
      start = static_cast<size_t>(p);
      p = qi::PrevWordIn(tokens, start);
      pk = KeyOf(tokens, p);
    }
    if (pk == "her" || pk == "his" || pk == "their" || pk == "my" || pk == "your") {
      start = static_cast<size_t>(p);
      long pp = qi::PrevWordIn(tokens, start);
      if (KeyOf(tokens, pp) == "in") start = static_cast<size_t>(pp);
      return start;
    }
    if (pk == "the" || pk == "over" || pk == "under" || pk == "of" || bk == "'") return std::nullopt;
    // "(30s, lawyer, ...)" or "30s, lawyer": a list of details about a person
    bool listed = (bk == "(" || bk == "," || bk == "-" || bk == "\xE2\x80\x94") &&
                  (KeyOf(tokens, qi::After(tokens, last)) == "," || KeyOf(tokens, qi::After(tokens, last)) == ")");
    if (listed && qi::PersonCues::At(person, tokens[i])) return start;
    // "a woman in her 30s" is handled above; "client, 40s" too
    if ((pk == "client" || pk == "woman" || pk == "man" || pk == "guy" || pk == "lady") && bk == ",") return start;
    return std::nullopt;
  }

  double Share(int from, int to) const {
    double s = 0;
    for (int a = std::max(0, from); a <= std::min(kMaxAge, to); ++a) s += share_[static_cast<size_t>(a)];
    return s > 0 ? s : 1e-6;
  }

  static std::string Pronoun(const ScanInput& in, size_t i) {
    const auto& tokens = in.tokens;
    // Only the sentence's own tokens: scanning the whole draft per age made long inputs
    // quadratic (92% of a 1 MB check).
    const uint32_t sentence = tokens[i].sentence;
    size_t begin = i;
    while (begin > 0 && tokens[begin - 1].sentence == sentence) --begin;
    static constexpr WordSet kHers({"she", "her", "hers", "woman", "lady"});
    static constexpr WordSet kHis({"he", "his", "him", "man", "guy"});
    for (size_t k = begin; k < tokens.size() && tokens[k].sentence == sentence; ++k) {
      if (In(kHers, tokens[k])) return "her";
      if (In(kHis, tokens[k])) return "his";
    }
    return "their";
  }

  static std::string Band(int age) {
    if (age < 13) return "a child";
    if (age < 20) return "a teenager";
    if (age < 40) return "younger";
    if (age < 60) return "middle-aged";
    return "older";
  }

  void EmitExact(const ScanInput& in, const std::vector<bool>& person, size_t first, size_t last, int age,
                 std::vector<Finding>& out) const {
    double f = Share(age, age);
    std::vector<std::string> suggestions;
    std::string message;
    if (age >= 90) {
      message = "An exact age over 89 is one of the identifiers the HIPAA rules list; say \"90 or older\" at most.";
      suggestions = {"90 or older", "older"};
    } else {
      char buf[64];
      std::snprintf(buf, sizeof buf, "in %s %ds", Pronoun(in, first).c_str(), age / 10 * 10);
      message = "An exact age fits about 1 person in " + std::to_string(static_cast<long>(1 / f + 0.5)) +
                "; with a town and a detail or two it points to one person. Round it off.";
      // "in her 40s", then "middle-aged"; under 20 the band alone ("a teenager").
      suggestions = age >= 20 ? std::vector<std::string>{buf, Band(age)} : std::vector<std::string>{Band(age)};
    }
    Push(in, person, first, last, std::move(message), f, std::move(suggestions), out);
  }

  void EmitRange(const ScanInput& in, const std::vector<bool>& person, size_t first, size_t last, int from, int to,
                 std::vector<Finding>& out) const {
    double f = Share(from, to);
    std::string message =
        from >= 90 ? "Ages over 89 are identifiers under the HIPAA rules; say \"90 or older\" at most, or leave the age out."
                   : "An age range is a mild detail on its own, but it adds up with the others. Consider a broader word.";
    std::vector<std::string> suggestions = from >= 90 ? std::vector<std::string>{"90 or older", "older"}
                                                      : std::vector<std::string>{Band(from), "remove"};
    Push(in, person, first, last, std::move(message), f, std::move(suggestions), out);
  }

  static void Push(const ScanInput& in, const std::vector<bool>&, size_t first, size_t last, std::string message,
                   double f, std::vector<std::string> suggestions, std::vector<Finding>& out) {
    out.push_back(qi::MakeFinding("age", kSource, {in.tokens[first].span.start, in.tokens[last].span.end},
                                  Severity::kWarning, std::move(message), f, std::move(suggestions)));
  }

  std::array<double, kMaxAge + 1> share_{};
};

}  // namespace

std::unique_ptr<Detector> MakeAgeDetector(const LexiconSet& lexicons) { return std::make_unique<AgeDetector>(lexicons); }

}  // namespace discreet
