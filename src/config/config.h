// `.discreet.json`: the per-practice settings (README "Configuration"). Found by walking
// up from the checked file like .editorconfig, or named with --config; validated whole,
// with one-line errors that name the file, the key and what was expected. Unknown keys
// are errors, so a typo never silently does nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "linter.h"

namespace discreet {

inline constexpr const char* kConfigFileName = ".discreet.json";

struct Config {
  std::filesystem::path file;  // where it was read from; empty for the defaults

  std::string locale = "en";

  // practice_location: the town the practice is in, the default scope of the risk model.
  std::optional<std::string> practice_location_name;
  std::optional<double> practice_location_population;
  // A name without a population is looked up in the gazetteer when the Linter is built.

  // thresholds and beta (the risk model; see docs/risk-model.md).
  std::optional<double> block_kappa;
  std::optional<double> warn_kappa;
  std::optional<double> sensitive_block_kappa;
  std::optional<double> beta;
  std::optional<double> clientele;  // how many people come to the practice (gossip's readers)
  std::optional<bool> all_posts_about_clients;

  // packs: `enable` (when given) lists the only packs that load; `disable` switches packs off.
  std::optional<std::vector<std::string>> enable_packs;
  std::vector<std::string> disable_packs;
  // rules: id → "off" | "info" | "warning" | "error", in file order.
  std::vector<std::pair<std::string, std::string>> rules;

  // consent_ledger, resolved against the config file's folder; empty when not set.
  std::filesystem::path consent_ledger;

  // server.extension_origins: browser-extension origins allowed by CORS (discreet serve).
  std::vector<std::string> extension_origins;

  // <config folder>/.discreet/plugins: user rule packs (loaded when the folder exists).
  std::filesystem::path user_plugins_dir() const;
};

// The nearest `.discreet.json` in the folder of `checked` (a file, or a folder) or any of
// its parents up to the filesystem root; nullopt when there is none.
std::optional<std::filesystem::path> FindConfig(const std::filesystem::path& checked);

// Reads and validates a config file; throws ConfigError "FILE:LINE:COL: KEY: what".
Config LoadConfig(const std::filesystem::path& file);
// The same for text already in memory; `file` is used in messages and to resolve paths.
Config ParseConfig(const std::filesystem::path& file, const std::string& text);

// Maps the config onto the linter's options: locale, risk settings, pack and rule
// switches (as RuleOverrides, before any from the command line) and user pack folders.
void ApplyConfig(const Config& config, LinterOptions& options);

}  // namespace discreet
