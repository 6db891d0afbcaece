// Shared checking options and config discovery for check, serve and eval.
#include "cli/linter_setup.h"

#include "error.h"

namespace discreet::cli {
namespace fs = std::filesystem;

const char* const kSetupFlagsHelp = R"(  --config FILE          use this .discreet.json instead of the nearest one above each
                         checked file
  --enable-rule ID[=LEVEL]
                         turn a rule or pack on (ID: person-name, core-en/health,
                         core-en, ...), optionally at LEVEL info|warning|error
  --disable-rule ID      turn a rule or pack off (repeatable; after the config file)
  --locale L             lexicons and packs for this locale (default: the config's, en)
)";

bool ParseSetupFlag(Args& args, SetupFlags& flags) {
  if (auto v = args.Option("--config")) {
    flags.config = fs::path(*v);
  } else if (auto v = args.Option("--locale")) {
    flags.locale = *v;
  } else if (auto v = args.Option("--enable-rule")) {
    RuleOverride o{*v, true, std::nullopt, "--enable-rule " + *v};
    if (size_t eq = v->find('='); eq != std::string::npos) {
      o.id = v->substr(0, eq);
      o.severity = ParseSeverity(v->substr(eq + 1));
      if (!o.severity) throw UsageError{"--enable-rule " + *v + ": the level must be info, warning or error"};
    }
    if (o.id.empty()) throw UsageError{"--enable-rule needs a rule id, like person-name or core-en/health"};
    flags.rules.push_back(std::move(o));
  } else if (auto v = args.Option("--disable-rule")) {
    if (v->empty()) throw UsageError{"--disable-rule needs a rule id, like person-name or core-en/health"};
    flags.rules.push_back({*v, false, std::nullopt, "--disable-rule " + *v});
  } else {
    return false;
  }
  return true;
}

const Config& LinterSetup::ConfigFor(const fs::path& checked) {
  fs::path file;
  if (flags_.config) {
    file = *flags_.config;
  } else {
    fs::path folder = checked.empty() || checked == "-" ? fs::current_path() : checked;
    auto known = config_file_.find(folder);
    if (known == config_file_.end()) known = config_file_.emplace(folder, FindConfig(folder).value_or(fs::path{})).first;
    file = known->second;
  }
  auto it = configs_.find(file);
  if (it == configs_.end()) {
    std::error_code ec;
    if (flags_.config && !fs::exists(file, ec)) throw ConfigError(file.string() + ": no such config file");
    it = configs_.emplace(file, file.empty() ? Config{} : LoadConfig(file)).first;
  }
  return it->second;
}

const Linter& LinterSetup::LinterFor(const fs::path& checked) {
  const Config& config = ConfigFor(checked);
  auto& linter = linters_[config.file];
  if (!linter) {
    LinterOptions options;
    ApplyConfig(config, options);
    if (flags_.locale) options.locale = *flags_.locale;
    for (const RuleOverride& o : flags_.rules) options.rule_overrides.push_back(o);
    linter = std::make_unique<Linter>(std::move(options));
  }
  return *linter;
}

}  // namespace discreet::cli
