// The built-in detectors, registered in one table (registry.cc). Adding a detector is one
// file in src/detect/ and one row there.
#pragma once

#include <memory>
#include <vector>

#include "detect/detector.h"

namespace discreet {

std::vector<std::unique_ptr<Detector>> MakeBuiltinDetectors();

// Factories, one per detector file.
std::unique_ptr<Detector> MakeContactInfoDetector();
std::unique_ptr<Detector> MakeIdNumberDetector();
std::unique_ptr<Detector> MakeExactDateDetector();

}  // namespace discreet
