// place: where a person lives, works or goes — a named town (GeoNames, with population, so
// the smallest place named becomes the subject's scope), a street, school, station,
// landmark or workplace ("on Maple Street", "Lincoln Elementary", "Station 4", "by the
// courthouse", "the bakery on 5th"), a local team ("the Westview Wildcats"), and
// neighbourhood phrases ("from down the street", "next door").
//
// A town whose name is also a person's name or an ordinary word ("Jordan", "Orange",
// "Reading") needs place evidence: "in", "near", ", WY", "a Reading native". A place in a
// sentence about nobody ("started this studio in Tucson") is reported at info.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "detect/qi_common.h"
#include "detect/registry.h"
#include "detect/who.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using qi::KeyOf;

constexpr std::string_view kSource = "builtin/place";

// Words before a place that say "this is a place": in Tucson, from Pinedale.
// First responders: "a firefighter at station 9" names the station they work at.
constexpr WordSet kResponders({"firefighter", "firefighters", "fireman", "firemen", "paramedic", "paramedics", "emt",
                               "medic", "officer", "cop", "deputy", "dispatcher", "captain", "lieutenant"});
constexpr WordSet kPlacePreps({"in", "from", "near", "outside", "around", "downtown", "visiting", "across", "through",
                               "throughout", "nearby", "uptown", "midtown"});
// Verbs after which "to X" is travel to a place: moved to Tucson.
constexpr WordSet kMoveVerbs({"moved",   "move", "moving", "relocated", "relocating", "drove",     "drives",
                              "driving", "flew", "flies",  "commutes",  "commute",    "commuting", "trip",
                              "back",    "way",  "headed", "heading",   "went",       "goes",      "road"});
// Nouns before "of X": the city of Reading.
constexpr WordSet kPlaceOfNouns({"city", "town", "village", "suburb", "suburbs", "outskirts", "county", "borough",
                                 "township", "hamlet", "streets", "people"});
// Words after a place that say it is one: a Tucson native.
constexpr WordSet kPlaceAfter({"native", "natives", "resident", "residents", "local", "locals", "area", "county",
                               "township", "suburbs", "city", "born", "raised", "based", "transplant", "neighborhood",
                               "neighbourhood"});
// Titles: "Dr. Lincoln" is a person.
constexpr WordSet kTitles({"mr",     "mrs",    "ms",    "miss",    "dr",      "coach",  "sir",       "dame",
                           "aunt",   "auntie", "uncle", "grandpa", "grandma", "father", "sister",    "brother",
                           "pastor", "rev",    "judge", "officer", "nurse",   "prof",   "professor", "st"});
// Words that may stand before a street/landmark word in lowercase without naming it.
constexpr WordSet kNotAName(
    {"the",      "a",         "an",    "this",    "that",   "my",     "our",  "your",     "his",    "her",    "their",
     "its",      "same",      "next",  "quiet",   "busy",   "side",   "back", "dead",     "one",    "new",    "old",
     "local",    "nearby",    "main",  "big",     "little", "small",  "long", "short",    "dirt",   "gravel", "private",
     "public",   "country",   "city",  "town",    "on",     "at",     "in",   "by",       "to",     "of",     "and",
     "or",       "for",       "with",  "every",   "any",    "some",   "no",   "high",     "middle", "each",   "first",
     "second",   "last",      "other", "another", "whole",  "entire", "open", "closed",   "day",    "night",  "massage",
     "favorite", "favourite", "home",  "dog",     "pet",    "toll",   "yoga", "wellness", "health", "med",    "medical",
     "spa",      "nail",      "hair",  "beauty",  "tattoo", "coffee", "gift", "book",     "booking"});
// Street words that can carry a lowercase name when a preposition stands before: on maple street.
constexpr WordSet kFullStreetWords({"street", "avenue", "road",    "lane",    "drive", "boulevard", "st",
                                    "ave",    "rd",     "ln",      "blvd",    "dr",    "way",       "court",
                                    "place",  "pkwy",   "parkway", "highway", "hwy",   "terrace",   "circle"});
// Prepositions that put a person by a landmark: by the courthouse.
constexpr WordSet kNearPreps({"by", "near", "behind", "beside", "opposite", "outside", "across"});
// US state abbreviations that are also English words: need capitals to count.
constexpr WordSet kWordAbbrs({"in", "or", "me", "oh", "hi", "ok", "pa", "de", "ma", "al",
                              "co", "la", "id", "ga", "mo", "ne", "wa", "md", "va", "ct"});

// Neighbourhood phrases: the person lives or works within sight of the writer.
struct Neighbour {
  std::string_view phrase;
  double frequency;
};
constexpr Neighbour kNeighbours[] = {
    {"from down the street", 0.001}, {"down the street", 0.001}, {"down the road", 0.002},
    {"up the street", 0.001},        {"across the street", 0.0005}, {"across the road", 0.0005},
    {"next door", 0.0002},           {"around the corner", 0.002}, {"two doors down", 0.0003},
    {"a few doors down", 0.0005},    {"three doors down", 0.0003}, {"my neighbor", 0.0005},
    {"my neighbour", 0.0005},        {"our neighbor", 0.0005},     {"our neighbour", 0.0005},
    {"in my building", 0.0005},      {"upstairs neighbor", 0.0002}, {"downstairs neighbor", 0.0002},
    {"in my apartment building", 0.0005}, {"on my street", 0.001}, {"on our street", 0.001},
    {"same street", 0.001},          {"in my neighborhood", 0.005}, {"in my neighbourhood", 0.005},
    {"in our neighborhood", 0.005},  {"in our neighbourhood", 0.005}};

bool IsOrdinal(std::string_view k) {
  if (k.size() < 3) return false;
  std::string_view suf = k.substr(k.size() - 2);
  if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th") return false;
  return std::all_of(k.begin(), k.end() - 2, [](char c) { return c >= '0' && c <= '9'; });
}

bool IsWordKey(std::string_view k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

// "at Intel", "for the Red Cross", "by Acme": what PlaceDetector::TryEmployer needs first.
bool AfterEmployerPrep(const std::vector<Token>& tokens, size_t i) {
  auto prep = [&](size_t j) {
    return tokens[j].key == "at" || tokens[j].key == "for" || tokens[j].key == "by" || tokens[j].key == "from";
  };
  return (i > 0 && prep(i - 1)) || (i > 1 && tokens[i - 1].key == "the" && prep(i - 2));
}

// Whether an organisations.tsv match names a company (a store, a plant), not a team or a
// school.
bool IsCompany(const Lexicon* orgs, const PhraseIndex::Match& m) {
  for (uint32_t r : m.values)
    if (orgs->Get(r, "kind") == "company") return true;
  return false;
}

// "a town of 3,000" (PlaceDetector::TryTownOfSize).
constexpr WordSet kTownWords({"town", "city", "village", "hamlet", "township", "borough"});

// Whether a country may start at token i: it is capitalised, or follows "from", "in" or
// "of" (a country of origin in lowercase prose).
bool MayNameCountry(const std::vector<Token>& tokens, size_t i) {
  if (tokens[i].is_capitalized()) return true;
  if (i == 0) return false;
  const Key& k = tokens[i - 1].key;
  return k == "from" || k == "in" || k == "of";
}

class PlaceDetector : public Detector {
 public:
  explicit PlaceDetector(const LexiconSet& lex)
      : places_(lex.Find("places")),
        states_(lex.Find("us_states")),
        words_(lex.Find("place_words")),
        given_(lex.Find("given_names")),
        surnames_(lex.Find("surnames")),
        events_(lex.Find("events")),
        orgs_(lex.Find("organisations")),
        figures_(lex.Find("public_figures")),
        countries_(lex.Find("countries")) {
    if (states_)
      for (size_t r = 0; r < states_->rows(); ++r) {
        std::string abbr = Lower(states_->Get(r, "abbreviation"));
        abbr_to_state_.emplace(abbr, r);
      }
    for (size_t n = 0; n < std::size(kNeighbours); ++n) neighbours_.Add(kNeighbours[n].phrase, static_cast<uint32_t>(n));
  }

  std::string_view id() const override { return kSource; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    const auto& tokens = in.tokens;
    const std::vector<bool>& person = qi::PersonCues::Of(in);
    // The kind of place word ("street", "school") each token is, looked up once:
    // TryPlaceWord looks up to three tokens ahead of every token.
    std::vector<std::string_view> kinds(tokens.size());
    if (words_)
      for (size_t j = 0; j < tokens.size(); ++j)
        if (auto wm = words_->index().LongestAt(tokens, j); wm && wm->last == j)
          kinds[j] = words_->Get(wm->values.front(), "kind");
    size_t claimed_until = 0;  // tokens before this index belong to a finding already
    auto emit = [&](size_t first, size_t last, std::string message, std::optional<double> freq,
                    std::optional<double> population, std::vector<std::string> suggestions) {
      bool about_person = qi::PersonCues::At(person, tokens[first]);
      Finding f = qi::MakeFinding(
          "place", kSource, {tokens[first].span.start, tokens[last].span.end},
          about_person ? Severity::kWarning : Severity::kInfo,
          about_person ? std::move(message)
                       : "A place named in a post that is not about anyone in particular. Fine for the studio's "
                         "own news; leave it out when you write about a client.",
          freq, std::move(suggestions));
      f.population = population;
      out.push_back(std::move(f));
      claimed_until = last + 1;
    };

    size_t next_kind = 0;  // the first token at or after i that is a place word
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (!t.is_word() || i < claimed_until) continue;
      bool organisation_not_town = false;
      if (next_kind < i) {
        next_kind = i;
        while (next_kind < kinds.size() && kinds[next_kind].empty()) ++next_kind;
      }

      // Neighbourhood phrases.
      if (auto m = neighbours_.LongestAt(tokens, i)) {
        const Neighbour& n = kNeighbours[m->values.front()];
        emit(m->first, m->last,
             "Saying where a client lives or works (\"" + std::string(n.phrase) +
                 "\") tells your neighbours exactly who this is.",
             n.frequency, std::nullopt, {"remove", "a client"});
        continue;
      }

      // Organisations and events that begin with a town ("Miami Dolphins", "Chicago
      // Marathon") belong to other rules.
      if (auto m = LongestOf(orgs_, tokens, i)) {
        // ...but "the Walmart on 5th", "the Home Depot on Main St" is one store, a workplace.
        if (IsCompany(orgs_, *m) && OnStreet(in, i, m->last, emit)) continue;
        if (m->last > i) {
          claimed_until = m->last + 1;
          continue;
        }
        // "got into Harvard", "works at Kohler": a capitalised university or company alias
        // is the organisation, not the town of that name, unless the words around it say
        // town ("lives in Harvard", "Harvard, MA").
        organisation_not_town = qi::StartsUpper(in.text, t) && !TownAround(tokens, i, m->last);
      }
      if (auto m = LongestOf(events_, tokens, i); m && m->last > i) {
        claimed_until = m->last + 1;
        continue;
      }

      // Every place-word phrase has its place word within four tokens of its start ("St.
      // Mary's Church" is the longest reach); most tokens of prose have none that near.
      if (next_kind <= i + 4 && TryPlaceWord(in, kinds, i, emit)) continue;
      // The rarer forms, each behind a test that most tokens fail.
      if (t.is_capitalized() && AfterEmployerPrep(tokens, i) && TryEmployer(in, i, emit)) continue;
      if (In(kTownWords, t) && TryTownOfSize(in, i, emit)) continue;
      if (countries_ && countries_->index().MayStartAt(t) && MayNameCountry(tokens, i))
        if (auto last = TryCountryOfOrigin(in, i, emit)) {
          claimed_until = std::max(claimed_until, *last + 1);  // a country, never a town named after it
          continue;
        }
      if (!organisation_not_town && places_ && places_->index().MayStartAt(t)) TryGazetteer(in, i, emit);
    }
  }

 private:
  template <typename Emit>
  bool TryPlaceWord(const ScanInput& in, const std::vector<std::string_view>& kinds, size_t i, Emit& emit) const {
    const auto& tokens = in.tokens;
    // Find the place word at i or right after a run of modifiers starting at i: we look
    // for the word at j and walk back to i.
    auto kind_at = [&](size_t j) { return j < kinds.size() ? kinds[j] : std::string_view(); };
    // "Station 4", "Fire Station 12": the word at i followed by a number.
    const Token& t = tokens[i];
    // Modifiers: up to three words from i that precede a place word.
    for (size_t len = 1; len <= 3; ++len) {
      size_t j = i + len;
      // allow "St." joiner: "St. Mary's Church"
      if (j >= tokens.size()) break;
      if (!tokens[j].is_word()) {
        if (tokens[j].key == "." && j + 1 < tokens.size()) {
          ++j;
        } else {
          break;
        }
      }
      if (tokens[j].sentence != t.sentence) break;
      std::string_view kind = kind_at(j);
      // A home has no name of its own ("the Open House on Saturday" is an event); it counts
      // only on a named street (OnStreet, below).
      if (kind == "residence") break;
      if (kind.empty()) {
        // modifiers must all be capitalised/ordinal words; keep walking
        if (!ModifierOk(in, i, j, /*lower_ok=*/false)) break;
        continue;
      }
      // tokens [i, j-1] are the name, tokens[j] the place word
      bool lower_ok = false;
      if (kind == "street" && In(kFullStreetWords, tokens[j])) {
        long p = qi::PrevWordIn(tokens, i);
        std::string_view pk = KeyOf(tokens, p);
        lower_ok = pk == "on" || pk == "off" || pk == "at" || pk == "near" || pk == "of";
      }
      // "goes to lincoln elementary": in a lowercase post a school is still a school when
      // its one-word name is no ordinary word and a preposition or "attends" leads to it.
      if (kind == "school" && tokens[j].key == "elementary" && j == i + 1 && !qi::IsDictionaryWord(tokens[i].key)) {
        std::string_view pk = KeyOf(tokens, qi::PrevWordIn(tokens, i));
        lower_ok = pk == "to" || pk == "at" || pk == "from" || pk == "attends" || pk == "attend" || pk == "near";
      }
      if (!ModifierRunOk(in, i, j, lower_ok)) break;
      // "High" and "Middle" name schools only with a name-like modifier ("Jefferson High").
      std::string_view pw = tokens[j].key;
      size_t last = j;
      if ((pw == "high" || pw == "middle" || pw == "elementary") && j + 1 < tokens.size() &&
          tokens[j + 1].key == "school")
        last = j + 1;
      else if ((pw == "high" || pw == "middle") && (qi::IsDictionaryWord(tokens[j - 1].key) || !qi::StartsUpper(in.text, tokens[j])))
        break;
      if (kind == "station" && last + 1 < tokens.size() && tokens[last + 1].shape == Shape::kNumber) ++last;
      EmitPlaceWord(kind, i, last, emit);
      return true;
    }
    // The place word itself at i.
    std::string_view kind = kind_at(i);
    if (kind.empty()) {
      // "on 5th": a bare ordinal street after "the <workplace> on".
      return false;
    }
    // "Station 4"; in lowercase only as "fire station 4" or after a first responder
    // ("a firefighter at station 9"): "station 4" alone may be a circuit-class station.
    if (kind == "station" && i + 1 < tokens.size() && tokens[i + 1].shape == Shape::kNumber) {
      long p = qi::PrevWordIn(tokens, i);
      std::string_view pk = KeyOf(tokens, p);
      bool service = p >= 0 && static_cast<size_t>(p) + 1 == i && (pk == "fire" || pk == "police");
      bool responder_at = pk == "at" && In(kResponders, KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(p))));
      if (qi::StartsUpper(in.text, t) || service || responder_at) {
        EmitPlaceWord(kind, service ? static_cast<size_t>(p) : i, i + 1, emit);
        return true;
      }
    }
    // "the bakery on 5th", "the lofts on Pearl": a business or building on a named street.
    if (OnStreet(in, i, i, emit)) return true;
    long p = qi::PrevWordIn(tokens, i);
    // "by the courthouse": a landmark the person is near.
    if (KeyOf(tokens, p) == "the" && (kind == "landmark" || kind == "workplace" || kind == "station")) {
      long pp = qi::PrevWordIn(tokens, static_cast<size_t>(p));
      std::string_view ppk = KeyOf(tokens, pp);
      bool near = In(kNearPreps, ppk);
      long from = pp;  // the finding starts at "next" in "next to the bakery"
      if (ppk == "to" || ppk == "from") {  // next to the, across from the
        long p3i = qi::PrevWordIn(tokens, static_cast<size_t>(pp));
        std::string_view p3 = KeyOf(tokens, p3i);
        near = p3 == "next" || p3 == "across" || p3 == "close";
        if (near) from = p3i;
      }
      if (near && (kind == "landmark" || kind == "station" || t.key == "bakery" || t.key == "diner" ||
                   t.key == "pub" || t.key == "cafe" || t.key == "firehouse" || t.key == "bank" ||
                   t.key == "pharmacy" || t.key == "library" || t.key == "warehouse" || t.key == "mill" ||
                   t.key == "factory")) {
        std::string said(in.text.substr(tokens[from].span.start, tokens[pp].span.end - tokens[from].span.start));
        emit(static_cast<size_t>(from), i,
             "\"" + said + " the " + t.key +
                 "\" pins a person to one spot in town that neighbours and regulars will recognise.",
             0.02, std::nullopt, {"in town", "nearby"});
        return true;
      }
    }
    return false;
  }

  // The kind of place word ("street", "school", ...) that token j is, or empty.
  std::string_view KindAt(const std::vector<Token>& tokens, size_t j) const {
    if (!words_ || j >= tokens.size() || !tokens[j].is_word()) return {};
    auto wm = words_->index().LongestAt(tokens, j);
    if (!wm || wm->last != j) return {};
    return words_->Get(wm->values.front(), "kind");
  }

  // "the bakery on 5th", "the lofts on Pearl St", "the Walmart on Main St": a business or
  // building (tokens [first, last]) on a named street.
  template <typename Emit>
  bool OnStreet(const ScanInput& in, size_t first, size_t last, Emit& emit) const {
    const auto& tokens = in.tokens;
    // An organisation's alias may bring its own "the" ("The Home Depot").
    if (tokens[first].key == "the" && first < last) {
      ++first;
    } else if (KeyOf(tokens, qi::PrevWordIn(tokens, first)) != "the") {
      // "the flower shop on Elm", "the nail salon on 5th": one lowercase word of what the
      // business is may stand between "the" and it.
      static constexpr WordSet kNotKind({"a",   "an",    "this", "that", "my",  "our", "your", "his",
                                         "her", "their", "its",  "same", "on",  "at",  "in",   "by",
                                         "to",  "of",    "and",  "or",   "for", "with"});
      long m = qi::PrevWordIn(tokens, first);
      if (m < 0 || static_cast<size_t>(m) + 1 != first || tokens[m].shape != Shape::kLower || In(kNotKind, tokens[m]) ||
          KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(m))) != "the")
        return false;
      first = static_cast<size_t>(m);
    }
    if (last + 2 >= tokens.size() || tokens[last + 1].key != "on") return false;
    const Token& s = tokens[last + 2];
    // "the lofts on Pearl St": the street word belongs to the same finding, and lets a
    // lowercase post name the street ("the lofts on pearl st").
    bool street_after = last + 3 < tokens.size() && KindAt(tokens, last + 3) == "street";
    bool named = qi::StartsUpper(in.text, s) || (street_after && s.shape == Shape::kLower && IsWordKey(s.key));
    // ("Main" is a name before a street word or capitalised: "on Main St", "the hardware
    // store on Main"; "the shop on main road" is not.)
    bool name_ok = named && s.is_word() && !who::IsCalendarWord(s.key) &&
                   (!In(kNotAName, s) || (s.key == "main" && (street_after || qi::StartsUpper(in.text, s))));
    if (!IsOrdinal(s.key) && !name_ok) return false;
    size_t end = street_after ? last + 3 : last + 2;
    // "the Amazon warehouse on Route 30": the road's number belongs to it.
    if (end + 1 < tokens.size() && tokens[end + 1].shape == Shape::kNumber && KindAt(tokens, end) == "street" &&
        qi::Adjacent(in.text, tokens[end], tokens[end + 1]))
      ++end;
    emit(first, end,
         "Naming the business or building where a client works or lives, or the street it is on, points "
         "straight at them.",
         0.003, std::nullopt, {"nearby", "in town"});
    return true;
  }

  // Whether tokens [from, to) can name a street/school/landmark.
  bool ModifierRunOk(const ScanInput& in, size_t from, size_t to, bool lower_ok) const {
    bool any = false;
    for (size_t k = from; k < to; ++k) {
      const Token& m = in.tokens[k];
      if (!m.is_word()) {
        if (m.key == "." || m.key == "'" || m.key == "-") continue;
        return false;
      }
      if (!ModifierOk(in, from, k, lower_ok)) return false;
      any = true;
    }
    return any;
  }

  bool ModifierOk(const ScanInput& in, size_t from, size_t k, bool lower_ok) const {
    const Token& m = in.tokens[k];
    if (!m.is_word()) return m.key == "." || m.key == "'" || m.key == "-";
    if (m.shape == Shape::kNumber) return k == from;  // "123 Main St" ... the first one only
    if (IsOrdinal(m.key)) return true;
    // Past this point only a capitalised word, or a lower-case one where allowed, passes:
    // most tokens are asked here, and most fail this first.
    if (!lower_ok && !qi::StartsUpper(in.text, m)) return false;
    if (In(kNotAName, m) && !(m.key == "main" && lower_ok)) return false;
    if (!IsWordKey(m.key) && m.shape != Shape::kCapitalized && m.shape != Shape::kHashtag) return false;
    if (qi::StartsUpper(in.text, m)) return true;
    return lower_ok && m.shape == Shape::kLower && m.key.size() > 2;
  }

  template <typename Emit>
  void EmitPlaceWord(std::string_view kind, size_t first, size_t last, Emit& emit) const {
    if (kind == "street")
      emit(first, last, "A street name narrows a client down to a few hundred neighbours.", 0.003, std::nullopt,
           {"in the neighbourhood", "nearby"});
    else if (kind == "school")
      emit(first, last, "A named school points to a small circle of families, staff and students.", 0.01,
           std::nullopt, {"a local school", "remove"});
    else if (kind == "station")
      emit(first, last, "A named station or depot points to the few people who work or live by it.", 0.005,
           std::nullopt, {"nearby", "remove"});
    else if (kind == "workplace")
      emit(first, last, "Naming where someone works points to the handful of people there.", 0.005, std::nullopt,
           {"a local business", "remove"});
    else if (kind == "neighbourhood")
      emit(first, last, "A named neighbourhood narrows a client down to the few thousand people who live there.", 0.01,
           std::nullopt, {"in the neighbourhood", "nearby"});
    else
      emit(first, last, "A named landmark places a person in one small part of town.", 0.02, std::nullopt,
           {"in town", "nearby"});
  }

  template <typename Emit>
  void TryGazetteer(const ScanInput& in, size_t i, Emit& emit) const {
    if (!places_) return;
    const auto& tokens = in.tokens;
    auto m = places_->index().LongestAt(tokens, i);
    if (!m) return;
    const Token& t = tokens[i];
    size_t last = m->last;
    bool single = m->first == m->last;
    // A person's title or a public figure's name wins: "Dr. Lincoln", "Paris Hilton".
    long p = qi::PrevWordIn(tokens, i);
    std::string_view pk = KeyOf(tokens, p);
    if (In(kTitles, pk) && pk != "st") return;
    if (figures_) {
      if (auto f = figures_->index().LongestAt(tokens, i); f && f->last > m->last) return;
    }
    // The place is part of a longer capitalised name ("Lee" in "Hannah Lee"): a person.
    if (p >= 0 && static_cast<size_t>(p) + 1 == i && qi::StartsUpper(in.text, tokens[p]) &&
        qi::StartsUpper(in.text, t) && t.shape != Shape::kHashtag && IsGivenName(tokens, p) &&
        !In(kPlacePreps, pk))
      return;

    std::optional<std::string> state;
    size_t after_state = last;
    if (auto st = StateAfter(tokens, last)) {
      state = std::move(st->abbreviation);
      after_state = st->last;
    }
    // How much does it need to prove it is a place here?
    bool upper = true, hashtag = true;
    for (size_t k = m->first; k <= m->last; ++k) {
      if (!tokens[k].is_word()) continue;
      upper = upper && qi::StartsUpper(in.text, tokens[k]);
      hashtag = hashtag && tokens[k].shape == Shape::kHashtag;
    }
    bool all_caps = t.shape == Shape::kAllCaps;

    bool prep = In(kPlacePreps, pk);
    if (pk == "to") {
      std::string_view ppk = KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(p)));
      prep = In(kMoveVerbs, ppk);
    } else if (pk == "of") {
      std::string_view ppk = KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(p)));
      prep = In(kPlaceOfNouns, ppk);
    }
    std::string_view nk = KeyOf(tokens, qi::NextWordIn(tokens, last));
    bool after = In(kPlaceAfter, nk);
    bool evidence = prep || after;
    // Cheap rejection first: a lowercase word with no place evidence is not a place. Most
    // gazetteer matches in prose end here ("union", "hope"), before the rows are read.
    if (!state && !evidence && !upper && !hashtag) return;

    // Choose the row: the state's own place if a state is given, else the most populous.
    std::optional<uint32_t> row;
    for (uint32_t r : m->values) {
      if (state) {
        if (places_->Get(r, "country") == "US" && Lower(places_->Get(r, "admin1")) == *state) {
          row = r;
          break;
        }
      } else if (!row || Population(r) > Population(*row)) {
        row = r;
      }
    }
    if (!row) {  // no place of that name in that state: the state word says nothing
      state.reset();
      after_state = last;
      if (!evidence && !upper && !hashtag) return;
      for (uint32_t r : m->values)
        if (!row || Population(r) > Population(*row)) row = r;
    }

    bool dictionary = true, name = false;
    for (size_t k = m->first; k <= m->last && dictionary; ++k)
      if (tokens[k].is_word()) dictionary = qi::IsDictionaryWord(tokens[k].key);
    if (single) name = IsGivenName(tokens, i) || IsSurname(tokens, i);

    bool accept = false;
    // "in March", "in May", "on Sunday": a month or a weekday after a preposition is a date;
    // as a town it needs its state or "a March native".
    bool calendar = single && who::IsCalendarWord(t.key);
    if (state) {
      accept = true;
    } else if (calendar) {
      accept = after && upper;
    } else if (dictionary) {
      // "Orange", "Reading", "Hot Springs": an ordinary word needs capitals and a preposition.
      accept = evidence && upper && !all_caps && (pk != "from" || !name);
    } else if (name) {
      // "Jordan", "Austin", "Florence": a person's name unless a place preposition says otherwise.
      accept = (prep && pk != "from" && pk != "to" && (upper || hashtag)) || (after && upper);
      if (!accept && pk == "from" && upper && !all_caps) {
        // "a widower from Austin." — from, then the end of the clause.
        std::string_view next_raw = KeyOf(tokens, static_cast<long>(last) + 1);
        accept = next_raw.empty() || next_raw == "." || next_raw == "," || next_raw == "!" || next_raw == "?" ||
                 next_raw == ")" || next_raw == "with" || next_raw == "who";
      }
      if (!accept && pk == "from" && (upper || hashtag)) {
        // "flew in from Boston for her session", "moved here from Austin": travel before
        // "from" makes the name a place (a gift from Jordan has no travel in it).
        long f = qi::PrevWordIn(tokens, static_cast<size_t>(p));
        std::string_view fk = KeyOf(tokens, f);
        if ((fk == "in" || fk == "here" || fk == "over" || fk == "up" || fk == "down" || fk == "all") && f >= 0)
          fk = KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(f)));
        accept = In(kMoveVerbs, fk) || fk == "came" || fk == "flew" || fk == "drove" || fk == "moved" ||
                 fk == "visiting" || fk == "traveled" || fk == "travelled" || fk == "relocated";
        // "my client from Paris said", "a lady from Austin": a person comes from a place,
        // where a gift or a text comes from a person.
        static constexpr WordSet kPeopleFrom({"client", "clients", "lady", "woman", "man",     "guy",     "gentleman",
                                              "couple", "family",  "girl", "boy",   "regular", "patient", "customer",
                                              "widow",  "widower", "mom",  "dad",   "retiree", "teacher", "nurse"});
        accept = accept || In(kPeopleFrom, KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(p))));
      }
    } else {
      // Distinctive: "Tucson", "Pinedale", "São Paulo".
      if (evidence) accept = true;
      else if ((upper || hashtag) && !single) accept = true;
      else if (upper || hashtag)
        accept = (places_->Get(*row, "country") == "US") || Population(*row) >= 100'000;
    }
    // A local team: "the Westview Wildcats".
    if (single && !name && !state) {
      long n = qi::NextWordIn(tokens, last);
      if (n == static_cast<long>(last) + 1 && upper && qi::StartsUpper(in.text, tokens[n]) &&
          tokens[n].key.size() > 3 && tokens[n].key.back() == 's' && !(words_ && words_->index().LongestAt(tokens, n)) &&
          (pk == "the" || KeyOf(tokens, qi::PrevWordIn(tokens, static_cast<size_t>(p))) == "the" ||
           pk == "go" || pk == "of" || pk == "for")) {
        emit(i, static_cast<size_t>(n),
             "A local school or club team points to one town and a small circle of families and players.", 0.01,
             std::nullopt, {"a local team", "remove"});
        return;
      }
    }
    if (!accept) return;

    double population = std::max(1000.0, Population(*row));
    std::string name_text = std::string(in.text.substr(t.span.start, tokens[last].span.end - t.span.start));
    std::string msg = population < 50'000
                          ? "A small town: with its " + Thousands(population) +
                                " people, a few more details single a client out. Say \"nearby\" or \"in the area\"."
                          : "Naming the city tells readers where to look for this person. Say \"nearby\" or leave "
                            "it out.";
    emit(i, after_state, std::move(msg), population / qi::kUsPopulation, population,
         {"nearby", "in the area", "in town"});
  }

  // "works at Acme Logistics", "works for Smith & Sons Plumbing", "employed by Intel": a
  // named employer points to the people who work there, and colleagues know who is
  // meant. The organisations lexicon has no headcounts, so every employer gets the same
  // rough share as a workplace word ("the Boeing plant").
  template <typename Emit>
  bool TryEmployer(const ScanInput& in, size_t i, Emit& emit) const {
    static constexpr WordSet kWorkVerbs({"works", "work", "worked", "working", "employed", "job", "interns", "interned",
                                         "volunteers", "volunteered", "teaches", "taught"});
    static constexpr WordSet kJoins({"&", "and", "of", "-"});
    const auto& tokens = in.tokens;
    long prep = qi::PrevWordIn(tokens, i);
    if (prep < 0) return false;
    if (tokens[prep].key == "the") prep = qi::PrevWordIn(tokens, static_cast<size_t>(prep));
    if (prep < 0) return false;
    const Key& pk = tokens[prep].key;
    const long verb = qi::PrevWordIn(tokens, static_cast<size_t>(prep));
    if (verb < 0) return false;
    if (pk == "from") {
      // "the redhead from Costco", "the guy from Home Depot": a person of a company's store.
      static constexpr WordSet kPeople({"guy", "lady", "woman", "man", "girl", "boy", "gal", "dude", "fella", "redhead",
                                        "blonde", "brunette", "cashier", "kid", "pharmacist", "manager", "clerk"});
      if (!In(kPeople, tokens[verb])) return false;
      if (auto m = LongestOf(orgs_, tokens, i); !m || !IsCompany(orgs_, *m)) return false;
    } else if (pk != "at" && pk != "for" && pk != "by") {
      return false;
    } else if (!In(kWorkVerbs, tokens[verb]) || (pk == "by" && tokens[verb].key != "employed")) {
      return false;
    }
    if (who::AtSentenceStart(tokens, i) || who::IsCalendarWord(tokens[i].key) || In(kNotAName, tokens[i])) return false;
    // The name: capitalised words, with "&", "and", "of" or a hyphen inside ("Smith & Sons").
    size_t last = i;
    for (size_t words = 1; words < 5;) {
      long n = qi::NextWordIn(tokens, last);
      if (n < 0 || static_cast<size_t>(n) > last + 2 || tokens[n].sentence != tokens[i].sentence) break;
      if (static_cast<size_t>(n) == last + 2 && !In(kJoins, tokens[last + 1])) break;
      if (In(kJoins, tokens[n])) {
        long m = qi::NextWordIn(tokens, static_cast<size_t>(n));
        if (m < 0 || !qi::StartsUpper(in.text, tokens[m])) break;
        last = static_cast<size_t>(m);
        words += 2;
        continue;
      }
      if (!qi::StartsUpper(in.text, tokens[n]) || who::IsCalendarWord(tokens[n].key)) break;
      last = static_cast<size_t>(n);
      ++words;
    }
    // "works at Walmart on Route 9": the branch's street belongs to it.
    if (last + 2 < tokens.size() && tokens[last + 1].key == "on" &&
        (qi::StartsUpper(in.text, tokens[last + 2]) || IsOrdinal(tokens[last + 2].key))) {
      last += 2;
      if (last + 1 < tokens.size() &&
          (tokens[last + 1].shape == Shape::kNumber || KindAt(tokens, last + 1) == "street"))
        ++last;
    }
    emit(i, last, "Naming where someone works points to the people there, and their colleagues will know who this is.",
         0.005, std::nullopt, {"a local business", "remove"});
    return true;
  }

  // "a town of 3,000", "a village of about two hundred people", "our city of 40k": a place
  // the draft does not name but sizes, which is what the risk model needs of it.
  template <typename Emit>
  bool TryTownOfSize(const ScanInput& in, size_t i, Emit& emit) const {
    static constexpr WordSet kHedges({"about", "around", "only", "just", "barely", "roughly", "maybe", "like", "under",
                                      "nearly", "almost", "some", "approximately"});
    static constexpr WordSet kPeople({"people", "residents", "souls", "folks", "inhabitants"});
    static constexpr WordSet kArticles({"a", "an", "the", "our", "my", "this", "that", "her", "his", "their"});
    const auto& tokens = in.tokens;
    long at = qi::NextWordIn(tokens, i);
    if (at < 0 || tokens[at].key != "of") return false;
    at = qi::NextWordIn(tokens, static_cast<size_t>(at));
    if (at >= 0 && In(kHedges, tokens[at])) at = qi::NextWordIn(tokens, static_cast<size_t>(at));
    if (at < 0) return false;
    size_t last = static_cast<size_t>(at);
    std::optional<double> size = CountAt(in, last);  // moves `last` past "eighty-five"
    if (!size) return false;
    for (long n = qi::NextWordIn(tokens, last); n >= 0; n = qi::NextWordIn(tokens, last)) {
      const double times = tokens[n].key == "hundred"    ? 100
                           : tokens[n].key == "thousand" ? 1000
                           : tokens[n].key == "million"  ? 1e6
                                                         : 0;
      if (times == 0) break;
      *size *= times;
      last = static_cast<size_t>(n);
    }
    if (*size < 10 || *size > 10'000'000) return false;  // "a city of 2": not a population
    if (long n = qi::NextWordIn(tokens, last); n >= 0 && In(kPeople, tokens[n])) last = static_cast<size_t>(n);
    const long before = qi::PrevWordIn(tokens, i);
    const size_t first = before >= 0 && In(kArticles, tokens[before]) ? static_cast<size_t>(before) : i;
    const bool small = *size < 50'000;
    std::string msg = small ? "A small town: with its " + Thousands(*size) +
                                  " people, a few more details single a client out. Leave its size out."
                            : "The size of the city tells readers where to look for this person. Leave it out.";
    // No frequency: which town it is stays unknown (one of thousands that size), but the
    // risk model counts the other details against its people.
    emit(first, last, std::move(msg), std::nullopt, *size, {small ? "a small town" : "a city", "remove"});
    return true;
  }
  // "moved here from Ghana", "born in Vietnam", "she's from Brazil": where someone comes
  // from narrows them to the people here who were born there. Not a trip ("just got back
  // from Italy"), and a country that is also a given name ("a gift from Jordan") only with
  // words that say origin. Returns the country's last token, found or not, so that the
  // gazetteer's Italy, Texas (1,900 people) does not stand in for Italy; a state after it
  // ("Mexico, MO") leaves it to the gazetteer.
  template <typename Emit>
  std::optional<size_t> TryCountryOfOrigin(const ScanInput& in, size_t i, Emit& emit) const {
    static constexpr WordSet kFromOrigin({"moved", "immigrated", "emigrated", "came", "comes", "fled", "originally",
                                          "is", "was", "are", "here", "relocated", "arrived", "adopted", "family",
                                          "refugee", "native", "hails", "hail"});
    static constexpr WordSet kTrip({"back", "home", "returned", "returning", "vacation", "trip", "postcard"});
    static constexpr WordSet kInOrigin({"born", "raised", "up", "grew"});
    if (!countries_) return std::nullopt;
    const auto& tokens = in.tokens;
    auto m = countries_->index().LongestAt(tokens, i);
    if (!m) return std::nullopt;
    if (StateAfter(tokens, m->last)) return std::nullopt;
    const long prep = qi::PrevWordIn(tokens, i);
    const std::string_view p = prep >= 0 ? std::string_view(tokens[prep].key) : std::string_view();
    const long before = prep >= 0 ? qi::PrevWordIn(tokens, static_cast<size_t>(prep)) : -1;
    const Token* b = before >= 0 ? &tokens[before] : nullptr;
    const bool she_is = b && b->possessive && (b->key == "she" || b->key == "he" || b->key == "who");
    bool strong = false, weak = false;
    if (p == "from") {
      strong = b && (In(kFromOrigin, *b) || she_is);
      weak = !b || !In(kTrip, *b);
    } else if (p == "in") {
      strong = b && In(kInOrigin, *b);
    } else if (p == "of") {
      strong = b && b->key == "native";
    }
    // Lowercase only with words that say origin: "moved here from ghana", not "from turkey".
    const bool upper = qi::StartsUpper(in.text, tokens[i]);
    if (!strong && !(weak && upper && !IsGivenName(tokens, i)))
      return upper ? std::optional<size_t>(m->last) : std::nullopt;
    double born = 0;
    for (uint32_t r : m->values) born = std::max(born, countries_->GetNumber(r, "us_residents_born_there").value_or(0));
    if (born <= 0) return std::nullopt;
    emit(i, m->last,
         "Where someone was born or grew up narrows it to the " + Thousands(born) +
             " or so people here who come from there; in a small town, to a family or two. Leave it out.",
         born / qi::kUsPopulation, std::nullopt, {"abroad", "another country", "remove"});
    return m->last;
  }
  // "in Harvard", "near Kohler", "Harvard, MA": a town's words around a name.
  bool TownAround(const std::vector<Token>& tokens, size_t first, size_t last) const {
    static constexpr WordSet kTownBefore({"in", "near", "outside", "around", "downtown", "suburban"});
    const long p = qi::PrevWordIn(tokens, first);
    if (p >= 0 && In(kTownBefore, tokens[p])) return true;
    return StateAfter(tokens, last).has_value();
  }
  // A US state after the place name that ends at token `last`: "Pinedale, WY", "Sitka
  // Alaska" (lowercase postal abbreviation, and the state's last token).
  struct State {
    std::string abbreviation;
    size_t last;
  };
  std::optional<State> StateAfter(const std::vector<Token>& tokens, size_t last) const {
    size_t j = last + 1;
    if (j < tokens.size() && tokens[j].key == ",") ++j;
    if (j >= tokens.size() || !tokens[j].is_word() || tokens[j].sentence != tokens[last].sentence) return std::nullopt;
    std::string_view k = tokens[j].key;
    // "in", "or", "me" are words before they are Indiana, Oregon and Maine.
    if (k.size() == 2 && abbr_to_state_.count(std::string(k)) &&
        (tokens[j].shape == Shape::kAllCaps || !In(kWordAbbrs, k)))
      return State{std::string(k), j};
    if (states_)
      if (auto sm = states_->index().LongestAt(tokens, j))
        return State{Lower(states_->Get(sm->values.front(), "abbreviation")), sm->last};
    return std::nullopt;
  }

  // A count at token i: "900", "3,000", "40k", "twelve"; `i` becomes its last token.
  static std::optional<double> CountAt(const ScanInput& in, size_t& i) {
    std::string_view key = in.tokens[i].key;
    double scale = 1;
    if (key.size() > 1 && (key.back() == 'k') && key[0] >= '0' && key[0] <= '9') {
      key.remove_suffix(1);
      scale = 1000;
    }
    if (!key.empty() && key[0] >= '0' && key[0] <= '9') {
      double v = 0;
      size_t digits = 0;
      for (char c : key) {
        if (c == ',') continue;
        if (c < '0' || c > '9' || ++digits > 9) return std::nullopt;
        v = v * 10 + (c - '0');
      }
      return v * scale;
    }
    if (auto n = qi::NumberAt(in, i)) {
      i = n->last;
      return n->value;
    }
    return std::nullopt;
  }

  static std::optional<PhraseIndex::Match> LongestOf(const Lexicon* lex, const std::vector<Token>& tokens,
                                                     size_t i) {
    if (!lex) return std::nullopt;
    return lex->index().LongestAt(tokens, i);
  }

  double Population(uint32_t row) const { return places_->GetNumber(row, "population").value_or(0); }

  bool IsGivenName(const std::vector<Token>& tokens, size_t i) const {
    return NameFrequency(given_, tokens, i) >= 5e-6;
  }
  bool IsSurname(const std::vector<Token>& tokens, size_t i) const {
    return NameFrequency(surnames_, tokens, i) >= 5e-6;
  }
  // The frequency of the one-word name at token i (0 when it is not one).
  static double NameFrequency(const Lexicon* lex, const std::vector<Token>& tokens, size_t i) {
    if (!lex) return 0;
    auto m = lex->index().LongestAt(tokens, i);
    if (!m || m->last != i) return 0;
    double best = 0;
    for (uint32_t r : m->values) best = std::max(best, lex->GetNumber(r, "frequency").value_or(0));
    return best;
  }

  static std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return out;
  }
  static std::string Thousands(double x) {
    std::string digits = std::to_string(static_cast<long long>(x + 0.5)), out;
    int n = static_cast<int>(digits.size());
    for (int k = 0; k < n; ++k) {
      out += digits[k];
      if ((n - k - 1) % 3 == 0 && k != n - 1) out += ',';
    }
    return out;
  }

  const Lexicon* places_;
  const Lexicon* states_;
  const Lexicon* words_;
  const Lexicon* given_;
  const Lexicon* surnames_;
  const Lexicon* events_;
  const Lexicon* orgs_;
  const Lexicon* figures_;
  const Lexicon* countries_;
  std::unordered_map<std::string, size_t> abbr_to_state_;
  PhraseIndex neighbours_;
};

}  // namespace

std::unique_ptr<Detector> MakePlaceDetector(const LexiconSet& lexicons) {
  return std::make_unique<PlaceDetector>(lexicons);
}

}  // namespace discreet
