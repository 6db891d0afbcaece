// XorShift: the fixed-seed generator of the random differential tests, so that a failing
// round is the same round on every machine.
#pragma once

#include <cstdint>

namespace discreet::testing {

class XorShift {
 public:
  explicit XorShift(uint64_t seed) : x_(seed) {}
  uint64_t operator()() {
    x_ ^= x_ << 13;
    x_ ^= x_ >> 7;
    x_ ^= x_ << 17;
    return x_;
  }

 private:
  uint64_t x_;
};

}  // namespace discreet::testing
