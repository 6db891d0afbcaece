// `discreet rules [ID]`: the catalogue (the stable rule ids) and every rule of every pack
// that loads under the current configuration, with category, severity, description and
// an example; with ID, that rule, pack rule or pack in full.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/linter_setup.h"
#include "rules/catalogue.h"

namespace discreet::cli {
namespace {

constexpr const char* kRulesHelp = R"(Usage: discreet rules [ID] [options]

Lists the catalogue's rules (the ids findings report as) and then every rule pack with
its rules: id, category, severity, description and an example. With ID — a catalogue rule
(person-name), a pack rule (core-en/health) or a pack (bodywork) — shows just that one,
with all its examples. Packs switched off by the configuration are listed as off.

Options:
%s  -h, --help             this help
)";

std::string S(std::string_view v) { return std::string(v); }

void PrintPackRule(const PackRule& r, Severity severity, bool enabled, bool all_examples) {
  std::printf("  %-34s %-17s %-8s %s\n", r.id.c_str(), S(CategoryName(r.category)).c_str(),
              enabled ? S(SeverityName(severity)).c_str() : "off",
              (r.description.empty() ? r.message : r.description).c_str());
  size_t n = all_examples ? r.match_examples.size() : std::min<size_t>(1, r.match_examples.size());
  for (size_t i = 0; i < n; ++i) std::printf("  %-34s example: %s\n", "", r.match_examples[i].c_str());
  if (all_examples)
    for (const std::string& e : r.no_match_examples) std::printf("  %-34s not:     %s\n", "", e.c_str());
}

}  // namespace

int RunRules(Args& args) {
  std::string only;
  SetupFlags setup_flags;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::printf(kRulesHelp, kSetupFlagsHelp);
      return kExitOk;
    }
    if (ParseSetupFlag(args, setup_flags)) continue;
    if (args.Peek().size() > 1 && args.Peek()[0] == '-') throw UsageError{"unknown option '" + args.Peek() + "'"};
    if (!only.empty()) throw UsageError{"one rule at a time"};
    only = args.Next();
  }
  LinterSetup setup(std::move(setup_flags));
  const Linter& linter = setup.LinterFor(std::filesystem::current_path());
  const RuleControl& control = linter.rule_control();

  bool found = false;
  if (only.empty()) std::puts("Catalogue (the ids findings report as):");
  for (const RuleInfo& r : RuleCatalogue()) {
    if (!only.empty() && r.id != only) continue;
    found = true;
    auto severity = control.Resolve(r.id, "", r.id, r.severity);
    std::printf("  %-34s %-17s %-8s %s\n", S(r.id).c_str(), S(CategoryName(r.category)).c_str(),
                severity ? S(SeverityName(*severity)).c_str() : "off", S(r.summary).c_str());
    std::printf("  %-34s example: %s\n", "", S(r.example).c_str());
  }
  for (const RulePack& pack : linter.packs()) {
    bool pack_on = control.PackEnabled(pack.name);
    bool whole_pack = only == pack.name;
    bool header = false;
    for (const PackRule& r : pack.rules) {
      if (!only.empty() && !whole_pack && r.id != only) continue;
      if (!header && (only.empty() || whole_pack || !found)) {
        std::printf("\nPack %s %s%s — %s (%s)\n", pack.name.c_str(), pack.version.c_str(), pack_on ? "" : " [off]",
                    pack.description.c_str(), pack.file.parent_path().c_str());
        header = true;
      }
      found = true;
      auto severity = control.Resolve(r.id, r.pack, r.rule, r.severity);
      PrintPackRule(r, severity.value_or(r.severity), pack_on && severity.has_value(), !only.empty());
    }
  }
  if (!found) {
    std::fprintf(stderr, "discreet rules: unknown rule '%s' (run `discreet rules` for the list)\n", only.c_str());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace discreet::cli
