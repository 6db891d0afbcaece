// Baselines (DESIGN.md, "Configuration"): findings a blog has accepted, so that an old
// blog can adopt the pre-commit hook and only new findings stop a commit.
//
// A finding is remembered by its fingerprint: SHA-256 over the file's random salt, the
// rule, the file's path (relative to the baseline file's folder) and the folded matched
// text. No line numbers (a finding that moves stays accepted) and no plaintext: the file
// can be committed and published. Each fingerprint has a count, so a third "Sally" in a
// post whose baseline accepted two is still reported.
//
//   {"schema": "discreet.baseline/1", "salt": "9f0c…",
//    "findings": [{"rule": "person-name", "path": "posts/a.md", "fingerprint": "3a7…", "count": 1}]}
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"
#include "text/document.h"

namespace discreet {

class Baseline {
 public:
  // An empty baseline that will be written to `file` (paths are stored relative to its
  // folder), with a fresh random salt.
  static Baseline Create(const std::filesystem::path& file);
  // Throws ConfigError when `file` cannot be read or is not a discreet baseline.
  static Baseline Load(const std::filesystem::path& file);
  // The same file and salt with no findings: re-recording a blog keeps the fingerprints of
  // findings that did not change, so the baseline's diff shows only what did.
  Baseline Emptied() const;

  // Records every finding of one checked file.
  void Add(std::string_view path, const Document& doc, const std::vector<Finding>& findings);
  // Which of `findings` the baseline accepts (each fingerprint up to its count, in order).
  std::vector<bool> Accepted(std::string_view path, const Document& doc, const std::vector<Finding>& findings) const;
  // Removes the findings the baseline accepts; returns how many.
  size_t Filter(std::string_view path, const Document& doc, std::vector<Finding>& findings) const;

  size_t size() const { return entries_.size(); }  // distinct fingerprints
  size_t findings() const;                           // accepted findings (counts summed)
  // The file's random salt; also salts SARIF fingerprints when a baseline is in use.
  const std::string& salt() const { return salt_; }
  std::string ToJson() const;
  // Writes ToJson() to the file atomically (a temporary file in the same folder, then
  // rename). Throws ConfigError on failure.
  void Write() const;

  // The key a path is stored under: relative to the baseline's folder, '/' separated.
  std::string PathKey(std::string_view path) const;
  std::string Fingerprint(std::string_view rule, std::string_view path_key, std::string_view matched) const;

 private:
  struct Entry {
    std::string rule, path;
    size_t count = 0;
  };
  std::filesystem::path file_, root_;
  std::string salt_;
  std::map<std::string, Entry> entries_;  // by fingerprint
};

}  // namespace discreet
