// The CLI's documented exit codes (DESIGN.md, CLI contract; README "Exit codes").
#pragma once

namespace discreet::cli {

inline constexpr int kExitOk = 0;        // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  // a draft at or above --fail-on
inline constexpr int kExitUsage = 2;     // usage or configuration error
inline constexpr int kExitInput = 3;     // an input could not be read

}  // namespace discreet::cli
