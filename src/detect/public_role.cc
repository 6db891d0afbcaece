// public-role: a role that only one person (or a handful) holds names that person as surely
// as a name does.
//  - "<role> of|for|at <organisation|team|place|event|Named Thing>": "the CEO of the Miami
//    Dolphins", "the mayor of Burlington", "the principal of Jefferson High", "the Crown
//    Prince of Dubai"; also "the Dolphins' CEO", "Burlington's mayor";
//  - "<public figure>'s <relation>": "Beyoncé's manager", "Tom Brady's trainer";
//  - a role every town has one of, with no town named, about a client: "the mayor came in
//    today", "my client, the sheriff's wife" (the writer's own town is the scope);
//  - "the winner(s) of <event>": "one of the winners of the Stanley Cup";
//  - uniques and superlatives: "our town's only veterinarian", "the oldest member of the
//    Rotary Club", "the only female welder at the shipyard", "the owner of the yellow food
//    truck", "the lady who owns the flower shop".
// frequency = holders / population of the scope (a place's population; the US for an
// organisation or event; 100,000 for "our town" or "the shipyard"); one holder → direct.
#include <algorithm>
#include <cmath>

#include "detect/qi_common.h"
#include "detect/registry.h"
#include "detect/who.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using who::Cue;

constexpr double kLocalPopulation = 100'000;
// Up to this many holders a role is a public one ("a senator from Vermont", "the head nurse
// at St. Mary's"); beyond it, one job among many at that place.
constexpr double kHandful = 10;

bool IsUniqueWord(const Token& t) {
  static constexpr WordSet kWords(
      {"only",    "sole",     "lone",     "last",    "first",    "oldest",          "youngest",
       "tallest", "shortest", "eldest",   "richest", "fastest",  "strongest",       "longest",
       "newest",  "biggest",  "smallest", "loudest", "heaviest", "longest-serving", "longest-running"});
  return In(kWords, t);
}

// Nouns for people that can head "the only ___" / "the oldest ___".
bool IsPersonNoun(std::string_view k) {
  static constexpr WordSet kWords(
      {"member",    "woman",    "women",       "man",         "men",     "lady",     "guy",         "girl",
       "boy",       "person",   "resident",    "kid",         "female",  "male",     "student",     "employee",
       "worker",    "mom",      "dad",         "mother",      "father",  "veteran",  "survivor",    "athlete",
       "client",    "customer", "patient",     "regular",     "citizen", "villager", "inhabitant",  "parishioner",
       "volunteer", "graduate", "grandmother", "grandfather", "twin",    "triplet",  "centenarian", "one",
       "partner",   "members",  "residents",   "students",    "players", "athletes", "veterans",    "employees"});
  return In(kWords, k);
}
bool IsTimeNoun(std::string_view k) {
  static constexpr WordSet kWords({"day",       "days",    "week",  "weekend", "month",   "year", "morning",
                                   "afternoon", "evening", "night", "season",  "today",   "time", "session",
                                   "hour",      "shift",   "round", "game",    "quarter", "half"});
  return In(kWords, k);
}
// "the owner of the studio": our own business, not a client.
bool IsOwnBusinessNoun(std::string_view k) {
  static constexpr WordSet kWords(
      {"studio",     "clinic",   "spa",          "practice",     "business",     "salon",         "center",
       "centre",     "office",   "company",      "team",         "place",        "shop",          "world",
       "house",      "universe", "planet",       "internet",     "group",        "family",        "household",
       "party",      "class",    "program",      "programme",    "show",         "club",          "league",
       "department", "board",    "organization", "organisation", "school",       "town",          "city",
       "country",    "state",    "county",       "village",      "neighborhood", "neighbourhood", "church"});
  return In(kWords, k);
}
bool IsLocalNoun(std::string_view k) {
  static constexpr WordSet kWords({"town",      "city",     "village",  "neighborhood", "neighbourhood", "county",
                                   "community", "parish",   "island",   "valley",       "area",          "township",
                                   "borough",   "suburb",   "school",   "church",       "street",        "block",
                                   "building",  "base",     "hospital", "mill",         "plant",         "factory",
                                   "shipyard",  "mine",     "farm",     "gym",          "league",        "congregation",
                                   "district",  "precinct", "station",  "firehouse",    "department",    "firm"});
  return In(kWords, k);
}
// Words that end a described scope: "the yellow food truck | by the courthouse".
bool IsStopWord(std::string_view k) {
  static constexpr WordSet kWords(
      {"and",  "or",      "but",    "who",      "whom",  "whose", "that",    "which",     "with",    "in",
       "at",   "on",      "of",     "for",      "to",    "by",    "near",    "from",      "behind",  "across",
       "next", "outside", "inside", "downtown", "is",    "was",   "are",     "were",      "has",     "had",
       "a",    "an",      "the",    "this",     "these", "those", "today",   "yesterday", "tonight", "again",
       "here", "there",   "so",     "as",       "if",    "when",  "while",   "because",   "she",     "he",
       "they", "i",       "we",     "you",      "it",    "just",  "finally", "came",      "comes",   "said",
       "told", "booked",  "will",   "would",    "can",   "could", "should",  "may",       "might",   "must",
       "be",   "been",    "does",   "did",      "down",  "around"});
  return IsTimeNoun(k) || In(kWords, k);
}
bool IsDeterminerish(std::string_view k) {
  static constexpr WordSet kWords(
      {"the", "our", "their", "his", "her", "my", "your", "this", "that", "a", "an", "its"});
  return In(kWords, k);
}
// "the lady who owns|runs the flower shop".
constexpr WordSet kOwnerVerbs({"owns", "owned", "runs", "manages", "managed"});
constexpr WordSet kOwnerOpeners({"the", "our", "my", "this", "that"});
// What an owner owns or runs, besides place words ("bakery", "farm") and local nouns ("league").
constexpr WordSet kBusinessNouns({"truck",     "cart",    "stand",   "booth",      "kitchen", "boutique",
                                  "bookstore", "brewery", "winery",  "vineyard",   "nursery", "daycare",
                                  "shelter",   "market",  "bistro",  "barbershop", "gallery", "hotel",
                                  "motel",     "inn",     "theater", "theatre",    "cinema"});
// Words before "studio" or "shop" that make it our own kind of business.
constexpr WordSet kOwnTrades({"massage", "bodywork", "spa", "wellness", "therapy", "yoga", "pilates", "acupuncture",
                              "chiropractic", "physio", "reiki", "float"});
// Between a role and its organisation: "VP of marketing at Nike".
// clang-format off
constexpr WordSet kDepartments(
    {"marketing", "sales", "finance", "operations", "engineering", "hr", "human", "resources", "communications",
     "product", "products", "technology", "it", "development", "business", "research", "design", "strategy",
     "people", "talent", "legal", "compliance", "security", "partnerships", "growth", "content", "customer",
     "success", "data", "analytics", "infrastructure", "logistics", "procurement", "brand", "digital", "public",
     "relations", "pr", "accounting", "purchasing", "merchandising", "innovation", "global"});
// clang-format on
// What opens a described scope: "the studio", "our gym", "his team".
constexpr WordSet kScopeOpeners({"the", "our", "this", "my", "their", "his", "her"});
// "the mayor of|for|at|with|in <scope>", "the QB from our high school".
constexpr WordSet kRolePreps({"of", "for", "at", "with", "in", "from"});
// Role kinds a generic scope may follow ("the CEO of a bank"): one holder is still telling.
constexpr WordSet kGenericScopeKinds({"executive", "business", "official", "education", "religious", "health",
                                      "public-safety", "media", "military"});
// "our town's mayor".
constexpr WordSet kLocalOwners({"our", "this", "my", "the"});
// What may come before "only" / "oldest": "the only", "our oldest", "its last".
constexpr WordSet kUniqueOpeners({"the", "our", "their", "his", "her", "its"});
// "I'm the only ...", "we're the oldest ...": the writer about themself.
constexpr WordSet kSelfVerbs({"i'm", "im", "am", "we're", "are", "be", "become", "became"});
// Words that end the head of "the only ___".
constexpr WordSet kHeadEnders({"of", "at", "in", "on", "for", "to", "who", "that", "and", "with"});
// "my first client of the day" is no unique person.
constexpr WordSet kOrderWords({"first", "last", "newest"});
constexpr WordSet kClientNouns({"client", "customer", "patient", "regular"});
// "the only welder of|at|in|on|for <scope>".
constexpr WordSet kScopePreps({"of", "at", "in", "on", "for"});

// Modifiers between a possessive and a role: "Beyoncé's longtime manager".
bool IsRoleModifier(std::string_view k) {
  static constexpr WordSet kWords({"longtime", "long-time", "personal", "former", "new", "current", "private", "own",
                                   "tour", "head", "lead", "chief", "senior", "main", "favorite", "favourite",
                                   "trusted", "top", "ex"});
  return In(kWords, k);
}

enum class ScopeKind { kNone, kOrganisation, kEvent, kPlace, kNamed, kLocal, kGeneric, kFigure };

struct Scope {
  ScopeKind kind = ScopeKind::kNone;
  size_t first = 0, last = 0;
  double population = kLocalPopulation;
  double participants = 0;  // events
  bool famous() const {
    return kind == ScopeKind::kOrganisation || kind == ScopeKind::kEvent || kind == ScopeKind::kPlace ||
           kind == ScopeKind::kFigure;
  }
};

struct RoleRow {
  double holders = 1;
  std::string_view kind, suggestion;
  bool local = false;  // one in every town: "the mayor"
};

class PublicRoleDetector : public Detector {
 public:
  explicit PublicRoleDetector(const LexiconSet& lexicons)
      : roles_(lexicons.Find("roles")),
        organisations_(lexicons.Find("organisations")),
        events_(lexicons.Find("events")),
        places_(lexicons.Find("places")),
        states_(lexicons.Find("us_states")),
        place_words_(lexicons.Find("place_words")),
        occupations_(lexicons.Find("occupations")),
        figures_(lexicons) {}

  std::string_view id() const override { return "builtin/public-role"; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    if (!roles_) return;
    State st{in, {}, {}};
    const auto& tokens = in.tokens;
    size_t next_free = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i < next_free || !who::IsAlphaWord(tokens[i])) continue;
      long end = -1;
      if (IsUniqueWord(tokens[i]) || tokens[i].key == "few") end = UniqueAt(st, i, out);
      if (end < 0 && (tokens[i].possessive || NextIsApostrophe(tokens, i) ||
                      (i + 1 < tokens.size() && tokens[i + 1].possessive)))
        end = PossessorAt(st, i, out);
      if (end < 0) end = RoleAt(st, i, out);
      if (end < 0 && (tokens[i].key == "won" || tokens[i].key == "wins")) end = WonAt(st, i, out);
      if (end < 0 && In(kOwnerVerbs, tokens[i])) end = OwnerClauseAt(st, i, out);
      if (end < 0 && tokens[i].key == "miss") end = PageantTitleAt(st, i, out);
      if (end >= 0) next_free = static_cast<size_t>(end) + 1;
    }
  }

 private:
  struct State {
    const ScanInput& in;
    std::optional<who::CaseInfo> cases;
    std::optional<who::ContextCues::Map> ctx;
    const who::CaseInfo& Cases() {
      if (!cases) cases.emplace(in.tokens);
      return *cases;
    }
  };
  const who::ContextCues::Map& Ctx(State& s) const {
    if (!s.ctx) s.ctx = cues_.Analyse(s.in.tokens);
    return *s.ctx;
  }

  static bool NextIsApostrophe(const std::vector<Token>& tokens, size_t i) {
    return i + 1 < tokens.size() && (tokens[i + 1].key == "'") && tokens[i + 1].span.start == tokens[i].span.end;
  }

  RoleRow Row(uint32_t r) const {
    RoleRow row;
    row.holders = roles_->GetNumber(r, "holders").value_or(1);
    row.kind = roles_->Get(r, "kind");
    row.suggestion = roles_->Get(r, "suggestion");
    row.local = roles_->GetNumber(r, "local") == 1.0;
    return row;
  }

  // A role phrase at token i: longest match in roles.tsv, or a plural ("winners").
  std::optional<PhraseIndex::Match> RoleMatch(const std::vector<Token>& tokens, size_t i, bool& plural) const {
    plural = false;
    if (auto m = roles_->index().LongestAt(tokens, i)) return m;
    std::string_view k = tokens[i].key;
    if (k.size() > 3 && k.back() == 's') {
      auto v = who::WordValues(roles_, k.substr(0, k.size() - 1));
      if (!v.empty()) {
        plural = true;
        return PhraseIndex::Match{i, i, v};
      }
    }
    return std::nullopt;
  }

  // The scope after a preposition at token `at` (the first word of it).
  Scope ScopeAt(State& s, size_t at, bool allow_generic) const {
    const auto& tokens = s.in.tokens;
    const std::string_view text = s.in.text;
    Scope sc;
    if (at >= tokens.size()) return sc;
    size_t k = at;
    bool the = false;
    if (In(kScopeOpeners, tokens[k])) {
      the = tokens[k].key == "the";
      bool own = !the;
      long n = who::NextWord(tokens, k);
      if (n < 0 || tokens[n].sentence != tokens[k].sentence) return sc;
      k = static_cast<size_t>(n);
      if (own) {
        // "our town", "this shipyard", "my church", "our local hospital", "our Regional
        // Airport": up to two words, then a local noun or a place word.
        // "the VP of marketing at our studio": the writer's own business, not someone else's.
        static constexpr WordSet kOwnPremises({"studio", "clinic", "spa", "practice", "salon", "office"});
        if ((tokens[at].key == "our" || tokens[at].key == "my") && In(kOwnPremises, tokens[k])) return sc;
        size_t j = k;
        for (int words = 0; words < 3; ++words) {
          if (IsLocalNoun(tokens[j].key) || !who::WordValues(place_words_, tokens[j]).empty()) {
            // "our high school", "our fire station": a second place word belongs to it.
            if (j + 1 < tokens.size() && tokens[j + 1].sentence == tokens[j].sentence &&
                (IsLocalNoun(tokens[j + 1].key) || !who::WordValues(place_words_, tokens[j + 1]).empty()))
              ++j;
            return Scope{ScopeKind::kLocal, at, j};
          }
          long m = who::NextWord(tokens, j);
          if (m < 0 || static_cast<size_t>(m) != j + 1 || !who::IsAlphaWord(tokens[j]) || IsStopWord(tokens[j].key))
            break;
          j = static_cast<size_t>(m);
        }
        return sc;
      }
    }
    if (!who::IsAlphaWord(tokens[k])) return sc;
    // "the owner of a sore neck": an indefinite scope is one of many, never a unique role.
    if (tokens[k].key == "a" || tokens[k].key == "an") return sc;
    bool informative = s.Cases().Informative(tokens[k]);
    if (organisations_) {
      if (auto m = organisations_->index().LongestAt(tokens, k)) {
        bool cased = !informative || who::StartsUpper(text, tokens[k]);
        if (cased) return Scope{ScopeKind::kOrganisation, at, m->last, who::kUsPopulation};
      }
    }
    if (events_) {
      if (auto m = events_->index().LongestAt(tokens, k)) {
        Scope e{ScopeKind::kEvent, at, m->last, who::kUsPopulation};
        for (uint32_t r : m->values) e.participants = std::max(e.participants, events_->GetNumber(r, "participants").value_or(0));
        return e;
      }
    }
    if (auto fig = figures_.At(text, tokens, k, s.Cases())) return Scope{ScopeKind::kFigure, at, fig->last, who::kUsPopulation};
    bool cased = !informative || who::StartsUpper(text, tokens[k]);
    // "Jefferson High", "Lincoln Elementary", "jefferson high": words and a place word.
    {
      size_t j = k;
      for (int words = 0; words < 4; ++words) {
        if (words > 0 && !who::WordValues(place_words_, tokens[j]).empty() &&
            (cased || !informative) && !IsOwnBusinessNoun(tokens[k].key))
          return Scope{ScopeKind::kNamed, at, j};
        long n = who::NextInName(text, tokens, j);
        if (n < 0 || !who::IsAlphaWord(tokens[n])) break;
        j = static_cast<size_t>(n);
      }
    }
    if (cased) {
      for (const Lexicon* lex : {places_, states_}) {
        if (!lex) continue;
        if (auto m = lex->index().LongestAt(tokens, k)) {
          double pop = 0;
          for (uint32_t r : m->values) pop = std::max(pop, lex->GetNumber(r, "population").value_or(0));
          if (pop > 0) return Scope{ScopeKind::kPlace, at, m->last, pop};
        }
      }
    }
    // A capitalised name: "Acme Corp", "the Westview Wildcats".
    if (informative && who::StartsUpper(text, tokens[k]) && !who::AtSentenceStart(tokens, k)) {
      size_t j = k;
      while (true) {
        long n = who::NextInName(text, tokens, j);
        if (n < 0 || !who::StartsUpper(text, tokens[n])) break;
        j = static_cast<size_t>(n);
      }
      return Scope{ScopeKind::kNamed, at, j};
    }
    // "the yellow food truck", "the shipyard", "the local high school".
    if (the && allow_generic) {
      size_t j = k, last = k;
      size_t taken = 0;
      bool local = false;
      while (taken < 4) {
        const Token& w = tokens[j];
        if (!who::IsAlphaWord(w) || (w.shape != Shape::kLower && informative) || IsStopWord(w.key)) break;
        // "the owner of the studio will be away": our own business. With a word before it,
        // "the flower shop" is someone else's, unless the word is our trade ("the massage
        // studio").
        if (IsOwnBusinessNoun(w.key) && (taken == 0 || In(kOwnTrades, tokens[last]))) return sc;
        ++taken;
        last = j;
        local = local || IsLocalNoun(w.key) || w.key == "local";
        long n = who::NextInName(text, tokens, j);
        if (n < 0 || w.possessive) break;
        j = static_cast<size_t>(n);
      }
      if (taken == 0 || IsTimeNoun(tokens[last].key) || (taken == 1 && IsOwnBusinessNoun(tokens[last].key))) return sc;
      if (taken >= 2 || local) return Scope{local ? ScopeKind::kLocal : ScopeKind::kGeneric, at, last};
    }
    return sc;
  }

  // "<role> of|for|at|with <scope>" and "<Org|Place>('s) <role>".
  long RoleAt(State& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    bool plural = false;
    auto m = RoleMatch(tokens, i, plural);
    if (!m) return -1;
    std::vector<RoleRow> rows;
    for (uint32_t r : m->values)
      if (Row(r).kind != "relation") rows.push_back(Row(r));
    if (rows.empty()) return -1;
    bool informative = s.Cases().Informative(tokens[i]);
    if (tokens[i].key.size() <= 3 && informative && tokens[i].shape == Shape::kLower) return -1;  // "co", "ad", "da"
    if (InOrganisationName(s, i)) return -1;  // "works at the Dollar General", "General Motors"
    RoleRow row = *std::min_element(rows.begin(), rows.end(), [](const RoleRow& a, const RoleRow& b) { return a.holders < b.holders; });
    size_t role_last = m->last;
    Scope sc;
    // The role phrase may end in "of" ("mayor of").
    if (tokens[role_last].key == "of") {
      long n = who::NextWord(tokens, role_last);
      if (n >= 0 && tokens[n].sentence == tokens[i].sentence) sc = ScopeAt(s, static_cast<size_t>(n), false);
      if (sc.kind == ScopeKind::kNone) return -1;
    } else {
      long p = who::NextWord(tokens, role_last);
      if (p >= 0 && p == static_cast<long>(role_last) + 1 && tokens[p].sentence == tokens[i].sentence &&
          In(kRolePreps, tokens[p]) && !tokens[role_last].possessive) {
        long n = who::NextWord(tokens, p);
        bool generic_ok = row.holders <= 1 && In(kGenericScopeKinds, row.kind);
        if (n >= 0 && tokens[n].sentence == tokens[i].sentence)
          sc = ScopeAt(s, static_cast<size_t>(n), generic_ok && tokens[p].key == "of");
        // "the mayor in Burlington" reads as a place, not an employer; fine either way.
        if (sc.kind == ScopeKind::kNone && n >= 0 && tokens[p].key == "of") sc = ScopeAfterDepartment(s, i, n);
      }
    }
    size_t first = i;
    if (sc.kind == ScopeKind::kNone) {
      // "the Dolphins' CEO", "Burlington's mayor", "Kansas City Chiefs quarterback".
      sc = ScopeBefore(s, i);
      if (sc.kind == ScopeKind::kNone) return plural ? -1 : LocalRoleAt(s, i, *m, out);
      first = sc.first;
      sc.last = role_last;
    }
    // Event scopes suit winners, champions and MVPs; "the CEO of the Super Bowl" does not parse.
    double holders = row.holders;
    if (sc.kind == ScopeKind::kEvent) {
      if (row.kind != "sports") return -1;
      if (plural) holders = std::max(2.0, sc.participants / 2);
    } else if (plural) {
      holders = std::max(holders, 2.0);
    }
    // "one of the ..." widens a single-holder role.
    long p1 = who::PrevWord(tokens, i);
    if (p1 >= 0 && tokens[p1].key == "the") {
      long p2 = who::PrevWord(tokens, p1), p3 = p2 >= 0 ? who::PrevWord(tokens, p2) : -1;
      if (p2 >= 0 && p3 >= 0 && tokens[p2].key == "of" && tokens[p3].key == "one") holders = std::max(holders, 2.0);
    }
    size_t last = std::max(sc.last, role_last);
    // "a nurse at St. Mary's", "a teacher at Jefferson High": one of dozens, whom nobody
    // looks up. A team's roster is public however long it is.
    if (holders > kHandful && row.kind != "sports" && sc.kind != ScopeKind::kEvent) {
      EmitJobAtPlace(s, first, last, holders, sc, row.suggestion, out);
      return static_cast<long>(last);
    }
    EmitRole(s, first, last, holders, sc, row.suggestion, out);
    return static_cast<long>(last);
  }

  // "VP of marketing at Nike", "director of human resources for the Red Cross": the
  // organisation after a department.
  Scope ScopeAfterDepartment(State& s, size_t i, long n) const {
    const auto& tokens = s.in.tokens;
    long j = n;
    int words = 0;
    for (; j >= 0 && words < 3 && tokens[j].sentence == tokens[i].sentence && In(kDepartments, tokens[j]); ++words)
      j = who::NextWord(tokens, j);
    if (words == 0 || j < 0 || tokens[j].sentence != tokens[i].sentence ||
        (tokens[j].key != "at" && tokens[j].key != "for"))
      return {};
    const long org = who::NextWord(tokens, j);
    if (org < 0 || tokens[org].sentence != tokens[i].sentence) return {};
    return ScopeAt(s, static_cast<size_t>(org), false);
  }

  // "the mayor", "our fire chief", "the sheriff's wife", with no town named: a role every
  // town has one of is the writer's own town's, one person to every local reader. Only
  // in a sentence about a client: "the mayor's proclamation" or "thanks to the mayor for
  // cutting the ribbon" is civic news, and the occupation finding still notes the role.
  long LocalRoleAt(State& s, size_t i, const PhraseIndex::Match& m, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    auto local = std::find_if(m.values.begin(), m.values.end(), [&](uint32_t r) { return Row(r).local; });
    if (local == m.values.end() || tokens[m.last].key == "of") return -1;
    const RoleRow row = Row(*local);
    long p = who::PrevWord(tokens, i);
    // "the former fire chief": one modifier may stand between.
    if (p >= 0 && tokens[p].sentence == tokens[i].sentence &&
        (IsRoleModifier(tokens[p].key) || tokens[p].key == "late"))
      p = who::PrevWord(tokens, p);
    if (p < 0 || tokens[p].sentence != tokens[i].sentence || (tokens[p].key != "the" && tokens[p].key != "our"))
      return -1;
    const Token& first = tokens[p];
    // A strong client cue in the same sentence: "The mayor declared October Massage
    // Therapy Month! Thank you, Mayor Lee." has only the weak "massage" in it.
    if (Ctx(s).ClientAt(first) != Cue::kStrong) return -1;
    size_t last = m.last;
    double holders = row.holders;
    std::string_view suggestion = row.suggestion;
    // "the mayor's wife": the relation is the person meant.
    if (tokens[last].possessive || NextIsApostrophe(tokens, last)) {
      long n = who::NextWord(tokens, tokens[last].possessive ? last : last + 1);
      for (int mods = 0; n >= 0 && mods < 2 && IsRoleModifier(tokens[n].key); ++mods) n = who::NextWord(tokens, n);
      if (n < 0 || tokens[n].sentence != tokens[i].sentence) return -1;
      bool plural = false;
      auto rel = RoleMatch(tokens, static_cast<size_t>(n), plural);
      if (!rel || Row(rel->values.front()).kind != "relation") return -1;  // "the mayor's proclamation"
      last = rel->last;
      holders = plural ? std::max(Row(rel->values.front()).holders, 2.0) : Row(rel->values.front()).holders;
      suggestion = "a client";
    } else if (const long of = who::PrevWord(tokens, p); of >= 0 && tokens[of].key == "of") {
      // "the widow of the former fire chief": the relation before "of" is the person meant.
      const long r = who::PrevWord(tokens, of);
      bool plural = false;
      if (r >= 0 && tokens[r].sentence == tokens[i].sentence)
        if (auto rel = RoleMatch(tokens, static_cast<size_t>(r), plural);
            rel && rel->last == static_cast<size_t>(r) && Row(rel->values.front()).kind == "relation") {
          holders = plural ? std::max(Row(rel->values.front()).holders, 2.0) : Row(rel->values.front()).holders;
          suggestion = "a client";
          p = r;
        }
    }
    EmitRole(s, static_cast<size_t>(p), last, holders, Scope{ScopeKind::kLocal, static_cast<size_t>(p), last},
             suggestion, out);
    return static_cast<long>(last);
  }

  // "won the Boston Marathon", "wins the Stanley Cup": the verb form of "the winner of
  // <event>". Two holders: a race has a winner in each division.
  long WonAt(State& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    const long n = who::NextWord(tokens, i);
    if (n < 0 || tokens[n].sentence != tokens[i].sentence) return -1;
    const Scope sc = ScopeAt(s, static_cast<size_t>(n), false);
    if (sc.kind != ScopeKind::kEvent) return -1;
    EmitRole(s, i, sc.last, 2.0, sc, "an athlete", out);
    return static_cast<long>(sc.last);
  }

  // "my client, Miss Wyoming 2024": a pageant's title held by a client names the one winner.
  // "the Miss Wyoming pageant", "won Miss Wyoming" and "watching Miss America" are the event.
  long PageantTitleAt(State& s, size_t i, std::vector<Finding>& out) const {
    static constexpr WordSet kEventWords({"the", "at", "in", "won", "win", "wins", "winning", "for", "of", "to",
                                          "watch", "watched", "watching", "enter", "entered", "judge", "judged"});
    const auto& tokens = s.in.tokens;
    if (!events_ || !who::StartsUpper(s.in.text, tokens[i])) return -1;
    auto m = events_->index().LongestAt(tokens, i);
    if (!m || m->last == i || events_->Get(m->values.front(), "kind") != "pageant") return -1;
    const long p = who::PrevWord(tokens, i);
    if (p >= 0 && tokens[p].sentence == tokens[i].sentence && In(kEventWords, tokens[p])) return -1;
    const long n = who::NextWord(tokens, m->last);
    if (n >= 0 && tokens[n].key == "pageant") return -1;
    if (!AboutClient(s, tokens[i])) return -1;
    EmitRole(s, i, m->last, 1, Scope{ScopeKind::kEvent, i, m->last, who::kUsPopulation}, "a pageant winner", out);
    return static_cast<long>(m->last);
  }

  // "the lady who owns the flower shop", "our regular who runs the taco truck": the verb
  // form of "the owner of <business>", one holder. Not an event: "the guy who runs the
  // Boston Marathon" is a race director, and "ran" is mostly a runner.
  long OwnerClauseAt(State& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    const long who_at = who::PrevWord(tokens, i);
    if (who_at < 0 || (tokens[who_at].key != "who" && tokens[who_at].key != "that")) return -1;
    const long noun = who::PrevWord(tokens, who_at);
    if (noun < 0 || !IsPersonNoun(tokens[noun].key)) return -1;
    const long opener = who::PrevWord(tokens, noun);
    if (opener < 0 || !In(kOwnerOpeners, tokens[opener]) || tokens[opener].sentence != tokens[i].sentence) return -1;
    const long n = who::NextWord(tokens, i);
    if (n < 0 || tokens[n].sentence != tokens[i].sentence) return -1;
    const Scope sc = ScopeAt(s, static_cast<size_t>(n), true);
    if (sc.kind == ScopeKind::kNone || sc.kind == ScopeKind::kEvent) return -1;
    // A described scope must be a business or a place: "owns the cutest dog" is a pet.
    if (sc.kind == ScopeKind::kGeneric || sc.kind == ScopeKind::kLocal) {
      const Token& head = tokens[sc.last];
      if (!IsLocalNoun(head.key) && !IsOwnBusinessNoun(head.key) && !In(kBusinessNouns, head) &&
          who::WordValues(place_words_, head).empty())
        return -1;
    }
    EmitRole(s, static_cast<size_t>(noun), sc.last, 1, sc, "a local business owner", out);
    return static_cast<long>(sc.last);
  }

  // Whether token i is a word of an organisation's name that starts at most five words before it.
  bool InOrganisationName(State& s, size_t i) const {
    if (!organisations_) return false;
    const auto& tokens = s.in.tokens;
    for (size_t j = i >= 5 ? i - 5 : 0; j <= i; ++j) {
      if (!who::IsAlphaWord(tokens[j])) continue;
      if (s.Cases().Informative(tokens[j]) && !who::StartsUpper(s.in.text, tokens[j])) continue;
      if (auto m = organisations_->index().LongestAt(tokens, j); m && m->last >= i && m->last > j) return true;
    }
    return false;
  }

  // An organisation or place ending right before token i ("Dolphins' CEO", "Burlington mayor").
  Scope ScopeBefore(State& s, size_t i) const {
    const auto& tokens = s.in.tokens;
    const std::string_view text = s.in.text;
    if (i == 0) return {};
    size_t end = i - 1;
    if (tokens[end].key == "'" && end > 0) --end;
    if (!who::IsAlphaWord(tokens[end])) return {};
    // "A player": an article, not the A's (whose alias folds to "a" without the possessive).
    if (IsDeterminerish(tokens[end].key) && !tokens[end].possessive) return {};
    bool informative = s.Cases().Informative(tokens[end]);
    for (size_t j = end >= 5 ? end - 5 : 0; j <= end; ++j) {
      if (!who::IsAlphaWord(tokens[j])) continue;
      if (informative && !who::StartsUpper(text, tokens[j])) continue;
      if (organisations_)
        if (auto m = organisations_->index().LongestAt(tokens, j); m && m->last == end)
          return Scope{ScopeKind::kOrganisation, j, end, who::kUsPopulation};
      if (events_)
        if (auto m = events_->index().LongestAt(tokens, j); m && m->last == end) {
          Scope e{ScopeKind::kEvent, j, end, who::kUsPopulation};
          for (uint32_t r : m->values) e.participants = std::max(e.participants, events_->GetNumber(r, "participants").value_or(0));
          return e;
        }
      if (informative)
        for (const Lexicon* lex : {places_, states_}) {
          if (!lex) continue;
          if (auto m = lex->index().LongestAt(tokens, j); m && m->last == end) {
            double pop = 0;
            for (uint32_t r : m->values) pop = std::max(pop, lex->GetNumber(r, "population").value_or(0));
            if (pop > 0 && !who::AtSentenceStart(tokens, j)) return Scope{ScopeKind::kPlace, j, end, pop};
          }
        }
    }
    if (!tokens[end].possessive) return {};
    // "our town's mayor", "our high school's head coach", "the local fire station's chief".
    const bool place_word = !who::WordValues(place_words_, tokens[end]).empty();
    if (IsLocalNoun(tokens[end].key) || place_word) {
      // Up to two words between, each right before the next ("our high school's").
      size_t p = end;
      for (int words = 0; p > 0 && words < 3 && who::IsAlphaWord(tokens[p - 1]); ++words) {
        --p;
        if (In(kLocalOwners, tokens[p])) return Scope{ScopeKind::kLocal, p, end};
        if (IsStopWord(tokens[p].key)) break;
      }
    }
    // "Jefferson High's principal", "St. Luke's organist": capitalised words and a place word.
    if (place_word && informative) {
      size_t first = end;
      while (first > 0 && end - first < 3 && who::IsAlphaWord(tokens[first - 1]) &&
             who::StartsUpper(text, tokens[first - 1]))
        --first;
      if (first < end) return Scope{ScopeKind::kNamed, first, end};
    }
    return {};
  }

  // "<public figure>'s <relation>": "Beyoncé's manager".
  long PossessorAt(State& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    auto fig = figures_.At(s.in.text, tokens, i, s.Cases());
    if (!fig) return -1;
    size_t after = fig->last + 1;
    if (!tokens[fig->last].possessive) {
      if (!NextIsApostrophe(tokens, fig->last)) return -1;
      after = fig->last + 2;
    }
    long n = after < tokens.size() && tokens[after].is_word() ? static_cast<long>(after) : -1;
    for (int mods = 0; n >= 0 && mods < 2 && IsRoleModifier(tokens[n].key); ++mods) {
      bool plural = false;
      if (RoleMatch(tokens, n, plural)) break;  // "personal trainer" is itself a role
      n = who::NextWord(tokens, n);
    }
    if (n < 0 || tokens[n].sentence != tokens[i].sentence) return -1;
    bool plural = false;
    auto m = RoleMatch(tokens, n, plural);
    if (!m) return -1;
    RoleRow row = Row(m->values.front());
    for (uint32_t r : m->values)
      if (Row(r).holders < row.holders) row = Row(r);
    double holders = plural ? std::max(row.holders, 2.0) : row.holders;
    Scope sc{ScopeKind::kFigure, i, m->last, who::kUsPopulation};
    EmitRole(s, i, m->last, holders, sc, row.suggestion, out);
    return static_cast<long>(m->last);
  }

  // "the only female welder at the shipyard", "the oldest member of the Rotary Club",
  // "our town's only veterinarian"; and a handful: "one of the few female firefighters in
  // the county".
  long UniqueAt(State& s, size_t i, std::vector<Finding>& out) const {
    const auto& tokens = s.in.tokens;
    uint32_t sentence = tokens[i].sentence;
    long p = who::PrevWord(tokens, i);
    if (p < 0 || tokens[p].sentence != sentence) return -1;
    const bool few = tokens[i].key == "few";
    long one = -1;  // "one" of "one of the (very) few"
    if (few) {
      if (tokens[p].key == "very") p = who::PrevWord(tokens, p);
      const long of = p >= 0 && tokens[p].key == "the" ? who::PrevWord(tokens, p) : -1;
      one = of >= 0 && tokens[of].key == "of" ? who::PrevWord(tokens, of) : -1;
      if (one < 0 || tokens[one].key != "one" || tokens[one].sentence != sentence) return -1;
    }
    // Before: "the", "our", or a possessive scope ("our town's", "Sitka's", "the shipyard's").
    Scope before;
    if (tokens[p].possessive) {
      before = ScopeBefore(s, i);
      if (before.kind == ScopeKind::kNone) {
        // "the shipyard's", "the town's", "Sitka's"
        long pp = who::PrevWord(tokens, p);
        if (IsLocalNoun(tokens[p].key) || (s.Cases().Informative(tokens[p]) && who::StartsUpper(s.in.text, tokens[p])))
          before = Scope{ScopeKind::kLocal, pp >= 0 && IsDeterminerish(tokens[pp].key) ? static_cast<size_t>(pp)
                                                                                        : static_cast<size_t>(p),
                         static_cast<size_t>(p)};
      }
      if (before.kind == ScopeKind::kNone) return -1;
    } else if (!In(kUniqueOpeners, tokens[p])) {
      return -1;
    }
    // The writer about themself: "I'm the only massage therapist in town".
    long pp = who::PrevWord(tokens, few ? one : p);
    if (pp >= 0 && tokens[pp].sentence == sentence && In(kSelfVerbs, tokens[pp])) {
      // "are", "be", "became" are the writer's only after "we" or "I" ("my client who
      // became the first woman to ..." is the client).
      static constexpr WordSet kWriterFirst({"i'm", "im", "am", "we're"});
      const long subject = who::PrevWord(tokens, static_cast<size_t>(pp));
      if (In(kWriterFirst, tokens[pp]) || (subject >= 0 && (tokens[subject].key == "we" || tokens[subject].key == "i")))
        return -1;
    }
    // The head: a person noun, an occupation or a role within the next four words.
    long head = -1, head_last = -1;
    std::string_view suggestion;
    long j = who::NextWord(tokens, i);
    for (int words = 0; j >= 0 && words < 4 && tokens[j].sentence == sentence; ++words) {
      if (!who::IsAlphaWord(tokens[j])) break;
      if (In(kHeadEnders, tokens[j])) break;
      if (occupations_) {
        if (auto m = occupations_->index().LongestAt(tokens, j)) {
          head = j, head_last = m->last;
          suggestion = occupations_->Get(m->values.front(), "suggestion");
        } else if (std::string_view k = tokens[j].key; few && k.size() > 3 && k.back() == 's') {
          // "the few firefighters": a one-word job in the plural.
          if (auto v = who::WordValues(occupations_, k.substr(0, k.size() - 1)); !v.empty()) {
            head = j, head_last = j;
            suggestion = occupations_->Get(v.front(), "suggestion");
          }
        }
      }
      bool plural = false;
      if (head < 0 || head_last < j) {
        if (auto m = RoleMatch(tokens, j, plural); m && Row(m->values.front()).kind != "relation") {
          head = j, head_last = m->last;
          suggestion = Row(m->values.front()).suggestion;
        } else if (IsPersonNoun(tokens[j].key)) {
          head = j, head_last = j;
          suggestion = {};
        }
      }
      if (head >= 0 && head_last >= j) {
        // Keep going if a longer head follows ("only female welder"): stop at the noun.
        long n = who::NextWord(tokens, head_last);
        if (n < 0 || tokens[n].sentence != sentence || !who::IsAlphaWord(tokens[n]) || In(kHeadEnders, tokens[n]) ||
            IsTimeNoun(tokens[n].key))
          break;
        j = n;
        continue;
      }
      j = who::NextWord(tokens, j);
    }
    if (head < 0) return -1;
    if (tokens[head].key == "one" && head == who::NextWord(tokens, i)) return -1;  // "the only one"
    if (In(kOrderWords, tokens[i]) && In(kClientNouns, tokens[head])) return -1;  // "my first client of the day"
    // After: "of|at|in|on <scope>", or "in town".
    Scope after;
    long prep = who::NextWord(tokens, head_last);
    if (prep >= 0 && tokens[prep].sentence == sentence && In(kScopePreps, tokens[prep])) {
      long n = who::NextWord(tokens, prep);
      if (n >= 0 && tokens[n].sentence == sentence) {
        const long local = who::NextWord(tokens, n);
        if ((tokens[n].key == "town" || tokens[n].key == "here"))
          after = Scope{ScopeKind::kLocal, static_cast<size_t>(n), static_cast<size_t>(n)};
        else if (tokens[n].key == "the" && local >= 0 && IsLocalNoun(tokens[local].key))
          after = Scope{ScopeKind::kLocal, static_cast<size_t>(n), static_cast<size_t>(local)};  // "in the county"
        else after = ScopeAt(s, static_cast<size_t>(n), true);
        if (after.kind == ScopeKind::kGeneric && IsOwnBusinessNoun(tokens[after.last].key)) after = {};
      }
    }
    if (after.kind == ScopeKind::kNone && before.kind == ScopeKind::kNone && !few && prep >= 0 &&
        tokens[prep].key == "to" && tokens[prep].sentence == sentence)
      after = FeatAfter(s, p, static_cast<size_t>(prep));
    if (after.kind == ScopeKind::kNone && before.kind == ScopeKind::kNone) return -1;
    size_t first = few ? static_cast<size_t>(one) : before.kind != ScopeKind::kNone ? before.first : i;
    size_t last = after.kind != ScopeKind::kNone ? after.last : static_cast<size_t>(head_last);
    Scope sc = after.kind != ScopeKind::kNone ? after : before;
    if (sc.kind == ScopeKind::kOrganisation || sc.kind == ScopeKind::kEvent || sc.kind == ScopeKind::kFigure)
      sc.kind = ScopeKind::kNamed;  // a local unique, not a famous role
    EmitRole(s, first, last, few ? 3 : 1, sc, suggestion, out, !few);
    return static_cast<long>(last);
  }

  // "became the first woman to summit K2", "she's the youngest person to swim the
  // Channel": a feat has one holder wherever it was done. Only after "became", "is" or
  // "was" ("the first person to call wins a gift card" is an offer), and not a day's order
  // ("the first woman to walk in today"). `the` is the token before the unique word; the
  // scope is the clause from "to" (at most six words).
  Scope FeatAfter(State& s, long the, size_t to) const {
    static constexpr WordSet kBecame({"became", "become", "becomes", "becoming", "is", "was", "being"});
    static constexpr WordSet kOffers({"call", "book", "comment", "share", "reply", "answer", "guess", "sign", "tag",
                                      "like", "follow", "register", "buy", "order", "message", "dm", "text"});
    const auto& tokens = s.in.tokens;
    const long verb = the >= 0 ? who::PrevWord(tokens, static_cast<size_t>(the)) : -1;
    if (verb < 0 || tokens[verb].sentence != tokens[to].sentence) return {};
    const Token& v = tokens[verb];
    if (!In(kBecame, v) && !(v.possessive && (v.key == "she" || v.key == "he"))) return {};
    size_t end = to;
    long w = who::NextWord(tokens, to);
    if (w >= 0 && In(kOffers, tokens[w])) return {};
    static constexpr WordSet kWriter({"me", "us", "i", "we"});  // "the only man to beat me at chess"
    for (int k = 0; w >= 0 && k < 6 && static_cast<size_t>(w) == end + 1 && who::IsAlphaWord(tokens[w]);
         ++k, w = who::NextWord(tokens, static_cast<size_t>(w))) {
      if (IsTimeNoun(tokens[w].key) || tokens[w].key == "yesterday" || tokens[w].key == "tonight" ||
          In(kWriter, tokens[w]))
        return {};
      end = static_cast<size_t>(w);
    }
    if (end == to) return {};
    return Scope{ScopeKind::kNamed, to, end};
  }

  // A client is meant: a client cue at the token, or a strong one in its paragraph.
  bool AboutClient(State& s, const Token& t) const {
    const auto& ctx = Ctx(s);
    return ctx.ClientAt(t) != Cue::kNone || ctx.ClientInParagraph(t) == Cue::kStrong;
  }
  // The role's own safer wording, if it has one, then "remove".
  static std::vector<std::string> SuggestionsWith(std::string_view suggestion) {
    std::vector<std::string> out;
    if (!suggestion.empty()) out.emplace_back(suggestion);
    out.emplace_back("remove");
    return out;
  }
  static double ScopePopulation(const Scope& sc) {
    return sc.kind == ScopeKind::kPlace ? sc.population : sc.famous() ? who::kUsPopulation : kLocalPopulation;
  }
  Span SpanOf(State& s, size_t first, size_t last) const {
    const auto& tokens = s.in.tokens;
    Span span{tokens[first].span.start, tokens[last].span.start + who::Stem(s.in.text, tokens[last]).size()};
    if (tokens[last].shape == Shape::kHashtag) span.end = tokens[last].span.end;
    return span;
  }

  // A job held by many at the named place: an occupation narrowed by where it is done, a
  // quasi-identifier (it overrides the occupation rule's finding for the job alone).
  void EmitJobAtPlace(State& s, size_t first, size_t last, double holders, const Scope& sc, std::string_view suggestion,
                      std::vector<Finding>& out) const {
    const bool client = AboutClient(s, s.in.tokens[first]);
    const double frequency = std::clamp(holders / ScopePopulation(sc), 1e-12, 1.0);
    std::string message = "Saying what someone does and where narrows it to the " +
                          std::to_string(static_cast<long>(holders)) +
                          " or so people in that job there; with the other details it can point to one of them.";
    out.push_back(qi::MakeFinding("occupation", id(), SpanOf(s, first, last),
                                  client ? Severity::kWarning : Severity::kInfo, std::move(message), frequency,
                                  SuggestionsWith(suggestion)));
  }

  void EmitRole(State& s, size_t first, size_t last, double holders, const Scope& sc, std::string_view suggestion,
                std::vector<Finding>& out, bool unique = false) const {
    const auto& tokens = s.in.tokens;
    const auto& ctx = Ctx(s);
    const Token& t = tokens[first];
    Severity severity;
    if (AboutClient(s, t))
      severity = Severity::kError;
    else if (ctx.SelfAt(t) || ctx.StaffAt(t))
      severity = Severity::kInfo;
    else
      severity = sc.famous() ? Severity::kInfo : Severity::kWarning;
    double frequency = std::clamp(holders / ScopePopulation(sc), 1e-12, 1.0);
    bool direct = holders <= 1;
    std::string message;
    if (unique)
      message = "\"The only ...\" or \"the oldest ...\" describes exactly one person; anyone who knows the place "
                "knows who. Describe them more generally or leave it out.";
    else if (direct)
      message = "Only one person holds this role, so naming the role names the person, and anyone can look it up. "
                "Describe them more generally or leave it out.";
    else
      message =
          "Only a handful of people hold this role; with the other details it points to one of them. "
          "Describe them more generally or leave it out.";
    out.push_back(who::MakeFinding("public-role", id(), SpanOf(s, first, last), severity, std::move(message), frequency,
                                   direct, SuggestionsWith(suggestion)));
  }

  const Lexicon* roles_;
  const Lexicon* organisations_;
  const Lexicon* events_;
  const Lexicon* places_;
  const Lexicon* states_;
  const Lexicon* place_words_;
  const Lexicon* occupations_;
  who::PublicFigureMatcher figures_;
  who::ContextCues cues_;
};

}  // namespace

std::unique_ptr<Detector> MakePublicRoleDetector(const LexiconSet& lexicons) {
  return std::make_unique<PublicRoleDetector>(lexicons);
}

}  // namespace discreet
