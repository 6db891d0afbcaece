// The table of built-in detectors.
#include "detect/registry.h"

namespace discreet {
namespace {

using Factory = std::unique_ptr<Detector> (*)(const LexiconSet&);

constexpr Factory kBuiltinDetectors[] = {
    &MakeContactInfoDetector,
    &MakeIdNumberDetector,
    &MakeExactDateDetector,
    &MakePersonNameDetector,
    &MakePublicFigureDetector,
    &MakePublicRoleDetector,
    &MakePlaceDetector,
    &MakeAgeDetector,
    &MakeVehicleDetector,
    &MakeOccupationDetector,
    &MakeAttributesDetector,
    &MakeTimeDetector,
};

}  // namespace

std::vector<std::unique_ptr<Detector>> MakeBuiltinDetectors(const LexiconSet& lexicons) {
  std::vector<std::unique_ptr<Detector>> out;
  for (Factory make : kBuiltinDetectors) out.push_back(make(lexicons));
  return out;
}

}  // namespace discreet
