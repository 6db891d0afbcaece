// The two kinds of failure a caller must tell apart: bad configuration or usage (the CLI
// exits 2) and input that cannot be read (exit 3). Messages are one line and name the file.
#pragma once

#include <stdexcept>
#include <string>

namespace discreet {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace discreet
