// PackDetector: terms through one PhraseIndex, patterns through RE2 (an RE2::Set pass
// picks the patterns worth running), context windows counted in word tokens.
#include "rules/pack_detector.h"

#include <re2/set.h>

#include <algorithm>
#include <optional>

#include "detect/pattern_scan.h"
#include "lexicon/phrase_index.h"
#include "rules/pattern_openings.h"
#include "text/word_set.h"

namespace discreet {
namespace {

struct CompiledContext {
  bool must = true;
  int before = 0;
  int after = 0;
  PhraseIndex index;
};

struct CompiledRule {
  PackRule rule;
  std::vector<CompiledContext> context;
  bool direct = false;
  bool has_frequency = false;  // identifiers and quasi-identifiers carry frequencies
};

struct TermValue {
  uint32_t rule;
  std::optional<double> frequency;
};

// Where a pattern can begin (rules/pattern_openings.h), when that is known.
struct OpeningFilter {
  std::vector<std::string> words;
  Openings openings;
  explicit OpeningFilter(std::vector<std::string> w) : words(std::move(w)), openings(Views(words)) {}
  static std::vector<std::string_view> Views(const std::vector<std::string>& w) { return {w.begin(), w.end()}; }
};

struct PatternRef {
  uint32_t rule;
  const RE2* re;
  std::unique_ptr<const OpeningFilter> opens;  // null: the pattern may begin anywhere
};

// Word tokens of one document: ordinal → token index and back.
struct Words {
  std::vector<uint32_t> token;    // ordinal → token index
  std::vector<int32_t> ordinal;   // token index → ordinal, or -1 for punctuation
  explicit Words(const std::vector<Token>& tokens) : ordinal(tokens.size(), -1) {
    token.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!tokens[i].is_word()) continue;
      ordinal[i] = static_cast<int32_t>(token.size());
      token.push_back(static_cast<uint32_t>(i));
    }
  }
};

class PackDetector : public Detector {
 public:
  explicit PackDetector(std::vector<PackRule> rules) {
    rules_.reserve(rules.size());
    for (PackRule& r : rules) {
      CompiledRule c;
      const uint32_t index = static_cast<uint32_t>(rules_.size());
      for (const PackTerm& t : r.terms) {
        term_values_.push_back({index, t.frequency});
        terms_.Add(t.phrase, static_cast<uint32_t>(term_values_.size() - 1));
      }
      for (const PackContext& pc : r.context) {
        CompiledContext cc{pc.must, pc.before, pc.after, {}};
        for (const std::string& t : pc.terms) cc.index.Add(t, 0);
        c.context.push_back(std::move(cc));
      }
      for (const auto& re : r.compiled) {
        auto openings = PatternOpenings(re->pattern());
        patterns_.push_back(
            {index, re.get(), openings ? std::make_unique<OpeningFilter>(std::move(*openings)) : nullptr});
      }
      c.direct = r.rule == "contact-info" || r.rule == "id-number" || r.rule == "public-figure";
      c.has_frequency = r.category == Category::kIdentifier || r.category == Category::kQuasiIdentifier;
      c.rule = std::move(r);
      rules_.push_back(std::move(c));
    }
    BuildSet();
  }

  std::string_view id() const override { return "packs"; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    if (rules_.empty()) return;
    const std::vector<Token>& tokens = in.tokens;
    std::optional<Words> words;  // built on the first match that needs it
    auto word_index = [&]() -> const Words& {
      if (!words) words.emplace(tokens);
      return *words;
    };
    std::vector<Finding> found;
    std::optional<std::vector<uint32_t>> lowercase;  // lowercase words by sentence, for not_in_names
    auto lowercase_words = [&]() -> const std::vector<uint32_t>& {
      if (!lowercase) {
        lowercase.emplace(tokens.empty() ? 0 : tokens.back().sentence + 1, 0);
        for (const Token& t : tokens) (*lowercase)[t.sentence] += t.shape == Shape::kLower;
      }
      return *lowercase;
    };

    // Terms: one pass, longest match first, non-overlapping across all rules.
    if (terms_.size() > 0) {
      for (size_t i = 0; i < tokens.size();) {
        auto m = terms_.LongestAt(tokens, i);
        if (!m) {
          ++i;
          continue;
        }
        const Words& w = word_index();
        const size_t first = static_cast<size_t>(w.ordinal[m->first]);
        const size_t last = static_cast<size_t>(w.ordinal[m->last]);
        uint32_t previous_rule = UINT32_MAX;
        for (uint32_t v : m->values) {
          const TermValue& tv = term_values_[v];
          if (tv.rule == previous_rule) continue;  // one finding per rule per match
          previous_rule = tv.rule;
          const CompiledRule& rule = rules_[tv.rule];
          if (rule.rule.not_in_names && InCapitalisedName(tokens, m->first, m->last, lowercase_words)) continue;
          if (!ContextHolds(rule, tokens, w, first, last)) continue;
          found.push_back(MakeFinding(rule, m->span(tokens), tv.frequency));
        }
        i = m->last + 1;
      }
    }

    // Patterns over the scan text.
    if (!patterns_.empty()) {
      std::vector<int> candidates;
      if (set_) {
        if (!set_->Match(in.text, &candidates)) candidates.clear();
        std::sort(candidates.begin(), candidates.end());
      } else {
        for (size_t p = 0; p < patterns_.size(); ++p) candidates.push_back(static_cast<int>(p));
      }
      for (int p : candidates) {
        const PatternRef& ref = patterns_[static_cast<size_t>(p)];
        const CompiledRule& rule = rules_[ref.rule];
        ForEachPatternMatch(in, ref, [&](Span span) {
          // The word tokens the match covers.
          auto it = std::lower_bound(tokens.begin(), tokens.end(), span.start,
                                     [](const Token& t, size_t at) { return t.span.end <= at; });
          std::optional<size_t> first, last;
          const Words& w = word_index();
          for (; it != tokens.end() && it->span.start < span.end; ++it) {
            int32_t o = w.ordinal[static_cast<size_t>(it - tokens.begin())];
            if (o < 0) continue;
            if (!first) first = static_cast<size_t>(o);
            last = static_cast<size_t>(o);
          }
          if (!first) return;
          if (!ContextHolds(rule, tokens, w, *first, *last)) return;
          found.push_back(MakeFinding(rule, span, std::nullopt));
        });
      }
    }

    // One finding per rule for overlapping spans (a term and a pattern of the same rule).
    std::stable_sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
      return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
    });
    // Source → furthest end kept so far: a draft has findings of a few rules, so a short
    // list beats a hash map (and hashing every source string).
    std::vector<std::pair<std::string, size_t>> reach;
    out.reserve(out.size() + found.size());
    for (Finding& f : found) {
      auto it = std::find_if(reach.begin(), reach.end(), [&](const auto& r) { return r.first == f.source; });
      if (it == reach.end()) it = reach.insert(reach.end(), {f.source, 0});
      if (f.span.start < it->second) continue;
      it->second = f.span.end;
      out.push_back(std::move(f));
    }
  }

 private:
  // Every non-empty, non-overlapping match of the whole pattern, leftmost first. A pattern
  // with known openings is tried anchored at the word starts that begin with one: the
  // matches an unanchored scan of the whole text finds, since every match starts there.
  template <typename OnMatch>
  static void ForEachPatternMatch(const ScanInput& in, const PatternRef& ref, OnMatch on_match) {
    const re2::StringPiece text(in.text.data(), in.text.size());
    re2::StringPiece match;
    auto report = [&] {
      const size_t start = static_cast<size_t>(match.data() - text.data());
      if (!match.empty()) on_match(Span{start, start + match.size()});
      return match.empty() ? start + 1 : start + match.size();
    };
    if (ref.opens) {
      size_t pos = 0;
      for (uint32_t start : WordStarts(in)) {
        if (start < pos || !ref.opens->openings.OpenAt(in.text, start)) continue;
        if (ref.re->Match(text, start, text.size(), RE2::ANCHOR_START, &match, 1)) pos = report();
      }
      return;
    }
    for (size_t pos = 0; pos <= text.size() && ref.re->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1);)
      pos = report();
  }

  void BuildSet() {
    if (patterns_.size() < 2) return;
    RE2::Options opts;
    opts.set_log_errors(false);
    auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    for (const PatternRef& p : patterns_)
      if (set->Add(p.re->pattern(), nullptr) < 0) return;
    if (!set->Compile()) return;
    set_ = std::move(set);
  }

  // Whether tokens [first, last] are words of a capitalised name: each capitalised, next to
  // a capitalised word of the same sentence with only a space between ("Summit Physical
  // Therapy", "the Arthritis Foundation"), in a sentence with lowercase words too, where
  // capitals mean something. A possessive before ("Sally's Parkinson's") is a person's
  // condition, and "Disease" after ("Crohn's Disease") part of the condition's own name.
  template <typename LowercaseWords>
  static bool InCapitalisedName(const std::vector<Token>& tokens, size_t first, size_t last,
                                LowercaseWords& lowercase_words) {
    for (size_t k = first; k <= last; ++k)
      if (tokens[k].is_word() && tokens[k].shape != Shape::kCapitalized) return false;
    const uint32_t sentence = tokens[first].sentence;
    auto name_word = [&](size_t k) {
      static constexpr WordSet kConditionWords({"disease", "diseases", "syndrome", "disorder", "palsy", "fever"});
      const Token& t = tokens[k];
      return t.sentence == sentence && t.shape == Shape::kCapitalized && !t.possessive && !In(kConditionWords, t);
    };
    if (!(first > 0 && name_word(first - 1)) && !(last + 1 < tokens.size() && name_word(last + 1))) return false;
    return lowercase_words()[sentence] >= 2;  // the match's own words are capitalised: none of them counts
  }

  // Every context condition of `rule` holds for the match covering word ordinals
  // [first, last].
  static bool ContextHolds(const CompiledRule& rule, const std::vector<Token>& tokens, const Words& w, size_t first,
                           size_t last) {
    if (rule.context.empty()) return true;
    const uint32_t paragraph = tokens[w.token[first]].paragraph;
    const size_t n = w.token.size();
    for (const CompiledContext& c : rule.context) {
      bool seen = false;
      // Before: phrases that start and end inside [first - before, first).
      size_t lo = first >= static_cast<size_t>(c.before) ? first - static_cast<size_t>(c.before) : 0;
      while (lo < first && tokens[w.token[lo]].paragraph != paragraph) ++lo;
      for (size_t o = lo; o < first && !seen; ++o) {
        auto m = c.index.LongestAt(tokens, w.token[o]);
        if (m && static_cast<size_t>(w.ordinal[m->last]) < first) seen = true;
      }
      // After: phrases inside (last, last + after].
      size_t hi = std::min(n - 1, last + static_cast<size_t>(c.after));
      while (hi > last && tokens[w.token[hi]].paragraph != paragraph) --hi;
      for (size_t o = last + 1; o <= hi && !seen; ++o) {
        auto m = c.index.LongestAt(tokens, w.token[o]);
        if (m && static_cast<size_t>(w.ordinal[m->last]) <= hi) seen = true;
      }
      if (seen != c.must) return false;
    }
    return true;
  }

  static Finding MakeFinding(const CompiledRule& c, Span span, std::optional<double> term_frequency) {
    Finding f;
    f.rule = c.rule.rule;
    f.source = c.rule.id;
    f.category = c.rule.category;
    f.severity = c.rule.severity;
    f.message = c.rule.message;
    f.span = span;
    if (c.has_frequency) f.frequency = term_frequency ? term_frequency : c.rule.frequency;
    f.direct = c.direct;
    f.suggestions = c.rule.suggestions;
    return f;
  }

  std::vector<CompiledRule> rules_;
  PhraseIndex terms_;
  std::vector<TermValue> term_values_;
  std::vector<PatternRef> patterns_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace

std::unique_ptr<Detector> MakePackDetector(std::vector<PackRule> rules) {
  return std::make_unique<PackDetector>(std::move(rules));
}

}  // namespace discreet
