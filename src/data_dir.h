// Where discreet's data (lexicons/, plugins/) and compiled images live: an environment
// variable, else <prefix>/share/discreet beside an installed binary, else the source or
// build tree.
#pragma once

#include <filesystem>

namespace discreet {

std::filesystem::path DefaultDataDir();

// A file the build makes (a compiled image): $`env`, else <prefix>/share/discreet/`relative`
// beside an installed binary, else `relative` in the build tree the library was built in.
std::filesystem::path BuiltFilePath(const char* env, const std::filesystem::path& relative);

}  // namespace discreet
