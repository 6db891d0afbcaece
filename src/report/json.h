// The JSON report (DESIGN.md, "JSON report"; schema discreet.report/1).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/report.h"

namespace discreet {

// One file's object: what the HTTP API's /v1/check answers and files[i] of the report.
nlohmann::ordered_json FileReportJson(const FileReport& report, const RenderOptions& options);

// The whole report for several files, serialised with a trailing newline.
std::string RenderJson(const std::vector<FileReport>& reports, const RenderOptions& options);

}  // namespace discreet
