// vehicle: a person's car, truck or motorcycle — "drives a Porsche", "the red Tesla",
// "rides his Harley", "silver Prius", "the black Escalade", "her Toyota Camry". The
// frequency is the model's share of US vehicles (or the make's), times the colour's share
// when a colour is given.
//
// Makes and models that are also words or names ("Tesla coils", "Jordan", a woman named
// Mercedes, "the Edge", "a Pilot") need vehicle evidence: a driving verb, a colour, a
// vehicle noun after it, "his/her", or a make next to its model.
#include <algorithm>
#include <array>

#include "detect/qi_common.h"
#include "detect/registry.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using qi::KeyOf;

constexpr std::string_view kSource = "builtin/vehicle";

constexpr WordSet kVerbs({"drive",  "drives",    "drove",     "driving", "driven",  "ride",     "rides",   "rode",
                          "riding", "parked",    "parks",     "parking", "bought",  "buys",     "leased",  "leases",
                          "owns",   "restored",  "restoring", "crashed", "totaled", "totalled", "wrecked", "washing",
                          "washed", "detailing", "detailed",  "pulled",  "pulls",   "cruising", "cruises", "revving",
                          "revs",   "towing",    "tows",      "hauls",   "new",     "vintage",  "classic", "souped"});
constexpr WordSet kVehicleNouns({"car",      "cars",        "truck",  "trucks",     "suv",       "suvs",
                                 "van",      "bike",        "bikes",  "motorcycle", "motorbike", "sedan",
                                 "coupe",    "convertible", "pickup", "minivan",    "wagon",     "hatchback",
                                 "roadster", "keys",        "hybrid", "ev",         "limo",      "limousine",
                                 "jeep",     "chopper",     "hog",    "ride",       "wheels",    "4x4"});
// Words after a make that make it something else: Tesla stock, Lincoln Memorial.
constexpr WordSet kNotVehicleAfter(
    {"stock",          "stocks",  "shares",     "coil",    "coils",    "almonds",   "sneakers", "shoes",
     "hoodie",         "jacket",  "foundation", "museum",  "stadium",  "center",    "centre",   "memorial",
     "university",     "college", "elementary", "high",    "school",   "street",    "st",       "ave",
     "avenue",         "road",    "park",       "tunnel",  "bridge",   "county",    "field",    "motors",
     "dealership",     "dealer",  "plant",      "factory", "employee", "employees", "engineer", "family",
     "administration", "logo",    "conference", "lake",    "heights",  "hills",     "square",   "boulevard",
     "blvd",           "ceo",     "says",       "fridge",  "said"});
// Parts of a vehicle after a possessive make: "her Porsche's engine" is the car, where
// "Tesla's stock" is the company.
constexpr WordSet kVehicleParts({"engine",     "engines", "tires",   "tyres",     "wheel",      "wheels",
                                 "bumper",     "bumpers", "hood",    "trunk",     "horn",       "headlights",
                                 "taillights", "brakes",  "muffler", "exhaust",   "windshield", "windows",
                                 "doors",      "seats",   "paint",   "dashboard", "dash",       "alarm",
                                 "battery",    "sunroof", "grille",  "plates",    "keys",       "interior"});
// Words that may follow an owned car ("her Tesla is", "his Jeep again"); any other
// ordinary word after a make that is itself a word makes the make a modifier.
constexpr WordSet kFunctionWords(
    {"is",        "was",     "has",   "had",     "and",   "or",     "but",     "in",     "at",     "to",    "with",
     "for",       "on",      "again", "that",    "which", "got",    "gets",    "broke",  "broken", "needs", "needed",
     "died",      "outside", "out",   "back",    "into",  "from",   "of",      "still",  "just",   "now",   "today",
     "yesterday", "were",    "are",   "keeps",   "kept",  "sits",   "sat",     "looks",  "made",   "makes", "will",
     "would",     "can",     "could", "because", "so",    "when",   "while",   "after",  "before", "since", "until",
     "every",     "all",     "last",  "this",    "runs",  "ran",    "started", "starts", "always", "never", "finally",
     "here",      "there",   "by",    "off",     "up",    "down",   "parked",  "isn't",  "wasn't", "won't", "did",
     "does",      "takes",   "took",  "went",    "goes",  "sounds", "smells",  "being",  "too",    "like"});
// Owners of a vehicle. Not "your": "park your Tesla at our charger" speaks to every reader.
constexpr WordSet kPossessives({"his", "her", "their", "my", "our"});
constexpr WordSet kArticles({"a", "an", "the", "that", "this"});

std::string ClassSuggestion(std::string_view cls) {
  if (cls == "truck") return "a truck";
  if (cls == "sports" || cls == "exotic") return "a sports car";
  if (cls == "ev") return "an electric car";
  if (cls == "luxury") return "a luxury car";
  if (cls == "motorcycle") return "a motorcycle";
  return "a car";
}

class VehicleDetector : public Detector {
 public:
  explicit VehicleDetector(const LexiconSet& lex)
      : makes_(lex.Find("vehicle_makes")),
        models_(lex.Find("vehicle_models")),
        colours_(lex.Find("colours")),
        given_(lex.Find("given_names")),
        words_(lex.Find("place_words")) {}

  std::string_view id() const override { return kSource; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    if (!makes_) return;
    const auto& tokens = in.tokens;
    size_t claimed_until = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i < claimed_until || !tokens[i].is_word()) continue;
      auto mk = makes_->index().LongestAt(tokens, i);
      auto md = models_ ? models_->index().LongestAt(tokens, i) : std::nullopt;
      if (!mk && !md) continue;

      std::optional<uint32_t> make_row, model_row;
      size_t last = i;
      bool make_and_model = false;
      if (mk && (!md || mk->last >= md->last)) {
        make_row = mk->values.front();
        last = mk->last;
        // "Toyota Camry", "Tesla Model 3", "Ford F-150"
        if (models_) {
          auto next = PhraseIndex::NextWord(tokens, last);
          if (next && !tokens[last].possessive) {
            if (auto m2 = models_->index().LongestAt(tokens, *next)) {
              for (uint32_t r : m2->values)
                if (SameMake(models_->Get(r, "make"), makes_->Get(*make_row, "make"), makes_->Get(*make_row, "aliases"))) {
                  model_row = r;
                  last = m2->last;
                  make_and_model = true;
                  break;
                }
            }
          }
        }
      } else {
        // A bare model: the most common row with that name.
        for (uint32_t r : md->values)
          if (!model_row || Share(models_, r) > Share(models_, *model_row)) model_row = r;
        last = md->last;
        // Bare numbers ("911", "3") are models only next to their make.
        bool has_letter = false;
        for (size_t k = i; k <= last; ++k)
          for (char c : tokens[k].key) has_letter = has_letter || (c >= 'a' && c <= 'z');
        if (!has_letter) continue;
        // A short model name that is also a little word ("IS", "ES", "Fit", "GT") is a model
        // only when written with a capital: "Ferrari red is the colour" has no Lexus in it.
        if (i == last && tokens[i].key.size() <= 3 && qi::IsDictionaryWord(tokens[i].key) &&
            !qi::StartsUpper(in.text, tokens[i]))
          continue;
      }

      // A colour right before: "the red Tesla", "pearl white Lexus".
      size_t first = i;
      std::optional<double> colour;
      for (size_t back = 1; back <= 3 && back <= i; ++back) {
        size_t s = i - back;
        if (!tokens[s].is_word() || !colours_) continue;
        auto cm = colours_->index().LongestAt(tokens, s);
        if (cm && cm->last + 1 == i) {
          colour = colours_->GetNumber(cm->values.front(), "frequency");
          first = s;
        }
      }

      // Evidence that this is a vehicle here.
      std::string_view next = KeyOf(tokens, qi::NextWordIn(tokens, last));
      if (In(kNotVehicleAfter, next) || IsPlaceWord(tokens, qi::NextWordIn(tokens, last))) continue;
      // "Ferrari red", "Tiffany blue": a make before a colour names the colour.
      if (long nx = qi::NextWordIn(tokens, last); nx == static_cast<long>(last) + 1 && colours_ &&
                                                  !tokens[last].possessive) {
        auto cm = colours_->index().LongestAt(tokens, static_cast<size_t>(nx));
        if (cm && !In(kVehicleNouns, KeyOf(tokens, qi::NextWordIn(tokens, cm->last)))) continue;
      }
      if (tokens[last].possessive && !In(kVehicleNouns, next) && !In(kVehicleParts, next) && !colour &&
          !make_and_model) {
        // "Tesla's stock", "Mercedes's mom": a possessive is rarely about a car.
        continue;
      }
      bool evidence = colour.has_value() || make_and_model || In(kVehicleNouns, next);
      long p = qi::PrevWordIn(tokens, first);
      std::string_view pk = KeyOf(tokens, p);
      // "her Lotus pose", "Zoë's Jaguar print leggings": a make that is an ordinary word,
      // followed by a noun, is that noun's modifier, not an owned car ("her Tesla is",
      // "her Prius's bumper" are cars).
      bool modifier = false;
      if (last + 1 < tokens.size() && tokens[last + 1].shape == Shape::kLower && !tokens[last].possessive &&
          qi::Adjacent(in.text, tokens[last], tokens[last + 1])) {
        std::string_view nk = tokens[last + 1].key;
        bool ordinary = true;
        for (size_t k = i; k <= last && ordinary; ++k)
          if (tokens[k].is_word()) ordinary = qi::IsDictionaryWord(tokens[k].key);
        modifier = ordinary && qi::IsDictionaryWord(nk) && !In(kFunctionWords, nk) && !In(kVehicleNouns, nk) &&
                   !In(kVehicleParts, nk);
      }
      if (!evidence && !modifier && In(kPossessives, pk)) evidence = true;
      // "my client's Tesla", "Maria's Porsche": a noun's possessive works like "her" ("she's",
      // "it's", "that's" are contractions, not owners).
      if (!evidence && !modifier && p >= 0 && tokens[p].possessive && pk != "she" && pk != "he" && pk != "it" &&
          pk != "that" && pk != "there" && pk != "what" && pk != "who" && pk != "here" && pk != "let")
        evidence = true;
      if (!evidence) {
        long w = static_cast<long>(first);
        for (int k = 0; k < 4 && !evidence; ++k) {
          w = qi::PrevWordIn(tokens, static_cast<size_t>(w));
          if (w < 0) break;
          evidence = In(kVerbs, tokens[w]);
          if (tokens[w].key == "in" || tokens[w].key == "of") {
            // "in his Porsche", "got out of a Tesla"
            std::string_view after_in = KeyOf(tokens, qi::NextWordIn(tokens, static_cast<size_t>(w)));
            // Right before the vehicle: "the widow of the former fire chief" is no Indian Chief.
            evidence = (In(kPossessives, after_in) || In(kArticles, after_in)) && k <= 1;
          }
        }
      }
      if (!evidence && In(kArticles, pk)) {
        // "a Porsche", "the Prius": an article is enough for a name that is only a vehicle.
        bool plain = true;
        for (size_t k = i; k <= last && plain; ++k)
          if (tokens[k].is_word()) plain = !qi::IsDictionaryWord(tokens[k].key) && !IsGivenName(tokens, k);
        evidence = plain && qi::StartsUpper(in.text, tokens[i]);
      }
      if (!evidence) continue;

      double share = model_row ? Share(models_, *model_row) : Share(makes_, *make_row);
      double freq = share * colour.value_or(1.0);
      std::string cls;
      std::string suggestion;
      if (model_row) {
        cls = std::string(models_->Get(*model_row, "class"));
        suggestion = ClassSuggestion(cls);
        if (cls.empty() || cls == "mainstream") {
          if (auto r = MakeRowOf(models_->Get(*model_row, "make"))) suggestion = std::string(makes_->Get(*r, "suggestion"));
        }
      } else {
        suggestion = std::string(makes_->Get(*make_row, "suggestion"));
      }
      if (suggestion.empty()) suggestion = "a car";
      std::vector<std::string> suggestions = {suggestion};
      if (suggestion != "a car" && suggestion != "a motorcycle") suggestions.push_back("a car");
      if (suggestion == "a motorcycle") suggestions.push_back("remove");
      std::string what(in.text.substr(tokens[first].span.start, tokens[last].span.end - tokens[first].span.start));
      std::string message = "A car is something neighbours and clients notice every day: about 1 in " +
                            std::to_string(static_cast<long long>(1 / std::max(freq, 1e-9) + 0.5)) +
                            " vehicles is " + (colour ? "this colour and model" : "this model") +
                            ". Say \"" + suggestion + "\" instead.";
      out.push_back(qi::MakeFinding("vehicle", kSource, {tokens[first].span.start, tokens[last].span.end},
                                    Severity::kWarning, std::move(message), freq, std::move(suggestions)));
      claimed_until = last + 1;
    }
  }

 private:
  static double Share(const Lexicon* lex, uint32_t row) { return lex->GetNumber(row, "share").value_or(1e-5); }

  static bool SameMake(std::string_view model_make, std::string_view make, std::string_view aliases) {
    if (model_make == make) return true;
    for (std::string_view a : SplitAliases(aliases))
      if (a == model_make) return true;
    return false;
  }

  std::optional<uint32_t> MakeRowOf(std::string_view make) const {
    for (size_t r = 0; r < makes_->rows(); ++r)
      if (makes_->Get(r, "make") == make) return static_cast<uint32_t>(r);
    return std::nullopt;
  }

  bool IsGivenName(const std::vector<Token>& tokens, size_t i) const {
    if (!given_) return false;
    auto m = given_->index().LongestAt(tokens, i);
    return m && m->last == i;
  }

  bool IsPlaceWord(const std::vector<Token>& tokens, long i) const {
    if (!words_ || i < 0) return false;
    auto m = words_->index().LongestAt(tokens, static_cast<size_t>(i));
    return m.has_value() && tokens[i].key != "garage";
  }

  const Lexicon* makes_;
  const Lexicon* models_;
  const Lexicon* colours_;
  const Lexicon* given_;
  const Lexicon* words_;
};

}  // namespace

std::unique_ptr<Detector> MakeVehicleDetector(const LexiconSet& lexicons) {
  return std::make_unique<VehicleDetector>(lexicons);
}

}  // namespace discreet
