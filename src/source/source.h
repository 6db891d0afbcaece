// The source stage (DESIGN.md, "Data flow"): turns an input into the text detectors read.
// The result has exactly the input's length, with every byte that is not prose (markup,
// code, URLs of links, comments, script) blanked to a space, so a finding's offsets are
// offsets into the original file. Line breaks are kept except where prose reads otherwise:
// a soft break inside a Markdown paragraph becomes a space (a name may wrap), and a table's
// cell pipes become line breaks (two cells are not one phrase). The stage also collects the
// inline directives (source/directives.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/directives.h"

namespace discreet {

enum class InputFormat { kText, kMarkdown, kHtml };

struct SourceText {
  std::string scan;  // empty when the scan text is the input itself (plain text, no directive)
  std::vector<Directive> directives;
};

SourceText ReadSource(std::string_view text, InputFormat format);

// `text` with every byte but '\n' and '\r' replaced by a space (the blank to reveal into).
std::string BlankCopy(std::string_view text);

}  // namespace discreet
