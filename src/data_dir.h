// Where discreet's data (lexicons/, plugins/) lives: $DISCREET_DATA_DIR, else
// <prefix>/share/discreet beside an installed binary, else the source tree it was built from.
#pragma once

#include <filesystem>

namespace discreet {

std::filesystem::path DefaultDataDir();

}  // namespace discreet
