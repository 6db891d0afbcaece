// The JSON report (DESIGN.md, "JSON report"; schema discreet.report/1).
#pragma once

#include <string>
#include <vector>

#include "report/report.h"

namespace discreet {

class JsonWriter;

// One file's object: what the HTTP API's /v1/check answers and files[i] of the report.
void WriteFileReport(JsonWriter& out, const FileReport& report, const RenderOptions& options);
// That object alone, compact.
std::string RenderFileReportJson(const FileReport& report, const RenderOptions& options);

// The whole report for several files, serialised with a trailing newline.
std::string RenderJson(const std::vector<FileReport>& reports, const RenderOptions& options);

}  // namespace discreet
