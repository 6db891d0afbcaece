// The rule-pack engine: one Detector over every enabled pack rule.
//
// Terms of all rules sit in ONE PhraseIndex (value → rule), matched on folded tokens,
// longest match first: "pregnancy massage" (a topic) shadows "pregnancy" (a disclosure).
// Patterns are RE2, compiled once by the loader, and run over the document's scan text;
// an RE2::Set pass first tells which patterns can match at all. Context conditions count
// word tokens before the match's first word and after its last, within its paragraph;
// a context phrase counts when it lies wholly inside the window and does not overlap
// the match. Findings carry the pack rule's fields; `source` is the pack rule id.
#pragma once

#include <memory>
#include <vector>

#include "detect/detector.h"
#include "rules/pack_loader.h"

namespace discreet {

// `rules` are the enabled rules, severities already adjusted by the caller.
std::unique_ptr<Detector> MakePackDetector(std::vector<PackRule> rules);

}  // namespace discreet
