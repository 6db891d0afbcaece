// Dispatch by format.
#include "source/source.h"

#include "source/html.h"
#include "source/markdown.h"

namespace discreet {

std::string BlankCopy(std::string_view text) {
  std::string out(text.size(), ' ');
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || text[i] == '\r') out[i] = text[i];
  return out;
}

SourceText ReadSource(std::string_view text, InputFormat format) {
  SourceText result;
  switch (format) {
    case InputFormat::kText: {
      if (text.find("discreet-") == std::string_view::npos) break;
      std::string scan(text);
      FindTextDirectives(text, scan, result.directives);
      if (!result.directives.empty()) result.scan = std::move(scan);
      break;
    }
    case InputFormat::kMarkdown:
      result.scan = BlankCopy(text);
      MaskMarkdown(text, result.scan, result.directives);
      break;
    case InputFormat::kHtml:
      result.scan = BlankCopy(text);
      MaskHtml(text, 0, result.scan, result.directives);
      break;
  }
  return result;
}

}  // namespace discreet
