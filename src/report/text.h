// The compiler-style text report: `path:line:col: severity: message [rule]`, the source
// line, a caret underline aligned under wide characters, then the verdict and the risk.
#pragma once

#include <string>

#include "report/report.h"

namespace discreet {

std::string RenderText(const FileReport& report, const RenderOptions& options);

// Terminal columns the UTF-8 string occupies (wide CJK and emoji count 2, marks 0).
size_t DisplayWidth(std::string_view utf8);

}  // namespace discreet
