// The result model: one FileReport per checked input, built once by the Linter and
// rendered by every output format (text.cc, json.cc).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "finding.h"
#include "risk/risk.h"
#include "source/directives.h"
#include "text/document.h"

namespace discreet {

struct FileReport {
  std::string path;                      // as given; "-" or "<stdin>" for standard input
  std::shared_ptr<const Document> document;
  std::vector<Finding> findings;         // sorted by position
  RiskResult risk;
  std::vector<DirectiveNote> notes;      // directives that suppressed nothing
};

// How matched text appears in reports that may be published (CI logs, SARIF uploads).
struct RenderOptions {
  bool redact = false;  // replace matched text with the rule id and a short salted hash
  bool color = false;   // ANSI colour (text format only)
  bool explain = false; // text format: print every subject's explanation, not only the riskiest
};

// The matched text of `f`, or its redacted stand-in ("[person-name:3fa2c1]").
std::string ShownText(const FileReport& report, const Finding& f, const RenderOptions& options);

}  // namespace discreet
