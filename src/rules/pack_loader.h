// Rule packs: plugins/<name>/plugin.json (format in plugins/README.md, schema in
// plugins/plugin.schema.json) loaded into plain structs. The loader checks everything the
// engine relies on, so a pack either loads whole or fails with one line that names the
// file, the JSON line:column, the rule id and what is wrong. Nothing is skipped silently.
#pragma once

#include <re2/re2.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "finding.h"

namespace discreet {

// One phrase a rule matches, with the frequency its terms_file or lexicon row gives.
struct PackTerm {
  std::string phrase;
  std::optional<double> frequency;
};

// Words or phrases that must (or must not) appear within `before` word tokens before the
// match or `after` word tokens after it, in the same paragraph.
struct PackContext {
  bool must = true;
  int before = 0;
  int after = 0;
  std::vector<std::string> terms;  // "@list" references already expanded
};

struct PackRule {
  std::string id;    // "<pack>/<rule>"
  std::string pack;  // the pack's name
  std::string rule;  // the catalogue rule it reports as
  Category category = Category::kSensitive;
  Severity severity = Severity::kWarning;
  std::string message;
  std::string description;
  std::vector<PackTerm> terms;  // inline terms, terms_file rows and lexicon rows
  std::vector<std::string> patterns;
  std::vector<std::shared_ptr<const RE2>> compiled;  // one per pattern, compiled once
  std::vector<PackContext> context;
  std::optional<double> frequency;
  // Terms written as part of a capitalised name ("Summit Physical Therapy", "the Arthritis
  // Foundation") are not reported.
  bool not_in_names = false;
  std::vector<std::string> suggestions;
  std::vector<std::string> match_examples;
  std::vector<std::string> no_match_examples;
  std::string where;  // "path/plugin.json:LINE:COL" of the rule, for messages
};

struct RulePack {
  std::string name;
  std::string version;
  std::string description;
  std::filesystem::path file;  // its plugin.json
  std::vector<PackRule> rules;
};

// Loads one plugin.json. Lexicon references ("lexicon": "en/health.tsv") resolve under
// `lexicons_dir` (<data_dir>/lexicons). Throws ConfigError.
RulePack LoadPack(const std::filesystem::path& plugin_json, const std::filesystem::path& lexicons_dir);

// Parses a pack already in memory; `file` is the path used in messages and to resolve
// terms_file. Throws ConfigError.
RulePack ParsePack(const std::filesystem::path& file, const std::string& json, const std::filesystem::path& lexicons_dir);

// The pack folders (each holding a plugin.json) directly inside `plugins_dir`, sorted by
// name; none when the folder does not exist.
std::vector<std::filesystem::path> FindPackDirs(const std::filesystem::path& plugins_dir);

// Loads every pack in `pack_dirs` and checks what only the set can show: a pack name or a
// rule id used twice. Throws ConfigError.
std::vector<RulePack> LoadPacks(const std::vector<std::filesystem::path>& pack_dirs,
                                const std::filesystem::path& lexicons_dir);

}  // namespace discreet
