// Which rules run and at what severity: the config file's `packs` and `rules` and the
// CLI's --enable-rule/--disable-rule, resolved against the catalogue, the built-in
// detectors and the loaded packs.
//
// An id names a catalogue rule ("health"), a pack rule ("core-en/health"), a built-in
// detector ("builtin/phone") or a pack ("core-en"). For a finding the most specific
// setting wins: its source (pack rule or built-in detector), then its pack, then its
// catalogue rule. Among settings of the same id, the later one wins (CLI after config).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"

namespace discreet {

struct RuleOverride {
  std::string id;
  bool enabled = true;                // false: off
  std::optional<Severity> severity;   // when enabled: the new severity, or the default
  std::string origin;                 // where it was set, for messages: "/x/.discreet.json: rules"
};

class RuleControl {
 public:
  RuleControl() = default;
  // Checks every override's id against `known_ids` and throws ConfigError naming its
  // origin and the nearest known ids when one is unknown. `only_packs`, when set, lists the
  // packs that load (config `packs.enable`); overrides of a pack name come after it.
  RuleControl(const std::vector<RuleOverride>& overrides, const std::vector<std::string>& known_ids,
              const std::vector<std::string>& pack_names, const std::optional<std::vector<std::string>>& only_packs,
              const std::string& only_packs_origin = "packs.enable");

  bool PackEnabled(std::string_view pack) const;
  // The severity a finding of `source` (in `pack`, reporting as `rule`) gets, or nullopt
  // when it is switched off.
  std::optional<Severity> Resolve(std::string_view source, std::string_view pack, std::string_view rule,
                                  Severity default_severity) const;

 private:
  struct Setting {
    bool enabled = true;
    std::optional<Severity> severity;
  };
  std::map<std::string, Setting, std::less<>> settings_;
  std::map<std::string, bool, std::less<>> packs_;  // pack → loads
};

// Up to `max` of `known` closest to `id` (edit distance), closest first.
std::vector<std::string> NearestIds(std::string_view id, const std::vector<std::string>& known, size_t max = 3);

}  // namespace discreet
