// Runs the real `discreet` binary for end-to-end tests: arguments, standard input and
// environment in; exit code, standard output and standard error out.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace discreet::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `env` entries are added to (or, with an empty value, removed from) a copy of the
// environment; CI and NO_COLOR are always removed unless `env` sets them. A non-empty
// `cwd` is the binary's working directory.
RunResult RunDiscreet(const std::vector<std::string>& args, const std::string& stdin_data = "",
                      const std::map<std::string, std::string>& env = {}, const std::string& cwd = "");

// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

}  // namespace discreet::testing
