// The rule catalogue: the stable rule ids users suppress and configure by (DESIGN.md).
// Built-in detectors and rule packs report under these ids; nothing else is a rule.
#pragma once

#include <span>
#include <string_view>

#include "finding.h"

namespace discreet {

struct RuleInfo {
  std::string_view id;
  Category category;
  Severity severity;  // default severity
  std::string_view summary;
  std::string_view example;
};

std::span<const RuleInfo> RuleCatalogue();
const RuleInfo* FindRule(std::string_view id);

}  // namespace discreet
