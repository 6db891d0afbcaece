// The options every checking command shares (--config, --enable-rule, --disable-rule,
// --locale) and the Linters they build: one per configuration file in use, so posts in
// two folders with their own `.discreet.json` are each checked under their own settings.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "config/config.h"
#include "linter.h"

namespace discreet::cli {

struct SetupFlags {
  std::optional<std::filesystem::path> config;  // --config: this file, no discovery
  std::optional<std::string> locale;            // --locale
  std::vector<RuleOverride> rules;              // --enable-rule / --disable-rule, in order
};

// Consumes one of the shared options when it is next; false when it is not one of them.
bool ParseSetupFlag(Args& args, SetupFlags& flags);

// The help text of the shared options, for each command's --help.
extern const char* const kSetupFlagsHelp;

class LinterSetup {
 public:
  explicit LinterSetup(SetupFlags flags) : flags_(std::move(flags)) {}

  // The configuration that applies to `checked` (a file or folder; standard input uses the
  // working directory): --config, else the nearest .discreet.json above it, else none.
  // Throws ConfigError for a broken config file.
  const Config& ConfigFor(const std::filesystem::path& checked);
  // The Linter for `checked`, built on first use; throws ConfigError as the Linter does.
  const Linter& LinterFor(const std::filesystem::path& checked);

 private:
  SetupFlags flags_;
  std::map<std::filesystem::path, Config> configs_;                    // by config file ("" = none)
  std::map<std::filesystem::path, std::unique_ptr<Linter>> linters_;  // by config file
  std::map<std::filesystem::path, std::filesystem::path> config_file_;  // folder → config file
};

}  // namespace discreet::cli
