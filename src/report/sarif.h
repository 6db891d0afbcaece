// The SARIF 2.1.0 report (`--format sarif`), shaped for GitHub code scanning: every
// catalogue rule with its descriptions and help, one result per finding with a full
// region (columns in UTF-16 code units, as GitHub counts them), artifact URIs relative to
// the working directory, and salted partial fingerprints. SARIF files get uploaded, so
// callers redact by default; the fingerprints never contain the matched text either way.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace discreet {

struct SarifOptions {
  // Relative artifact URIs are resolved against this folder (%SRCROOT%).
  std::filesystem::path working_dir;
  // Mixed into every partial fingerprint so that a fingerprint cannot be matched against
  // a list of hashed names; the same salt gives the same fingerprints run after run.
  std::string fingerprint_salt;
  // Inputs that could not be checked ("PATH: invalid UTF-8 at byte 12"): reported as error
  // notifications of an unsuccessful invocation, so a partial scan is not taken for a clean one.
  std::vector<std::string> input_errors;
};

// The whole SARIF log for several files, serialised with a trailing newline.
std::string RenderSarif(const std::vector<FileReport>& reports, const RenderOptions& options,
                        const SarifOptions& sarif);

// A report path as a SARIF artifact URI: relative to `working_dir` and percent-encoded
// when the file lies inside it ("posts/a%20b.md"), otherwise an absolute file:// URI.
// `relative` says which it is.
std::string ArtifactUri(std::string_view path, const std::filesystem::path& working_dir, bool* relative = nullptr);

// "person-name" → "PersonName", "age" → "AgeDetail": SARIF's reportingDescriptor.name,
// which must differ from the id.
std::string RuleName(std::string_view id);

}  // namespace discreet
