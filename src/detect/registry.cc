// The table of built-in detectors.
#include "detect/registry.h"

namespace discreet {
namespace {

using Factory = std::unique_ptr<Detector> (*)();

constexpr Factory kBuiltinDetectors[] = {
    &MakeContactInfoDetector,
    &MakeIdNumberDetector,
    &MakeExactDateDetector,
};

}  // namespace

std::vector<std::unique_ptr<Detector>> MakeBuiltinDetectors() {
  std::vector<std::unique_ptr<Detector>> out;
  for (Factory make : kBuiltinDetectors) out.push_back(make());
  return out;
}

}  // namespace discreet
