// Locating the data directory without configuration, so a fresh build and an installed
// binary both work.
#include "data_dir.h"

#include <cstdlib>

namespace discreet {

std::filesystem::path DefaultDataDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("DISCREET_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "discreet";
    if (fs::is_directory(installed / "lexicons", ec)) return installed;
  }
  return DISCREET_SOURCE_DATA_DIR;
}

}  // namespace discreet
