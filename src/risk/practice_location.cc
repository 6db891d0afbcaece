// Gazetteer lookup for the practice location.
#include "risk/practice_location.h"

#include <algorithm>
#include <cstdio>

#include "error.h"
#include "text/fold.h"

namespace discreet {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

struct Candidate {
  std::string label;
  double population;
};

}  // namespace

PracticeLocation ResolvePracticeLocation(const LexiconSet& lexicons, std::string_view spec,
                                         std::optional<double> population, std::string_view origin) {
  std::string name = Trim(spec.substr(0, spec.find(',')));
  std::vector<std::string> qualifiers;
  for (size_t comma = spec.find(','); comma != std::string_view::npos;) {
    size_t next = spec.find(',', comma + 1);
    qualifiers.push_back(Fold(Trim(spec.substr(comma + 1, next == std::string_view::npos ? std::string_view::npos : next - comma - 1))));
    comma = next;
  }
  if (name.empty()) throw ConfigError(std::string(origin) + ": practice_location.name is empty");
  if (population) return {std::string(spec), *population};

  std::vector<Candidate> found;
  if (const Lexicon* places = lexicons.Find("places")) {
    for (uint32_t row : places->index().Lookup(name)) {
      std::string country = Fold(places->Get(row, "country")), admin1 = Fold(places->Get(row, "admin1"));
      bool ok = std::all_of(qualifiers.begin(), qualifiers.end(),
                            [&](const std::string& q) { return q == country || q == admin1; });
      auto pop = places->GetNumber(row, "population");
      if (!ok || !pop) continue;
      std::string label = std::string(places->Get(row, "name")) + ", ";
      if (!places->Get(row, "admin1").empty()) label += std::string(places->Get(row, "admin1")) + ", ";
      label += std::string(places->Get(row, "country"));
      found.push_back({label, *pop});
    }
  }
  if (const Lexicon* states = lexicons.Find("us_states"); states && qualifiers.empty()) {
    for (uint32_t row : states->index().Lookup(name))
      if (auto pop = states->GetNumber(row, "population")) found.push_back({std::string(states->Get(row, "name")) + ", US", *pop});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.population > b.population; });
  if (found.size() == 1) return {found[0].label, found[0].population};
  if (found.empty())
    throw ConfigError(std::string(origin) + ": practice_location \"" + std::string(spec) +
                      "\" is not in the gazetteer; give its population instead: "
                      "{\"name\": \"...\", \"population\": 3000}");
  std::string list;
  for (size_t i = 0; i < found.size() && i < 6; ++i) {
    char pop[32];
    std::snprintf(pop, sizeof pop, "%.0f", found[i].population);
    list += (i ? "; " : "") + found[i].label + " (" + pop + ")";
  }
  if (found.size() > 6) list += "; …";
  throw ConfigError(std::string(origin) + ": practice_location \"" + std::string(spec) + "\" is ambiguous: " + list +
                    ". Add the region or country, e.g. \"" + found[0].label + "\"");
}

}  // namespace discreet
