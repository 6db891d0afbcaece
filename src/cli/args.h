// A small argument scanner: `--name value`, `--name=value`, flags, and positionals, with
// usage errors that say which option is wrong.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace discreet::cli {

class Args {
 public:
  Args(int argc, char** argv, int first);

  bool Done() const { return pos_ >= args_.size(); }
  // True, and consumes it, when the next argument is the flag `name`.
  bool Flag(const std::string& name);
  // When the next argument is option `name`, consumes it and its value; a missing value
  // throws UsageError.
  std::optional<std::string> Option(const std::string& name);
  // The next argument, consumed.
  std::string Next() { return args_[pos_++]; }
  const std::string& Peek() const { return args_[pos_]; }

 private:
  std::vector<std::string> args_;
  size_t pos_ = 0;
};

struct UsageError {
  std::string message;
};

}  // namespace discreet::cli
