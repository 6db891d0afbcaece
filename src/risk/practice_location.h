// The practice location from the configuration, looked up in the gazetteer so that the
// risk model knows how many people a description must hide among.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lexicon/lexicon.h"

namespace discreet {

struct PracticeLocation {
  std::string name;       // "Pinedale, WY, US"
  double population = 0;
};

// Resolves "Pinedale", "Pinedale, WY" or "Pinedale, US" against places.tsv (and US states).
// A population given in the configuration wins over the gazetteer's. Throws ConfigError
// naming `origin` when the place is unknown or ambiguous; the message lists candidates.
PracticeLocation ResolvePracticeLocation(const LexiconSet& lexicons, std::string_view spec,
                                         std::optional<double> population, std::string_view origin);

}  // namespace discreet
