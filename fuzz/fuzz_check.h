// Shared by the fuzz targets: CHECK traps so that a broken invariant is a crash libFuzzer
// keeps, and the one exception type each parser may throw on bad input.
#pragma once

#define CHECK(cond)                \
  do {                             \
    if (!(cond)) __builtin_trap(); \
  } while (0)

#include "linter.h"

namespace discreet::fuzzing {

// One Linter for the whole run, as the CLI and the server build one. Targets that check
// drafts build it in LLVMFuzzerInitialize (DISCREET_FUZZ_LINTER below), so the first input
// is not charged the lexicon and dictionary load, which under ASan exceeds -timeout.
inline const Linter& SharedLinter() {
  static const Linter linter{LinterOptions{}};
  return linter;
}

}  // namespace discreet::fuzzing

#define DISCREET_FUZZ_LINTER                                  \
  extern "C" int LLVMFuzzerInitialize(int*, char***) {        \
    (void)discreet::fuzzing::SharedLinter();                  \
    (void)discreet::fuzzing::SharedLinter().Check({.path = "warm-up", .bytes = "Hello Sally"}); \
    return 0;                                                 \
  }
