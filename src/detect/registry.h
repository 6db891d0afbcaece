// The built-in detectors, registered in one table (registry.cc). Adding a detector is one
// file in src/detect/ and one row there.
#pragma once

#include <memory>
#include <vector>

#include "detect/detector.h"
#include "lexicon/lexicon.h"

namespace discreet {

// Detectors read their lexicons from `lexicons`, which outlives them (the Linter owns both).
std::vector<std::unique_ptr<Detector>> MakeBuiltinDetectors(const LexiconSet& lexicons);

// Factories, one per detector file.
std::unique_ptr<Detector> MakeContactInfoDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakeIdNumberDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakeExactDateDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakePersonNameDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakePublicFigureDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakePublicRoleDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakePlaceDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakeAgeDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakeVehicleDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakeOccupationDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakeAttributesDetector(const LexiconSet& lexicons);
std::unique_ptr<Detector> MakeTimeDetector(const LexiconSet& lexicons);

}  // namespace discreet
