// Locating the data directory without configuration, so a fresh build and an installed
// binary both work.
#include "data_dir.h"

#include <cstdlib>

namespace discreet {
namespace {

// <prefix>/share/discreet for the running binary at <prefix>/bin/discreet (it may not exist).
std::filesystem::path InstalledShareDir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path().parent_path() / "share" / "discreet";
}

}  // namespace

std::filesystem::path DefaultDataDir() {
  if (const char* env = std::getenv("DISCREET_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::path installed = InstalledShareDir();
      !installed.empty() && std::filesystem::is_directory(installed / "lexicons", ec))
    return installed;
  return DISCREET_SOURCE_DATA_DIR;
}

std::filesystem::path BuiltFilePath(const char* env, const std::filesystem::path& relative) {
  if (const char* value = std::getenv(env); value && *value) return value;
  std::error_code ec;
  if (std::filesystem::path installed = InstalledShareDir();
      !installed.empty() && std::filesystem::exists(installed / relative, ec))
    return installed / relative;
  return std::filesystem::path(DISCREET_BUILD_DIR) / relative;
}

}  // namespace discreet
