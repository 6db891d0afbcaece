// GitHub Actions workflow annotations (`--format github`): one `::error`/`::warning`/
// `::notice` command per finding, so a workflow step that runs discreet marks the lines in
// the pull request's diff. Columns are UTF-16 code units, as in the SARIF report. Workflow
// logs are often public, so callers redact by default.
#pragma once

#include <string>
#include <string_view>

#include "report/report.h"

namespace discreet {

// The annotations for one file, then a plain log line with its verdict.
std::string RenderGithub(const FileReport& report, const RenderOptions& options);

// Workflow command escaping: the message (data) escapes %, \r and \n; a property value
// escapes those and also ':' and ','.
std::string EscapeGithubData(std::string_view s);
std::string EscapeGithubProperty(std::string_view s);

}  // namespace discreet
