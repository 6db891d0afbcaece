// appearance and household: what people see of a person and who they live with —
// "dyes her hair purple", "7 foot", "6'8\"", "prosthetic left leg", "Boston accent",
// "has 50 cats", "mother of triplets", "widower", "service dog", "12 grandchildren".
// Frequencies come from attributes.tsv; counted pets and children fall with the count
// (log-log interpolation between the lexicon's rows); heights from a normal model of US
// adult height.
//
// One-word terms that are also everyday words ("quads", "cane", "blind", "walker",
// "ginger", "engaged") are reported only in a sentence about a person and not in their
// everyday sense ("blind spot", "ginger oil", "wheelchair accessible").
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "detect/qi_common.h"
#include "detect/registry.h"
#include "text/word_set.h"

namespace discreet {
namespace {

using qi::KeyOf;

constexpr std::string_view kSource = "builtin/attributes";

struct Point {
  double n, f;
};
// Share of people with n pets of a kind (attributes.tsv rows, APPA/AVMA surveys).
constexpr Point kCats[] = {{1, 0.3}, {2, 0.12}, {3, 0.06}, {5, 0.01}, {10, 0.001}, {20, 0.0002}, {50, 0.00005}};
constexpr Point kDogs[] = {{1, 0.45}, {2, 0.13}, {3, 0.05}, {5, 0.005}, {10, 0.0005}};
// Other pets: rarer to start with.
constexpr Point kOtherPets[] = {{1, 0.02}, {2, 0.01}, {5, 0.002}, {10, 0.0005}, {50, 0.00002}};
// Farm and flock animals: a dozen hens is ordinary on a farm.
constexpr Point kFlock[] = {{1, 0.05}, {10, 0.02}, {50, 0.005}, {200, 0.0005}};
// Children per parent (ACS/CDC family size).
constexpr Point kKids[] = {{1, 0.5}, {2, 0.3}, {3, 0.07}, {4, 0.03}, {5, 0.008}, {6, 0.004}, {8, 0.001}, {10, 0.0005}, {15, 0.00002}};
// Grandchildren per grandparent.
constexpr Point kGrandkids[] = {{1, 0.2}, {5, 0.08}, {10, 0.02}, {20, 0.0005}, {40, 0.00002}};

template <size_t N>
double Interpolate(const Point (&curve)[N], double n) {
  if (n <= curve[0].n) return curve[0].f;
  for (size_t k = 1; k < N; ++k) {
    if (n <= curve[k].n) {
      double t = (std::log(n) - std::log(curve[k - 1].n)) / (std::log(curve[k].n) - std::log(curve[k - 1].n));
      return std::exp(std::log(curve[k - 1].f) + t * (std::log(curve[k].f) - std::log(curve[k - 1].f)));
    }
  }
  // Beyond the last point: keep the last segment's slope.
  const Point& a = curve[N - 2];
  const Point& b = curve[N - 1];
  double slope = (std::log(b.f) - std::log(a.f)) / (std::log(b.n) - std::log(a.n));
  return std::exp(std::log(b.f) + slope * (std::log(n) - std::log(b.n)));
}

enum class Animal { kCat, kDog, kOther, kFlock };
const std::unordered_map<std::string_view, Animal>& Animals() {
  static const std::unordered_map<std::string_view, Animal> m = {
      {"cats", Animal::kCat},      {"kitties", Animal::kCat},   {"kittens", Animal::kCat},
      {"dogs", Animal::kDog},      {"pups", Animal::kDog},      {"puppies", Animal::kDog},
      {"parrots", Animal::kOther}, {"birds", Animal::kOther},   {"rabbits", Animal::kOther},
      {"bunnies", Animal::kOther}, {"snakes", Animal::kOther},  {"ferrets", Animal::kOther},
      {"lizards", Animal::kOther}, {"turtles", Animal::kOther}, {"tortoises", Animal::kOther},
      {"pigs", Animal::kOther},    {"llamas", Animal::kOther},  {"alpacas", Animal::kOther},
      {"donkeys", Animal::kOther}, {"reptiles", Animal::kOther}, {"pets", Animal::kCat},
      {"horses", Animal::kFlock},  {"chickens", Animal::kFlock}, {"hens", Animal::kFlock},
      {"goats", Animal::kFlock},   {"sheep", Animal::kFlock},   {"ducks", Animal::kFlock},
      {"cows", Animal::kFlock},    {"beehives", Animal::kFlock}};
  return m;
}

// Words that may stand between a count and the animal: 50 rescue cats.
constexpr WordSet kPetAdjectives({"rescue", "rescued", "feral",   "stray",  "pet",       "foster", "adopted",
                                  "senior", "indoor",  "outdoor", "little", "big",       "small",  "barn",
                                  "house",  "show",    "shelter", "pygmy",  "miniature", "mini"});
// Terms that count only in a sentence about a person, and words next to them that give
// them their everyday sense.
struct Ambiguous {
  std::string_view term;
  std::vector<std::string_view> not_before;  // the word after the term
  std::vector<std::string_view> not_after;   // the word before the term
};
const std::vector<Ambiguous>& AmbiguousTerms() {
  static const std::vector<Ambiguous> v = {
      {"quads", {"and", "are", "were", "is", "was", "too", "stretch", "stretches", "hamstrings", "glutes", "calves"},
       {"tight", "her", "his", "their", "your", "my", "the", "sore", "and", "stretch", "stretching", "in", "on"}},
      {"cane", {"sugar", "toad", "field", "fields"}, {"sugar", "candy", "hurricane"}},
      {"walker", {}, {"dog", "sky", "texas", "power", "fire", "street", "jay", "mall", "johnnie"}},
      {"blind", {"spot", "spots", "date", "taste", "faith", "side", "eye", "trust", "corner", "curve", "man's",
                 "drunk"},
       {"window", "the", "venetian", "roller", "colour", "color", "double", "single"}},
      {"deaf", {"ears", "ear"}, {"fell", "falls", "falling", "turn", "turned", "turning"}},
      {"ginger", {"tea", "ale", "root", "shot", "shots", "oil", "lemon", "snap", "snaps", "bread", "cookies", "beer",
                  "and", "essential", "lime", "juice", "turmeric", "compress", "massage"},
       {"fresh", "with", "and", "of", "some", "warm", "hot", "lemon"}},
      {"engaged", {"in", "with", "by", "during", "throughout", "core", "muscles", "the", "your"}, {"stay", "keep", "fully", "core", "muscles"}},
      {"adopted", {"a", "an", "the", "this", "our", "new", "some", "two"}, {"we", "i", "newly", "recently"}},
      {"twins", {"game", "fans", "fan", "win", "won", "lost", "season"}, {"minnesota"}},
      {"quadruplets", {}, {}},
      {"gauges", {"pressure", "fuel"}, {"pressure", "fuel", "tire"}},
      {"mansion", {}, {"playboy"}},
      {"tattoo", {"parlor", "parlour", "shop", "artist", "studio"}, {"temporary", "henna"}},
      {"tattoos", {}, {"temporary", "henna"}},
      {"tattooed", {}, {}},
      {"widow", {"peak", "maker", "makers"}, {"black"}},
      {"bald", {"eagle", "eagles", "tires", "tyres", "spot"}, {}},
      {"blond", {"wood", "ale", "beer", "roast"}, {}},
      {"wheelchair", {"accessible", "access", "ramp", "ramps", "friendly", "parking", "lift"}, {}},
      {"horses", {}, {"hold", "your", "wild"}},
      {"chickens", {}, {"fried", "roast", "grilled", "the"}},
      {"goats", {}, {"the", "greatest"}},
      {"divorced", {"from"}, {}},
      {"homeless", {"shelter", "shelters"}, {"the"}},
      {"stutter", {"step"}, {}},
      {"crutches", {}, {}},
      {"mohawk", {}, {}},
      {"gingers", {}, {}},
  };
  return v;
}
// The words that open a sub-rule below; the per-token gate in Detect asks for all of them.
constexpr WordSet kDyeVerbs({"dyes", "dyed", "dye", "dyeing", "colors", "colours", "bleaches", "bleached"});
constexpr WordSet kLimbOpeners({"prosthetic", "artificial", "missing", "lost", "amputated"});
constexpr WordSet kParents({"mother", "mom", "mum", "father", "dad", "parent"});
constexpr WordSet kGrandparents({"grandmother", "grandma", "grandfather", "grandpa", "grandparent"});
// "a dozen cats", "dozens of cats", "a hundred chickens".
constexpr WordSet kCountOpeners({"a", "dozens"});
// Words after a wheelchair/service dog phrase that make it about the building: accessible.
constexpr WordSet kAccessWords({"accessible", "access", "ramp", "ramps", "friendly", "parking", "welcome", "allowed",
                                "lift", "entrance", "available"});
constexpr WordSet kHeightNounsNot({"table", "tables", "ceiling",  "ceilings", "fence",  "tree",   "trees",    "wall",
                                   "walls", "pole",   "board",    "boards",   "ladder", "hose",   "cord",     "cable",
                                   "boat",  "sub",    "sandwich", "wave",     "waves",  "drop",   "distance", "radius",
                                   "rule",  "deep",   "long",     "wide",     "snake",  "python", "gator",    "shark"});
constexpr WordSet kHairColours({"purple",    "pink",   "blue", "green",  "rainbow",  "lavender", "teal",
                                "turquoise", "orange", "red",  "silver", "platinum", "blonde",   "blond",
                                "white",     "black",  "grey", "gray",   "neon",     "violet",   "magenta"});

// Share of US adults at or above (tall) / at or below (short) `inches`, from two normal
// curves (CDC 2015-2018: men 69.0 in ± 3.0, women 63.5 in ± 2.8), about 78% of people
// being adults.
double HeightShare(double inches) {
  auto tail_above = [](double x, double mean, double sd) { return 0.5 * std::erfc((x - mean) / (sd * std::sqrt(2.0))); };
  double above = 0.5 * tail_above(inches - 0.5, 69.0, 3.0) + 0.5 * tail_above(inches - 0.5, 63.5, 2.8);
  double below = 0.5 * (1 - tail_above(inches + 0.5, 69.0, 3.0)) + 0.5 * (1 - tail_above(inches + 0.5, 63.5, 2.8));
  double f = inches >= 66 ? above : below;
  return std::max(f * 0.78, 1e-8);
}

class AttributesDetector : public Detector {
 public:
  explicit AttributesDetector(const LexiconSet& lex) : attrs_(lex.Find("attributes")) {
    for (const Ambiguous& a : AmbiguousTerms()) ambiguous_.emplace(a.term, &a);
    if (attrs_)
      for (size_t r = 0; r < attrs_->rows(); ++r) {
        std::string phrase(attrs_->Get(r, "phrase"));
        for (char& c : phrase) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (auto f = attrs_->GetNumber(r, "frequency")) phrase_freq_cache_.emplace(std::move(phrase), *f);
      }
  }

  std::string_view id() const override { return kSource; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    const auto& tokens = in.tokens;
    const std::vector<bool>& person = qi::PersonCues::Of(in);
    size_t claimed_until = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i < claimed_until || !tokens[i].is_word() || !MayStartAt(in, i)) continue;
      size_t end = i;
      if (HairDye(in, i, out, &end) || Height(in, person, i, out, &end) || Limb(in, i, out, &end) ||
          Counted(in, person, i, out, &end) || Accent(in, i, out, &end) || LexiconTerm(in, person, i, out, &end)) {
        claimed_until = end + 1;
      }
    }
  }

 private:
  // Whether any sub-rule below can start at token i: each opens on one of these (most
  // tokens are none), which one test here answers instead of six.
  bool MayStartAt(const ScanInput& in, size_t i) const {
    const auto& tokens = in.tokens;
    const Token& t = tokens[i];
    if (t.shape == Shape::kNumber || qi::NumberAt(in, i)) return true;             // Height, Counted
    if (In(kDyeVerbs, t) || In(kLimbOpeners, t) || In(kParents, t) ||              // HairDye, Limb,
        In(kGrandparents, t) || In(kCountOpeners, t))                              // Counted
      return true;
    if (i + 2 < tokens.size() && tokens[i + 2].key == "haired") return true;  // HairDye
    if (i + 1 < tokens.size() && tokens[i + 1].key == "accent") return true;  // Accent
    return attrs_ && attrs_->index().MayStartAt(t);                           // LexiconTerm
  }

  // "dyes her hair purple", "dyed his hair bright blue", "purple-haired"
  bool HairDye(const ScanInput& in, size_t i, std::vector<Finding>& out, size_t* end) const {
    const auto& tokens = in.tokens;
    std::string_view k = tokens[i].key;
    if (In(kDyeVerbs, k)) {
      long w = qi::NextWordIn(tokens, i);
      std::string_view pk = KeyOf(tokens, w);
      if (pk != "her" && pk != "his" && pk != "their") return false;
      w = qi::NextWordIn(tokens, static_cast<size_t>(w));
      if (KeyOf(tokens, w) != "hair" && KeyOf(tokens, w) != "beard") return false;
      long c = qi::NextWordIn(tokens, static_cast<size_t>(w));
      if (KeyOf(tokens, c) == "bright" || KeyOf(tokens, c) == "neon" || KeyOf(tokens, c) == "hot")
        c = qi::NextWordIn(tokens, static_cast<size_t>(c));
      std::string_view colour = KeyOf(tokens, c);
      if (!In(kHairColours, colour)) return false;
      double f = HairShare(colour);
      Emit(in, "appearance", i, static_cast<size_t>(c), Severity::kWarning, f,
           "An unusual hair colour is the first thing people describe a person by.", {"remove"}, out);
      *end = static_cast<size_t>(c);
      return true;
    }
    // "purple-haired"
    if (i + 2 < tokens.size() && tokens[i + 2].key == "haired" && tokens[i + 1].key == "-" && In(kHairColours, k)) {
      Emit(in, "appearance", i, i + 2, Severity::kWarning, HairShare(k),
           "An unusual hair colour is the first thing people describe a person by.", {"remove"}, out);
      *end = i + 2;
      return true;
    }
    return false;
  }

  double HairShare(std::string_view colour) const {
    std::string phrase = std::string(colour) + " hair";
    if (auto f = LookupPhrase(phrase)) return *f;
    return 0.005;
  }

  std::optional<double> LookupPhrase(const std::string& phrase) const {
    auto it = phrase_freq_cache_.find(phrase);
    if (it != phrase_freq_cache_.end()) return it->second;
    return std::nullopt;
  }

  // "7 foot", "7-foot", "seven feet tall", "6'8\"", "6 ft 9", "6-foot-8", "4'10"
  bool Height(const ScanInput& in, const std::vector<bool>& person, size_t i, std::vector<Finding>& out,
              size_t* end) const {
    const auto& tokens = in.tokens;
    const Token& t = tokens[i];
    double inches = 0;
    size_t last = i;
    // 6'8 comes as one number token
    if (t.shape == Shape::kNumber && t.key.size() >= 3 && t.key.size() <= 5 && t.key[1] == '\'' && t.key[0] >= '4' &&
        t.key[0] <= '7') {
      int feet = t.key[0] - '0';
      int in_part = std::atoi(t.key.c_str() + 2);
      if (in_part > 11) return false;
      inches = feet * 12 + in_part;
      if (last + 1 < tokens.size() && (tokens[last + 1].key == "\"" || tokens[last + 1].key == "\u201d" ||
                                       tokens[last + 1].key == "''"))
        ++last;
    } else {
      auto num = qi::NumberAt(in, i);
      if (!num || num->value < 4 || num->value > 8) return false;
      size_t j = num->last + 1;
      if (j < tokens.size() && tokens[j].key == "-") ++j;
      if (j >= tokens.size()) return false;
      std::string_view u = tokens[j].key;
      bool feet_word = u == "foot" || u == "feet" || u == "ft";
      if (!feet_word && u == "'" ) feet_word = true;
      if (!feet_word) return false;
      inches = num->value * 12;
      last = j;
      // inches after: "6 foot 5", "6-foot-8", "6 ft 9 in"
      size_t k = j + 1;
      if (k < tokens.size() && tokens[k].key == "-") ++k;
      if (k < tokens.size()) {
        if (auto extra = qi::NumberAt(in, k); extra && extra->value < 12) {
          inches += extra->value;
          last = extra->last;
          if (last + 1 < tokens.size() && (tokens[last + 1].key == "in" || tokens[last + 1].key == "inches")) ++last;
        } else if (tokens[k].key == "nothing") {
          last = k;
        }
      }
    }
    std::string_view after = KeyOf(tokens, qi::NextWordIn(tokens, last));
    if (In(kHeightNounsNot, after)) return false;
    bool tall = after == "tall" || after == "short";
    if (tall) last = static_cast<size_t>(qi::NextWordIn(tokens, last));
    if (!tall && !qi::PersonCues::At(person, t)) return false;
    if (inches > 59 && inches < 74) return false;  // ordinary heights say little
    double f = HeightShare(inches);
    Emit(in, "appearance", i, last, Severity::kWarning, f,
         inches >= 74 ? "Someone this tall stands out in any crowd; everyone who has met them will know."
                      : "A height this far from average is something everyone who has met them remembers.",
         {inches >= 74 ? "tall" : "short", "remove"}, out);
    *end = last;
    return true;
  }

  // "prosthetic left leg", "missing her right hand", "lost his left arm", "above-knee amputee"
  bool Limb(const ScanInput& in, size_t i, std::vector<Finding>& out, size_t* end) const {
    const auto& tokens = in.tokens;
    std::string_view k = tokens[i].key;
    if (!In(kLimbOpeners, k)) return false;
    long w = qi::NextWordIn(tokens, i);
    std::string_view nk = KeyOf(tokens, w);
    if (nk == "her" || nk == "his" || nk == "their" || nk == "a") {
      w = qi::NextWordIn(tokens, static_cast<size_t>(w));
      nk = KeyOf(tokens, w);
    }
    if (nk == "left" || nk == "right" || nk == "lower" || nk == "upper") {
      w = qi::NextWordIn(tokens, static_cast<size_t>(w));
      nk = KeyOf(tokens, w);
    }
    double f = 0;
    if (nk == "leg" || nk == "foot" || nk == "limb") f = 0.003;
    else if (nk == "arm" || nk == "hand") f = 0.0005;
    else if (nk == "eye") f = 0.0002;
    else if ((nk == "finger" || nk == "fingers" || nk == "toe" || nk == "toes") && k != "lost") f = 0.002;
    if (f == 0 || w < 0) return false;
    if ((k == "missing" || k == "lost") && !(KeyOf(tokens, qi::NextWordIn(tokens, i)) == "her" ||
                                             KeyOf(tokens, qi::NextWordIn(tokens, i)) == "his" ||
                                             KeyOf(tokens, qi::NextWordIn(tokens, i)) == "a"))
      return false;
    Emit(in, "appearance", i, static_cast<size_t>(w), Severity::kWarning, f,
         "A missing or prosthetic limb is visible to everyone who meets them and rare enough to name them.",
         {"remove"}, out);
    *end = static_cast<size_t>(w);
    return true;
  }

  // "has 50 cats", "a dozen rescue dogs", "mother of 8", "12 grandchildren", "8 kids"
  bool Counted(const ScanInput& in, const std::vector<bool>& person, size_t i, std::vector<Finding>& out,
               size_t* end) const {
    const auto& tokens = in.tokens;
    size_t start = i;
    std::optional<qi::ParsedNumber> num;
    // "mother of 8", "dad of six", "grandmother of 20": a parent of a counted family. (A
    // count of pets or other things after it is left to the rows below.)
    {
      std::string_view k = tokens[i].key;
      bool parent = In(kParents, k);
      bool grand = In(kGrandparents, k);
      long of = qi::NextWordIn(tokens, i);
      if ((parent || grand) && of == static_cast<long>(i) + 1 && tokens[of].key == "of") {
        if (auto n = qi::NumberAt(in, static_cast<size_t>(of) + 1)) {
          std::string_view after = KeyOf(tokens, qi::NextWordIn(tokens, n->last));
          bool children = after.empty() || after == "kids" || after == "children" || after == "grandkids" ||
                          after == "grandchildren" || after == "and" || after == "boys" || after == "girls" ||
                          Animals().find(after) == Animals().end();
          children = children && !In(kPetAdjectives, after);
          if (children && ((parent && n->value >= 4) || (grand && n->value >= 8)) && n->value <= 40) {
            double f = parent ? Interpolate(kKids, n->value) : Interpolate(kGrandkids, n->value);
            Emit(in, "household", i, n->last, Severity::kWarning, f,
                 "A family this size is unusual enough that people who know them will recognise it.",
                 {parent ? "a parent" : "a grandparent", "remove"}, out);
            *end = n->last;
            return true;
          }
        }
      }
    }
    if (In(kCountOpeners, tokens[i]) && i + 1 < tokens.size()) {
      // "a dozen cats", "dozens of cats"
      if (tokens[i].key == "a" && tokens[i + 1].key == "dozen") num = qi::ParsedNumber{12, i + 1};
      else if (tokens[i].key == "dozens" && tokens[i + 1].key == "of") num = qi::ParsedNumber{30, i + 1};
      else if (tokens[i].key == "a" && tokens[i + 1].key == "hundred") num = qi::ParsedNumber{100, i + 1};
    } else {
      num = qi::NumberAt(in, i);
    }
    if (!num || num->value < 2) return false;
    long b = qi::Before(tokens, i);
    std::string_view bk = KeyOf(tokens, b);
    if (bk == "$" || bk == "#" || bk == ":" || bk == ".") return false;
    long w = qi::NextWordIn(tokens, num->last);
    if (w < 0 || static_cast<size_t>(w) != num->last + 1) return false;
    if (In(kPetAdjectives, tokens[w])) {
      long w2 = qi::NextWordIn(tokens, static_cast<size_t>(w));
      if (w2 >= 0) w = w2;
    }
    std::string_view noun = tokens[w].key;
    double n = num->value;
    auto it = Animals().find(noun);
    if (it != Animals().end()) {
      double f = 0;
      switch (it->second) {
        case Animal::kCat: f = Interpolate(kCats, n); break;
        case Animal::kDog: f = Interpolate(kDogs, n); break;
        case Animal::kOther: f = Interpolate(kOtherPets, n); break;
        case Animal::kFlock: f = Interpolate(kFlock, n); break;
      }
      if (n < 3 && f > 0.05) return false;  // two cats is most households
      bool about_person = qi::PersonCues::At(person, tokens[i]) || bk == "has" || bk == "have" || bk == "with" ||
                          bk == "of" || bk == "owns" || bk == "keeps" || bk == "feeds";
      Emit(in, "household", start, static_cast<size_t>(w), about_person ? Severity::kWarning : Severity::kInfo, f,
           "A houseful of animals is the kind of detail the whole neighbourhood knows about.",
           {"pets", "remove"}, out);
      *end = static_cast<size_t>(w);
      return true;
    }
    bool kids = noun == "kids" || noun == "children" || noun == "sons" || noun == "daughters" || noun == "boys" ||
                noun == "girls" || noun == "foster";
    bool grandkids = noun == "grandchildren" || noun == "grandkids" || noun == "grandsons" ||
                     noun == "granddaughters" || noun == "great-grandchildren";
    if ((kids && n >= 4) || (grandkids && n >= 8)) {
      if (!(qi::PersonCues::At(person, tokens[i]) || bk == "has" || bk == "have" || bk == "of" || bk == "with" ||
            bk == "raising"))
        return false;
      double f = kids ? Interpolate(kKids, n) : Interpolate(kGrandkids, n);
      Emit(in, "household", start, static_cast<size_t>(w), Severity::kWarning, f,
           "A family this size is unusual enough that people who know them will recognise it.",
           {kids ? "a parent" : "a grandparent", "remove"}, out);
      *end = static_cast<size_t>(w);
      return true;
    }
    return false;
  }

  // "Boston accent", "thick Jamaican accent": an accent no lexicon row names.
  bool Accent(const ScanInput& in, size_t i, std::vector<Finding>& out, size_t* end) const {
    const auto& tokens = in.tokens;
    if (i + 1 >= tokens.size() || tokens[i + 1].key != "accent") return false;
    if (attrs_ && attrs_->index().LongestAt(tokens, i)) return false;  // the lexicon has it
    const Token& t = tokens[i];
    if (!qi::StartsUpper(in.text, t) || t.shape == Shape::kAllCaps) {
      // "a thick accent" and friends are in the lexicon; lowercase nationalities are rare
      return false;
    }
    if (t.key == "an" || t.key == "a" || t.key == "the" || t.key == "her" || t.key == "his") return false;
    Emit(in, "appearance", i, i + 1, Severity::kWarning, 0.005,
         "An accent from far away is one of the first things people remember about someone.", {"remove"}, out);
    *end = i + 1;
    return true;
  }

  bool LexiconTerm(const ScanInput& in, const std::vector<bool>& person, size_t i, std::vector<Finding>& out,
               size_t* end) const {
    if (!attrs_) return false;
    const auto& tokens = in.tokens;
    auto m = attrs_->index().LongestAt(tokens, i);
    if (!m) return false;
    uint32_t row = m->values.front();
    std::string_view rule = attrs_->Get(row, "rule");
    if (rule != "appearance" && rule != "household") return false;
    bool single = m->first == m->last;
    std::string_view next = KeyOf(tokens, qi::NextWordIn(tokens, m->last));
    std::string_view prev = KeyOf(tokens, qi::PrevWordIn(tokens, m->first));
    if (In(kAccessWords, next)) return false;
    bool about_person = qi::PersonCues::At(person, tokens[i]);
    if (auto it = ambiguous_.find(tokens[i].key); single && it != ambiguous_.end()) {
      const Ambiguous& a = *it->second;
      if (std::find(a.not_before.begin(), a.not_before.end(), next) != a.not_before.end()) return false;
      if (std::find(a.not_after.begin(), a.not_after.end(), prev) != a.not_after.end()) return false;
      if (tokens[i].key == "walker" && qi::StartsUpper(in.text, tokens[i])) return false;  // Mrs Walker
      if (tokens[i].key == "quads" && prev != "of" && prev != "had" && prev != "has" && prev != "with") return false;
    }
    if (single && !about_person) return false;
    // "Walker's", "Twins'" are names and teams; a term that is itself a person ("the
    // widower's back") keeps its possessive. A phrase in the possessive is about something
    // else ("we lost her husband's booking").
    static constexpr WordSet kPersonTerms({"widow", "widower", "amputee", "redhead", "brunette", "newlywed", "albino"});
    if (tokens[m->last].possessive && (!single || !In(kPersonTerms, tokens[m->last]))) return false;
    double f = attrs_->GetNumber(row, "frequency").value_or(0.01);
    std::vector<std::string> suggestions;
    std::string_view sug = attrs_->Get(row, "suggestion");
    if (!sug.empty()) suggestions.emplace_back(sug);
    if (sug != "remove") suggestions.emplace_back("remove");
    std::string message =
        rule == "appearance"
            ? "How someone looks, sounds or gets around is what people recognise them by; this fits about 1 in " +
                  std::to_string(static_cast<long long>(1 / f + 0.5)) + " people."
            : "Who someone lives with, or what happened to their family, is known to everyone around them; this "
              "fits about 1 in " +
                  std::to_string(static_cast<long long>(1 / f + 0.5)) + " people.";
    Emit(in, rule, m->first, m->last, about_person ? Severity::kWarning : Severity::kInfo, f, std::move(message),
         std::move(suggestions), out);
    *end = m->last;
    return true;
  }

  static void Emit(const ScanInput& in, std::string_view rule, size_t first, size_t last, Severity severity, double f,
                   std::string message, std::vector<std::string> suggestions, std::vector<Finding>& out) {
    out.push_back(qi::MakeFinding(rule, kSource, {in.tokens[first].span.start, in.tokens[last].span.end}, severity,
                                  std::move(message), f, std::move(suggestions)));
  }

  const Lexicon* attrs_;
  std::unordered_map<std::string_view, const Ambiguous*> ambiguous_;
  std::unordered_map<std::string, double> phrase_freq_cache_;
};

}  // namespace

std::unique_ptr<Detector> MakeAttributesDetector(const LexiconSet& lexicons) {
  return std::make_unique<AttributesDetector>(lexicons);
}

}  // namespace discreet
