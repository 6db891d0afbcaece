// time: when a person comes in — "my 7am regular", "my 10am today", "every Friday at 5",
// "Tuesdays at 6", "this morning". A one-off time is a weak detail (info); a recurring
// slot is known to everyone who shares the waiting room or the schedule (warning when the
// sentence is about a person). Opening hours ("we open at 7am") are not about anyone.
#include <algorithm>

#include "detect/qi_common.h"
#include "detect/registry.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using qi::KeyOf;

constexpr std::string_view kSource = "builtin/time";

constexpr WordSet kWeekdays({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
constexpr WordSet kWeekdaysPlural({"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays",
                                   "sundays"});
constexpr WordSet kParts({"morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights",
                          "lunchtime", "lunch"});
constexpr WordSet kSlotWords({"regular", "regulars", "client", "appointment", "appt", "booking", "slot", "lady", "guy",
                              "gentleman", "woman", "man", "standing"});
// One-off times tied to a visit, reported at info in a sentence about a person.
constexpr std::string_view kDayPhrases[] = {"this morning", "this afternoon", "this evening", "earlier today",
                                            "last night", "yesterday", "yesterday afternoon", "yesterday morning",
                                            "tonight", "today", "just now", "last week"};

// "7am", "10pm", "7:30am" (as "7" ":" "30am") → true with its last token.
bool IsClockKey(std::string_view k) {
  size_t d = 0;
  while (d < k.size() && k[d] >= '0' && k[d] <= '9') ++d;
  if (d == 0 || d > 2) return false;
  std::string_view rest = k.substr(d);
  return rest == "am" || rest == "pm" || rest == "a.m" || rest == "p.m";
}

// A clock time starting at token i: "7am", "7 am", "7:30", "7:30pm", "7 a.m.", "5",
// "noon". `bare_ok`: a bare number ("at 5") counts.
std::optional<size_t> ClockAt(const std::vector<Token>& tokens, size_t i, bool bare_ok) {
  if (i >= tokens.size()) return std::nullopt;
  const Token& t = tokens[i];
  if (t.key == "noon" || t.key == "midnight") return i;
  if (IsClockKey(t.key)) return i;
  if (t.shape != Shape::kNumber) return std::nullopt;
  auto n = qi::SmallNumber(t.key);
  if (!n || *n < 1 || *n > 12) return std::nullopt;
  size_t last = i;
  if (i + 2 < tokens.size() && tokens[i + 1].key == ":" &&
      (tokens[i + 2].shape == Shape::kNumber || IsClockKey(tokens[i + 2].key)))
    last = i + 2;
  if (last + 1 < tokens.size()) {
    std::string_view k = tokens[last + 1].key;
    if (k == "am" || k == "pm" || k == "o'clock" || k == "oclock") return last + 1;
    // The tokenizer keeps "p.m" / "a.m" as one word and the final period apart: "6 p.m."
    if (k == "a.m" || k == "p.m")
      return last + 1 + (last + 2 < tokens.size() && tokens[last + 2].key == "." ? 1 : 0);
    if ((k == "a" || k == "p") && last + 3 < tokens.size() && tokens[last + 2].key == "." && tokens[last + 3].key == "m")
      return last + 3 + (last + 4 < tokens.size() && tokens[last + 4].key == "." ? 1 : 0);
  }
  if (last != i || bare_ok) return last;
  return std::nullopt;
}

class TimeDetector : public Detector {
 public:
  explicit TimeDetector(const LexiconSet&) {
    for (std::string_view p : kDayPhrases) days_.Add(p, 1);
  }

  std::string_view id() const override { return kSource; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    const auto& tokens = in.tokens;
    const std::vector<bool>& person = qi::PersonCues::Of(in);
    size_t claimed_until = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i < claimed_until || !tokens[i].is_word()) continue;
      const Token& t = tokens[i];
      bool about_person = qi::PersonCues::At(person, t);

      // "my 7am regular", "my 10am today", "my Tuesday 6pm", "my 3:30"
      if (t.key == "my" || t.key == "our") {
        long w = qi::NextWordIn(tokens, i);
        if (w < 0) continue;
        size_t j = static_cast<size_t>(w);
        bool weekday = In(kWeekdays, tokens[j]);
        if (weekday) {
          if (auto c = ClockAt(tokens, j + 1, true)) j = *c;
        }
        std::optional<size_t> clock = weekday ? std::optional<size_t>(j) : ClockAt(tokens, j, false);
        if (!clock) continue;
        size_t last = *clock;
        std::string_view nk = KeyOf(tokens, qi::NextWordIn(tokens, last));
        bool regular = nk == "regular" || nk == "regulars" || nk == "standing" || weekday;
        bool slot = In(kSlotWords, nk);
        // "our 7am class", "my 9am coffee": not a client's slot
        if (!slot && t.key == "our") continue;
        if (!slot && !about_person && nk != "today" && nk != "cancelled" && nk != "canceled" && nk != "was" &&
            nk != "is" && nk != "just" && nk != "came" && nk != "showed")
          continue;
        if (slot) last = static_cast<size_t>(qi::NextWordIn(tokens, last));
        Emit(in, i, last, regular ? Severity::kWarning : Severity::kInfo, regular ? 0.02 : 0.1,
             regular ? "A client's regular slot is known to everyone who shares the waiting room or sees the "
                       "schedule. Leave the time out."
                     : "The time of a visit tells anyone who was around then who it was. Leave the time out.",
             {regular ? "a regular client" : "a client", "remove"}, out);
        claimed_until = last + 1;
        continue;
      }

      // "every Friday at 5", "every other Tuesday morning", "Tuesdays at 6", "on Fridays at 5pm"
      bool every = t.key == "every" || t.key == "each";
      size_t d = i;
      if (every) {
        long w = qi::NextWordIn(tokens, i);
        if (KeyOf(tokens, w) == "other") w = qi::NextWordIn(tokens, static_cast<size_t>(w));
        if (w < 0 || !In(kWeekdays, tokens[w])) continue;
        d = static_cast<size_t>(w);
      } else if (In(kWeekdaysPlural, t)) {
        d = i;
      } else {
        if (auto m = days_.LongestAt(tokens, i)) {
          // "this morning", "today": info, and only in a sentence about a person.
          if (about_person) {
            Emit(in, m->first, m->last, Severity::kInfo, 0.3,
                 "When a visit happened is a small detail, but with others it tells people who was there.",
                 {"recently", "remove"}, out);
          }
          claimed_until = m->last + 1;
        }
        continue;
      }
      size_t last = d;
      // "every Tuesday and Thursday at 6", "Tuesdays & Thursdays at 6": one slot, two days.
      while (last + 2 < tokens.size()) {
        std::string_view joiner = tokens[last + 1].key;
        std::string_view day = tokens[last + 2].key;
        if (!(joiner == "and" || joiner == "or" || joiner == "&" || joiner == "/") ||
            !(In(kWeekdays, day) || In(kWeekdaysPlural, day)))
          break;
        last += 2;
      }
      long w = qi::NextWordIn(tokens, last);
      if (w >= 0 && In(kParts, tokens[w])) {
        last = static_cast<size_t>(w);
        w = qi::NextWordIn(tokens, last);
      }
      bool has_clock = false;
      if (w >= 0 && (tokens[w].key == "at" || tokens[w].key == "@")) {
        if (auto c = ClockAt(tokens, static_cast<size_t>(w) + 1, true)) {
          last = *c;
          has_clock = true;
        }
      } else if (w >= 0) {
        if (auto c = ClockAt(tokens, static_cast<size_t>(w), false)) {
          last = *c;
          has_clock = true;
        }
      }
      // A plural weekday alone ("open Tuesdays") is opening hours, not a visit.
      if (!every && !has_clock && !about_person) continue;
      Emit(in, i, last, about_person ? Severity::kWarning : Severity::kInfo, has_clock ? 0.02 : 0.1,
           "A recurring visit time lets anyone who knows the schedule, or sits in the waiting room, work out "
           "who this is.",
           {"regularly", "remove"}, out);
      claimed_until = last + 1;
    }
  }

 private:
  static void Emit(const ScanInput& in, size_t first, size_t last, Severity severity, double f, std::string message,
                   std::vector<std::string> suggestions, std::vector<Finding>& out) {
    out.push_back(qi::MakeFinding("time", kSource, {in.tokens[first].span.start, in.tokens[last].span.end}, severity,
                                  std::move(message), f, std::move(suggestions)));
  }

  PhraseIndex days_;
};

}  // namespace

std::unique_ptr<Detector> MakeTimeDetector(const LexiconSet& lexicons) {
  return std::make_unique<TimeDetector>(lexicons);
}

}  // namespace discreet
