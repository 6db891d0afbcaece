// RuleControl: overrides folded into one map per id, checked against the known ids.
#include "rules/rule_control.h"

#include <algorithm>
#include <set>

#include "error.h"

namespace discreet {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> NearestIds(std::string_view id, const std::vector<std::string>& known, size_t max) {
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& k : known) {
    size_t d = EditDistance(id, k);
    // An id that contains the query (or the reverse) is near, whatever its length.
    if (k.find(id) != std::string::npos || id.find(k) != std::string::npos) d = std::min(d, size_t{2});
    scored.emplace_back(d, k);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (auto& [d, k] : scored) {
    if (out.size() >= max) break;
    out.push_back(std::move(k));
  }
  return out;
}

RuleControl::RuleControl(const std::vector<RuleOverride>& overrides, const std::vector<std::string>& known_ids,
                         const std::vector<std::string>& pack_names,
                         const std::optional<std::vector<std::string>>& only_packs,
                         const std::string& only_packs_origin) {
  std::set<std::string, std::less<>> known(known_ids.begin(), known_ids.end());
  std::set<std::string, std::less<>> packs(pack_names.begin(), pack_names.end());
  for (const std::string& p : pack_names) packs_[p] = !only_packs.has_value();
  if (only_packs) {
    for (const std::string& p : *only_packs) {
      if (!packs.contains(p)) {
        std::string near;
        for (const std::string& n : NearestIds(p, pack_names)) near += (near.empty() ? "" : ", ") + n;
        throw ConfigError(only_packs_origin + ": unknown pack '" + p + "'" +
                          (near.empty() ? " (no packs are installed)" : " (known packs: " + near + ")"));
      }
      packs_[p] = true;
    }
  }
  for (const RuleOverride& o : overrides) {
    if (!known.contains(o.id) && !packs.contains(o.id)) {
      std::vector<std::string> all(known_ids);
      all.insert(all.end(), pack_names.begin(), pack_names.end());
      std::string near;
      for (const std::string& n : NearestIds(o.id, all)) near += (near.empty() ? "" : ", ") + n;
      throw ConfigError(o.origin + ": unknown rule '" + o.id + "'" + (near.empty() ? "" : " (nearest: " + near + ")") +
                        "; `discreet rules` lists them");
    }
    if (packs.contains(o.id)) {
      packs_[o.id] = o.enabled;
      if (!o.enabled || !o.severity) {
        settings_.erase(o.id);
        continue;
      }
    }
    settings_[o.id] = Setting{o.enabled, o.severity};
  }
}

bool RuleControl::PackEnabled(std::string_view pack) const {
  auto it = packs_.find(pack);
  return it == packs_.end() ? true : it->second;
}

std::optional<Severity> RuleControl::Resolve(std::string_view source, std::string_view pack, std::string_view rule,
                                             Severity default_severity) const {
  for (std::string_view id : {source, pack, rule}) {
    if (id.empty()) continue;
    auto it = settings_.find(id);
    if (it == settings_.end()) continue;
    if (!it->second.enabled) return std::nullopt;
    return it->second.severity.value_or(default_severity);
  }
  return default_severity;
}

}  // namespace discreet
