// occupation: what a person does for a living — "a local firefighter", "lawyer", "the UPS
// driver", "pro hockey player", "teaches 4th grade", "a player from the Super Bowl
// champions". The frequency is the job's share of the US population (occupations.tsv);
// a player of a named team or event is one of its roster.
//
// A job is only reported when it is said about a person: a client or pronoun in the
// sentence, "a local ...", "works as a ...", "(30s, lawyer, ...)". "Ask your doctor",
// "our receptionist" (the studio's own staff) and the writer's own trade (massage
// therapist, counsellor) stay quiet.
#include <algorithm>
#include <cmath>

#include "detect/qi_common.h"
#include "detect/registry.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using qi::KeyOf;

constexpr std::string_view kSource = "builtin/occupation";

// The writer's own trade: not a detail about a client.
constexpr WordSet kOwnTrades({"massage therapist", "mental health counselor", "marriage and family therapist",
                              "esthetician"});
// Words right before a job that make it generic or the studio's own staff.
constexpr WordSet kGenericBefore({"your",    "our",    "any",      "every",  "ask",    "consult",  "see",   "call",
                                  "contact", "each",   "no",       "fellow", "future", "aspiring", "other", "to",
                                  "for",     "become", "becoming", "many",   "most",   "some"});
// Words before a job that say it is about one person: a local firefighter.
constexpr WordSet kPersonBefore({"local", "retired", "former", "off-duty", "veteran", "ex", "semi-retired", "working",
                                 "lead", "head", "senior", "young"});
// Roster sizes by league: how many people "a player of <team>" could be.
struct League {
  std::string_view league;
  std::string_view sport;  // events.tsv kind
  double roster;
  std::string_view suggestion;
};
constexpr League kLeagues[] = {
    {"NFL", "american football", 53, "a pro athlete"}, {"NBA", "basketball", 15, "a pro athlete"},
    {"NHL", "ice hockey", 23, "a pro athlete"},       {"MLB", "baseball", 26, "a pro athlete"},
    {"MLS", "soccer", 30, "a pro athlete"},           {"WNBA", "", 12, "a pro athlete"},
    {"Premier League", "", 25, "a pro athlete"},      {"La Liga", "", 25, "a pro athlete"},
    {"Serie A", "", 25, "a pro athlete"},             {"Bundesliga", "", 25, "a pro athlete"},
    {"Ligue 1", "", 25, "a pro athlete"}};
constexpr WordSet kSchoolSubjects({"grade",   "kindergarten", "preschool", "math",       "english", "science",
                                   "history", "art",          "music",     "gym",        "pe",      "spanish",
                                   "french",  "chemistry",    "biology",   "physics",    "band",    "choir",
                                   "special", "middle",       "high",      "elementary", "school",  "college",
                                   "yoga",    "piano",        "dance",     "swim",       "ballet"});

class OccupationDetector : public Detector {
 public:
  explicit OccupationDetector(const LexiconSet& lex)
      : jobs_(lex.Find("occupations")), orgs_(lex.Find("organisations")), events_(lex.Find("events")) {
    if (jobs_) {
      for (size_t r = 0; r < jobs_->rows(); ++r) {
        std::string_view name = jobs_->Get(r, "occupation");
        if (name == "teacher") teacher_ = r;
        if (name == "elementary school teacher") elementary_ = r;
        if (name == "athlete") athlete_ = r;
      }
    }
    for (std::string_view w : {"player", "players", "athlete", "guy", "member", "rookie", "starter", "quarterback",
                               "goalie", "pitcher", "linebacker", "striker", "defenseman", "forward",
                               // "plays for the Dolphins": the verb names the roster as well as the noun
                               "plays", "played", "playing"})
      players_.Add(w, 1);
  }

  std::string_view id() const override { return kSource; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    if (!jobs_) return;
    const auto& tokens = in.tokens;
    const std::vector<bool>& person = qi::PersonCues::Of(in);
    size_t claimed_until = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i < claimed_until || !tokens[i].is_word()) continue;
      const Token& t = tokens[i];

      // "teaches 4th grade", "taught kindergarten"
      if (t.key == "teaches" || t.key == "taught" || t.key == "teaching" || t.key == "teach") {
        if (auto end = Teaching(tokens, i)) {
          bool grade = false;
          for (size_t k = i; k <= *end; ++k) grade = grade || tokens[k].key == "grade" || tokens[k].key == "kindergarten";
          std::optional<size_t> row = grade && elementary_ ? elementary_ : teacher_;
          double f = row ? Share(*row) : 0.013;
          if (grade) f /= 6;  // one grade of an elementary school
          Emit(in, i, *end, f, "Saying what and where someone teaches points families straight at them.",
               {"works in education", "remove"}, out);
          claimed_until = *end + 1;
          continue;
        }
      }

      // "a player from the Super Bowl champions", "plays for the Dolphins"
      if (auto pm = players_.LongestAt(tokens, i)) {
        if (TryTeamPlayer(in, person, i, out, claimed_until)) continue;
      }

      auto m = jobs_->index().LongestAt(tokens, i);
      if (!m) continue;
      // "a retired dentist": "retired" (a row of its own) is the modifier of the job after it,
      // reported once as "retired dentist" on the next word, not as two details.
      if (In(kPersonBefore, t) && m->last == i) {
        long nx = qi::NextWordIn(tokens, i);
        if (nx == static_cast<long>(i) + 1 && jobs_->index().LongestAt(tokens, static_cast<size_t>(nx))) continue;
      }
      // Prefer the longest job that covers this one: "pro hockey player" over "player".
      uint32_t row = m->values.front();
      std::string_view name = jobs_->Get(row, "occupation");
      if (In(kOwnTrades, name)) {
        claimed_until = m->last + 1;
        continue;
      }
      if (tokens[m->last].possessive) continue;  // "the lawyer's office" is about the office
      // "at 6 pm": a two-letter alias (pm, rn, md) right after a number is a unit or a clock.
      if (m->first == m->last && t.key.size() <= 2 && i > 0 && tokens[i - 1].shape == Shape::kNumber) continue;
      long p = qi::PrevWordIn(tokens, i);
      std::string_view pk = KeyOf(tokens, p);
      if (In(kGenericBefore, pk)) continue;
      // "her doctor", "his lawyer", "my client's nurse": someone who serves the person, not
      // what the person does ("she is a nurse" has an article).
      if (pk == "her" || pk == "his" || pk == "their" || pk == "my" || (p >= 0 && tokens[p].possessive && pk != "she" &&
                                                                       pk != "he" && pk != "it" && pk != "that"))
        continue;
      const long next = qi::NextWordIn(tokens, m->last);
      std::string_view nk = KeyOf(tokens, next);
      // "a Doctor Who fan", "a big nurse fan": a job inside what someone is a fan of.
      if (nk == "fan" || nk == "fans") continue;
      if (next >= 0 && qi::StartsUpper(in.text, tokens[next]) && qi::StartsUpper(in.text, t)) {
        std::string_view after = KeyOf(tokens, qi::NextWordIn(tokens, static_cast<size_t>(next)));
        if (after == "fan" || after == "fans") continue;
      }
      if (nk == "appreciation" || nk == "discount" || nk == "discounts" || nk == "special" || nk == "specials" ||
          nk == "week" || nk == "day" || nk == "month")
        continue;
      std::string_view ppk = KeyOf(tokens, p >= 0 ? qi::PrevWordIn(tokens, static_cast<size_t>(p)) : -1);
      bool evidence = In(kPersonBefore, pk) || qi::PersonCues::At(person, t) ||
                      ((pk == "a" || pk == "an") && (ppk == "is" || ppk == "as" || ppk == "was" || ppk == "works" ||
                                                     ppk == "worked" || ppk == "she's" || ppk == "he's"));
      // A bare job in a list of details: "(30s, lawyer, ...)"
      if (!evidence) continue;
      // A one-word job that is also an everyday word needs the article or adjective:
      // "runner", "driver", "guard" alone are not jobs.
      std::string what = "Saying what a client does for a living narrows it to about 1 in " +
                         std::to_string(static_cast<long long>(1 / Share(row) + 0.5)) +
                         " people; in a small town, far fewer.";
      std::vector<std::string> suggestions;
      std::string_view sug = jobs_->Get(row, "suggestion");
      if (!sug.empty()) suggestions.emplace_back(sug);
      suggestions.emplace_back("remove");
      size_t first = In(kPersonBefore, pk) ? static_cast<size_t>(p) : i;
      double share = Share(row);
      // "a 4th grade teacher": one grade of an elementary school, as "teaches 4th grade".
      if (name == "teacher" && pk == "grade" && p >= 1) {
        long o = qi::PrevWordIn(tokens, static_cast<size_t>(p));
        std::string_view ok = KeyOf(tokens, o);
        if (ok.size() >= 3 && ok[0] >= '0' && ok[0] <= '9' &&
            (ok.ends_with("th") || ok.ends_with("st") || ok.ends_with("nd") || ok.ends_with("rd"))) {
          first = static_cast<size_t>(o);
          share = (elementary_ ? Share(*elementary_) : share) / 6;
          what = "Saying what grade someone teaches points families straight at them: about 1 in " +
                 std::to_string(static_cast<long long>(1 / share + 0.5)) + " people.";
        }
      }
      Emit(in, first, m->last, share, std::move(what), std::move(suggestions), out);
      // League players are not among one town's people: unless the post names a place for
      // them, "a pro hockey player" is one of the league's few hundred.
      if (jobs_->Get(row, "travels") == "1") out.back().nationwide = share * qi::kUsPopulation;
      claimed_until = m->last + 1;
    }
  }

 private:
  // The last token of "teaches 4th grade", "teaches high school math", or nullopt.
  static std::optional<size_t> Teaching(const std::vector<Token>& tokens, size_t i) {
    std::optional<size_t> end;
    long w = static_cast<long>(i);
    for (int k = 0; k < 4; ++k) {
      w = qi::NextWordIn(tokens, static_cast<size_t>(w));
      if (w < 0) break;
      std::string_view key = tokens[w].key;
      if (In(kSchoolSubjects, key)) end = static_cast<size_t>(w);
      else if (!(key.size() >= 3 && (key.ends_with("th") || key.ends_with("st") || key.ends_with("nd") ||
                                     key.ends_with("rd")) && key[0] >= '0' && key[0] <= '9') &&
               key != "at" && key != "the" && key != "first" && key != "second" && key != "third" &&
               key != "fourth" && key != "fifth" && key != "sixth")
        break;
    }
    // "taught music at the high school": the school word completes the phrase.
    if (end) {
      std::string_view k = tokens[*end].key;
      long nx = qi::NextWordIn(tokens, *end);
      if ((k == "high" || k == "middle" || k == "elementary") && KeyOf(tokens, nx) == "school")
        end = static_cast<size_t>(nx);
    }
    return end;
  }

  bool TryTeamPlayer(const ScanInput& in, const std::vector<bool>& person, size_t i, std::vector<Finding>& out,
                     size_t& claimed_until) const {
    const auto& tokens = in.tokens;
    long w = qi::NextWordIn(tokens, i);
    std::string_view k = KeyOf(tokens, w);
    if (k != "from" && k != "on" && k != "for" && k != "with" && k != "of") return false;
    w = qi::NextWordIn(tokens, static_cast<size_t>(w));
    if (KeyOf(tokens, w) == "the") w = qi::NextWordIn(tokens, static_cast<size_t>(w));
    if (w < 0) return false;
    double roster = 0;
    std::string team;
    size_t last = 0;
    if (orgs_) {
      if (auto om = orgs_->index().LongestAt(tokens, static_cast<size_t>(w))) {
        for (uint32_t r : om->values) {
          if (orgs_->Get(r, "kind") != "team") continue;
          std::string_view league = orgs_->Get(r, "league");
          roster = 25;
          for (const League& l : kLeagues)
            if (l.league == league) roster = l.roster;
          last = om->last;
          break;
        }
      }
    }
    if (roster == 0 && events_) {
      if (auto em = events_->index().LongestAt(tokens, static_cast<size_t>(w))) {
        std::string_view kind = events_->Get(em->values.front(), "kind");
        double participants = events_->GetNumber(em->values.front(), "participants").value_or(100);
        last = em->last;
        long after = qi::NextWordIn(tokens, last);
        std::string_view ak = KeyOf(tokens, after);
        if (ak == "champions" || ak == "champs" || ak == "winners" || ak == "champion" || ak == "winning") {
          roster = 30;
          for (const League& l : kLeagues)
            if (!l.sport.empty() && l.sport == kind) roster = l.roster;
          last = static_cast<size_t>(after);
          if (ak == "winning" && KeyOf(tokens, qi::NextWordIn(tokens, last)) == "team") last = qi::NextWordIn(tokens, last);
        } else {
          roster = participants;
        }
      }
    }
    if (roster == 0) return false;
    (void)person;
    Emit(in, i, last, roster / qi::kUsPopulation,
         "A player of a named team or event is one of a few dozen people, and fans know their faces.",
         {"an athlete", "remove"}, out);
    claimed_until = last + 1;
    return true;
  }

  double Share(size_t row) const { return jobs_->GetNumber(row, "share").value_or(0.001); }

  static void Emit(const ScanInput& in, size_t first, size_t last, double f, std::string message,
                   std::vector<std::string> suggestions, std::vector<Finding>& out) {
    out.push_back(qi::MakeFinding("occupation", kSource, {in.tokens[first].span.start, in.tokens[last].span.end},
                                  Severity::kWarning, std::move(message), f, std::move(suggestions)));
  }

  const Lexicon* jobs_;
  const Lexicon* orgs_;
  const Lexicon* events_;
  std::optional<size_t> teacher_, elementary_, athlete_;
  PhraseIndex players_;
};

}  // namespace

std::unique_ptr<Detector> MakeOccupationDetector(const LexiconSet& lexicons) {
  return std::make_unique<OccupationDetector>(lexicons);
}

}  // namespace discreet
