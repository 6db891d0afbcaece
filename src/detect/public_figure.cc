// public-figure: celebrities, athletes, politicians and royals from public_figures.tsv,
// by name or alias, in any case, with or without accents or a possessive ("Beyoncé's",
// "BEYONCE", "#TaylorSwift"). Naming one is harmless in a post about a concert; next to
// client context it says that a famous person is the client, which anyone can look up.
// One-word names that are also ordinary words or common given names ("Drake", "Pink",
// "Serena") count only where a capital letter marks them as a name. Hearsay ("reportedly",
// "in an interview") near a weak cue reads as news about them, not a session.
#include "detect/registry.h"
#include "detect/who.h"
#include "text/word_set.h"

namespace discreet {
namespace {

// "Beyoncé reportedly gets a massage before every show": a word that passes on what others
// say marks the sentence as news about the famous person, not a session with them.
constexpr WordSet kHearsayWords({"reportedly", "apparently", "allegedly", "supposedly", "rumored", "rumoured", "rumor",
                                 "rumour", "rumors", "rumours", "interview", "according"});
bool HearsayInSentence(const std::vector<Token>& tokens, size_t at) {
  const uint32_t sentence = tokens[at].sentence;
  size_t from = at;
  while (from > 0 && tokens[from - 1].sentence == sentence) --from;
  for (size_t i = from; i < tokens.size() && tokens[i].sentence == sentence; ++i)
    if (In(kHearsayWords, tokens[i])) return true;
  return false;
}

class PublicFigureDetector : public Detector {
 public:
  explicit PublicFigureDetector(const LexiconSet& lexicons) : figures_(lexicons) {}

  std::string_view id() const override { return "builtin/public-figure"; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    if (!figures_.lexicon()) return;
    const auto& tokens = in.tokens;
    std::optional<who::CaseInfo> cases;
    std::optional<who::ContextCues::Map> ctx;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!who::IsAlphaWord(tokens[i])) continue;
      if (!cases) {
        // Cheap pre-check before the per-draft set-up: is any phrase starting here at all?
        if (!figures_.lexicon()->index().LongestAt(tokens, i)) continue;
        cases.emplace(tokens);
      }
      auto hit = figures_.At(in.text, tokens, i, *cases);
      if (!hit) continue;
      if (!ctx) ctx = cues_.Analyse(tokens);
      const Token& first = tokens[hit->first];
      Severity severity = Severity::kInfo;
      std::string message;
      if (ctx->ClientAt(first) == who::Cue::kStrong) {
        severity = Severity::kError;
        message = "A famous person named next to a client: this says they are (or were) your client, and anyone "
                  "can look them up. Leave the name out.";
      } else if ((ctx->ClientAt(first) == who::Cue::kWeak || ctx->ClientInParagraph(first) == who::Cue::kStrong) &&
                 !HearsayInSentence(tokens, hit->first)) {
        severity = Severity::kWarning;
        message = "A famous person named near talk of clients. If they are your client, leave the name out; if "
                  "not, make that plain.";
      } else {
        message = "A public figure is named. Fine as long as they are not your client.";
      }
      Span span{first.span.start, tokens[hit->last].span.start + who::Stem(in.text, tokens[hit->last]).size()};
      if (tokens[hit->last].shape == Shape::kHashtag) span.end = tokens[hit->last].span.end;
      out.push_back(who::MakeFinding("public-figure", id(), span, severity, std::move(message), who::kOnePerson, true,
                                     {"a client", "remove"}));
      i = hit->last;
    }
  }

 private:
  who::PublicFigureMatcher figures_;
  who::ContextCues cues_;
};

}  // namespace

std::unique_ptr<Detector> MakePublicFigureDetector(const LexiconSet& lexicons) {
  return std::make_unique<PublicFigureDetector>(lexicons);
}

}  // namespace discreet
