// One finding per detail: built-in detectors and rule packs often report the same words
// under the same rule ("widower" from the household pack and from the attributes
// detector; "player" and "player from the Super Bowl champions"). Counting both would
// count the detail twice in the risk model.
#pragma once

#include <vector>

#include "finding.h"

namespace discreet {

// Among findings of the same rule whose spans overlap, keeps one: the higher severity,
// then the longer span, then one with a frequency, then a built-in detector's, then the
// rarer frequency. Other findings keep their order.
void DedupeFindings(std::vector<Finding>& findings);

}  // namespace discreet
