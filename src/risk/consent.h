// The consent ledger: people who gave written consent, or made the detail public
// themselves (their own review, testimonial, selfie), and what that covers. A consented
// person is not flagged for what is covered; everything else about them still is.
//
// Ledger file (JSON):
//   {"entries": [{"name": "Jane Doe", "aliases": ["Jane", "@janeruns"],
//                 "covers": ["identity", "health"],
//                 "evidence": "signed testimonial 2026-03-01"}]}
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "finding.h"
#include "text/tokenizer.h"

namespace discreet {

struct ConsentEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::set<std::string> covers;  // identity, or catalogue rule ids (health, age, ...), or "all"
  std::string evidence;
};

class ConsentLedger {
 public:
  ConsentLedger() = default;
  // Reads and validates a ledger; throws ConfigError "PATH: what is wrong".
  static ConsentLedger Load(const std::filesystem::path& path);
  static ConsentLedger Parse(const std::string& path, const std::string& json);

  bool empty() const { return entries_.empty(); }
  const std::vector<ConsentEntry>& entries() const { return entries_; }

  // Removes the findings the ledger covers: the consented person's name (when identity is
  // covered) and, in the subject that name anchors, the findings of covered rules.
  void Apply(std::vector<Finding>& findings, const std::vector<Token>& tokens, std::string_view text) const;

 private:
  std::vector<ConsentEntry> entries_;
  std::vector<std::pair<std::string, size_t>> folded_names_;  // NameKey of a name or alias → entry
};

}  // namespace discreet
