// Subject linking by position. Findings are visited in text order; each paragraph keeps
// its current subject, which pronouns and details attach to. The rules are deliberately
// simple and conservative: when unsure, details join the person already being described,
// which can only raise that person's risk, never hide it.
#include "risk/subjects.h"

#include <algorithm>
#include <map>

#include "lexicon/phrase_index.h"
#include "text/word_set.h"

namespace discreet {
namespace {

// Names, public figures, roles and @handles each point at one person.
bool IsNameAnchor(const Finding& f, std::string_view raw) {
  return f.rule == "person-name" || f.rule == "public-figure" || f.rule == "public-role" ||
         (f.rule == "contact-info" && raw.starts_with("@"));
}

// "my client", "a client", "today's client", "my 3pm regular": a reference to a person.
// Verbs and places ("on my table", "I massaged") describe the current person instead.
bool IsClientNoun(std::string_view folded) {
  for (std::string_view noun : {"client", "patient", "regular", "customer", "guest", "am ", "pm "})
    if (folded.find(noun) != std::string_view::npos) return true;
  return folded.ends_with("am") || folded.ends_with("pm");
}

const Token* TokenAt(const std::vector<Token>& tokens, size_t byte) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), byte,
                             [](const Token& t, size_t pos) { return t.span.end <= pos; });
  if (it == tokens.end()) return tokens.empty() ? nullptr : &tokens.back();
  return &*it;
}

// True when a word like "another" or "other" comes just before `span`.
bool StartsAnotherPerson(const std::vector<Token>& tokens, Span span) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), span.start,
                             [](const Token& t, size_t pos) { return t.span.end <= pos; });
  size_t index = static_cast<size_t>(it - tokens.begin());
  for (size_t back = 0; back <= 3 && back <= index; ++back) {
    if (index - back >= tokens.size()) continue;
    const std::string& k = tokens[index - back].key;
    if (k == "another" || k == "other" || k == "second" || k == "different" || k == "next") return true;
  }
  return false;
}

// "two tennis players", "all the runners", "a couple of regulars", "both of my clients",
// "3 nurses": a quantity or a collective word, up to two modifiers, then a plural noun for
// people, in the sentence before `before`. Such a subject is a group, not one person.
bool GroupPhraseBefore(const std::vector<Token>& tokens, uint32_t sentence, size_t before) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), before,
                             [](const Token& t, size_t pos) { return t.span.end <= pos; });
  size_t end = static_cast<size_t>(it - tokens.begin());
  size_t begin = std::min(end, tokens.size());
  while (begin > 0 && tokens[begin - 1].sentence == sentence) --begin;
  auto quantity = [](std::string_view k) {
    static constexpr WordSet kWords({"two",   "three", "four",    "five", "six",     "seven",  "eight",
                                     "nine",  "ten",   "several", "both", "all",     "couple", "few",
                                     "group", "bunch", "team",    "pair", "handful", "dozen",  "many"});
    return In(kWords, k) || (!k.empty() && k.size() <= 3 &&
                             std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; }) && k != "1");
  };
  auto plural_people = [](std::string_view k) {
    static constexpr WordSet kWords({"clients",      "players",   "runners",    "athletes",  "people",   "guys",
                                     "ladies",       "women",     "men",        "kids",      "students", "nurses",
                                     "teachers",     "members",   "friends",    "sisters",   "brothers", "twins",
                                     "patients",     "regulars",  "customers",  "moms",      "dads",     "couples",
                                     "swimmers",     "golfers",   "dancers",    "climbers",  "cyclists", "lifters",
                                     "firefighters", "officers",  "soldiers",   "vets",      "veterans", "seniors",
                                     "teens",        "coworkers", "colleagues", "employees", "workers",  "guests"});
    return In(kWords, k);
  };
  for (size_t i = begin; i < end && i < tokens.size(); ++i) {
    if (!quantity(tokens[i].key)) continue;
    for (size_t j = i + 1, words = 0; j < end && j < tokens.size() && words < 4; ++j) {
      if (!tokens[j].is_word()) continue;
      ++words;
      if (plural_people(tokens[j].key)) return true;
    }
  }
  return false;
}

}  // namespace

std::string NameKey(std::string_view raw) {
  std::string key;
  for (const std::string& k : PhraseKeys(raw)) key += (key.empty() ? "" : " ") + k;
  if (!key.empty() && key.front() == '@') key.erase(0, 1);
  return key;
}

namespace {

// The first token that starts at or after `byte`.
std::vector<Token>::const_iterator TokenFrom(const std::vector<Token>& tokens, size_t byte) {
  return std::lower_bound(tokens.begin(), tokens.end(), byte,
                          [](const Token& t, size_t pos) { return t.span.start < pos; });
}

// NameKey of the finding text at `span`, from the draft's own tokens when the span starts
// and ends on token edges, as the spans of token-built findings do: folding the text
// afresh tokenizes it again (~2,000 instructions for a name with an accent or emoji).
// A span that cuts a token is folded afresh.
std::string NameKeyAt(const std::vector<Token>& tokens, std::string_view text, Span span) {
  auto it = TokenFrom(tokens, span.start);
  std::string key;
  bool aligned = it != tokens.end() && it->span.start == span.start;
  for (; aligned && it != tokens.end() && it->span.start < span.end; ++it) {
    if (it->span.end > span.end)
      aligned = false;
    else if (it->is_word())
      key.append(key.empty() ? "" : " ").append(it->key);
  }
  aligned = aligned && (it == tokens.begin() || std::prev(it)->span.end == span.end);
  if (!aligned) return NameKey(text.substr(span.start, span.size()));
  if (!key.empty() && key.front() == '@') key.erase(0, 1);
  return key;
}

// "Grandpa Joe, the oldest member of the Rotary Club": a name, a comma, then `span`
// (after at most a determiner) is one person described twice.
bool IsApposition(const std::vector<Token>& tokens, Span previous, Span span) {
  static constexpr WordSet kDeterminers({"the", "a", "an", "our", "my", "his", "her", "their"});
  auto it = TokenFrom(tokens, span.start);
  if (it == tokens.begin()) return false;
  --it;
  if (In(kDeterminers, *it) && it != tokens.begin()) --it;
  return it->key == "," && it != tokens.begin() && std::prev(it)->span.end == previous.end;
}

struct Open {
  int subject = -1;
  uint32_t sentence = 0;  // sentence of the subject's last anchor or client reference
};

}  // namespace

SubjectLinks LinkSubjects(std::vector<Finding>& findings, const std::vector<Token>& tokens, std::string_view text) {
  SubjectLinks links;
  std::map<uint32_t, Open> current;            // paragraph → its current subject
  std::map<std::string, int> subject_of_name;  // folded anchor text → subject
  std::vector<Span> anchor_spans;
  std::vector<int> anchor_subjects;
  size_t anchors_from = 0;  // anchor_spans before this index end before the current finding
  auto open_subject = [&](bool named, uint32_t sentence = 0, size_t before = 0) {
    links.named.push_back(named);
    links.group.push_back(!named && GroupPhraseBefore(tokens, sentence, before));
    return links.count++;
  };

  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Longer findings first at the same start, so a role is seen before the name inside it.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Span& x = findings[a].span;
    const Span& y = findings[b].span;
    return x.start != y.start ? x.start < y.start : x.end > y.end;
  });

  for (size_t i : order) {
    Finding& f = findings[i];
    const Token* tok = TokenAt(tokens, f.span.start);
    uint32_t paragraph = tok ? tok->paragraph : 0;
    uint32_t sentence = tok ? tok->sentence : 0;
    Open& open = current[paragraph];

    // Inside an anchor already placed ("Beyoncé" inside "Beyoncé's manager"). Findings come
    // in start order, so anchors that end before this one starts can contain nothing more:
    // dropping them keeps a long draft linear (scanning every anchor was quadratic).
    while (anchors_from < anchor_spans.size() && anchor_spans[anchors_from].end <= f.span.start) ++anchors_from;
    int container = -1;
    for (size_t a = anchors_from; a < anchor_spans.size(); ++a)
      if (anchor_spans[a].Contains(f.span)) container = anchor_subjects[a];
    if (container >= 0) {
      f.subject = container;
      continue;
    }

    std::string_view raw = text.substr(f.span.start, f.span.size());
    const bool anchor = IsNameAnchor(f, raw);
    // Only the findings that need the key pay for it.
    const std::string folded = anchor || f.rule == "client-context" ? NameKeyAt(tokens, text, f.span) : std::string();
    if (anchor) {
      auto known = subject_of_name.find(folded);
      int s;
      if (known != subject_of_name.end()) {
        s = known->second;
      } else if (open.subject >= 0 && links.named[open.subject] && sentence == open.sentence && !anchor_spans.empty() &&
                 IsApposition(tokens, anchor_spans.back(), f.span)) {
        s = open.subject;
      } else if (open.subject >= 0 && !links.named[open.subject] && sentence <= open.sentence + 1) {
        s = open.subject;  // "my client ... Sally", "the 85-year-old Mary Jones"
      } else {
        s = open_subject(true);
      }
      // A second name in the sentence of a named subject ("My client Sally asked to see
      // Jenna because of her migraines") leaves the details that follow with the first:
      // which of the two they are about is unsure, and the first is who the sentence is
      // about.
      const bool second_in_sentence =
          open.subject >= 0 && open.subject != s && links.named[open.subject] && sentence == open.sentence;
      links.named[s] = true;
      subject_of_name.emplace(folded, s);
      anchor_spans.push_back(f.span);
      anchor_subjects.push_back(s);
      f.subject = s;
      if (!second_in_sentence) open = {s, sentence};
      continue;
    }
    if (f.rule == "client-context" && IsClientNoun(folded)) {
      int s;
      if (StartsAnotherPerson(tokens, f.span) || open.subject < 0 ||
          (links.named[open.subject] && sentence > open.sentence)) {
        s = open_subject(false, sentence, f.span.end);
      } else {
        s = open.subject;
      }
      f.subject = s;
      open = {s, sentence};
      continue;
    }
    if (open.subject < 0) open = {open_subject(false, sentence, f.span.end), sentence};
    f.subject = open.subject;
  }
  return links;
}

}  // namespace discreet
