// `discreet rules [RULE]`: the catalogue with categories, default severities and examples.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "rules/catalogue.h"

namespace discreet::cli {

int RunRules(Args& args) {
  std::string only;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::puts("Usage: discreet rules [RULE]\n\nLists every rule with its category, default severity and an "
                "example;\nwith RULE, just that one.");
      return kExitOk;
    }
    if (!only.empty()) throw UsageError{"one rule at a time"};
    only = args.Next();
  }
  bool found = false;
  for (const RuleInfo& r : RuleCatalogue()) {
    if (!only.empty() && r.id != only) continue;
    found = true;
    std::printf("%-24s %-17s %-8s %s\n", std::string(r.id).c_str(), std::string(CategoryName(r.category)).c_str(),
                std::string(SeverityName(r.severity)).c_str(), std::string(r.summary).c_str());
    std::printf("%-24s example: %s\n", "", std::string(r.example).c_str());
  }
  if (!found) {
    std::fprintf(stderr, "discreet rules: unknown rule '%s' (run `discreet rules` for the list)\n", only.c_str());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace discreet::cli
