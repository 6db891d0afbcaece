// Argument scanning for the CLI.
#include "cli/args.h"

namespace discreet::cli {

Args::Args(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) args_.emplace_back(argv[i]);
}

bool Args::Flag(const std::string& name) {
  if (Done() || args_[pos_] != name) return false;
  ++pos_;
  return true;
}

std::optional<std::string> Args::Option(const std::string& name) {
  if (Done()) return std::nullopt;
  const std::string& a = args_[pos_];
  if (a == name) {
    if (pos_ + 1 >= args_.size()) throw UsageError{name + " needs a value"};
    pos_ += 2;
    return args_[pos_ - 1];
  }
  if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=') {
    ++pos_;
    return a.substr(name.size() + 1);
  }
  return std::nullopt;
}

}  // namespace discreet::cli
