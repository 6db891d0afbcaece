// Compiler-style text output. With redaction the source line is not printed: it would
// show the very text the redaction hides.
#include "report/text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "text/utf8.h"

namespace discreet {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "\x1b[1;31m";
    case Severity::kWarning: return "\x1b[1;35m";
    case Severity::kInfo: return "\x1b[1;36m";
  }
  return "";
}

const char* VerdictColor(Verdict v) {
  switch (v) {
    case Verdict::kBlock: return "\x1b[1;31m";
    case Verdict::kWarn: return "\x1b[1;33m";
    case Verdict::kPass: return "\x1b[1;32m";
  }
  return "";
}

size_t CodePointWidth(char32_t c) {
  if (c == '\t') return 4;
  int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR || c == 0x200D) return 0;
  if (c >= 0xFE00 && c <= 0xFE0F) return 0;  // variation selectors
  int ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

// The line as printed: tabs expanded so that the caret line lines up with it.
std::string Printable(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == '\t') out += "    ";
    else out += c;
  }
  return out;
}

}  // namespace

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0, pos = 0;
  while (pos < utf8.size()) width += CodePointWidth(DecodeUtf8(utf8, pos));
  return width;
}

std::string RenderText(const FileReport& report, const RenderOptions& options) {
  const Document& doc = *report.document;
  auto paint = [&](const char* color, std::string_view s) {
    return options.color ? std::string(color) + std::string(s) + kReset : std::string(s);
  };
  std::string out;
  for (const Finding& f : report.findings) {
    LineColumn pos = doc.Position(f.span.start);
    out += paint(kBold, report.path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ":") + " ";
    out += paint(SeverityColor(f.severity), std::string(SeverityName(f.severity)) + ":") + " ";
    out += f.message + " [" + f.rule + "]\n";
    if (options.redact) {
      out += "    " + ShownText(report, f, options) + "\n";
    } else {
      std::string_view line = doc.Line(pos.line);
      size_t line_start = doc.LineStart(pos.line) + (pos.line == 1 && doc.has_bom() ? 3 : 0);
      // A span may start inside a BOM or a line terminator (a rule pack's pattern can match
      // them): clamp to the printed line rather than index past it.
      size_t col_byte = std::min(f.span.start > line_start ? f.span.start - line_start : 0, line.size());
      size_t end_byte = std::clamp(f.span.end > line_start ? f.span.end - line_start : 0, col_byte, line.size());
      std::string gutter = std::to_string(pos.line);
      std::string pad(gutter.size(), ' ');
      out += " " + gutter + " | " + Printable(line) + "\n";
      size_t lead = DisplayWidth(line.substr(0, col_byte));
      size_t width = std::max<size_t>(1, DisplayWidth(line.substr(col_byte, end_byte - col_byte)));
      out += " " + pad + " | " + std::string(lead, ' ') +
             paint(SeverityColor(f.severity), "^" + std::string(width - 1, '~')) + "\n";
    }
    if (!f.suggestions.empty()) {
      out += "   try: ";
      for (size_t i = 0; i < f.suggestions.size(); ++i) out += (i ? ", " : "") + ("\"" + f.suggestions[i] + "\"");
      out += "\n";
    }
  }
  const RiskResult& risk = report.risk;
  auto shown = [&](const Finding& f) { return ShownText(report, f, options); };
  out += paint(kBold, report.path + ":") + " " +
         paint(VerdictColor(risk.verdict), std::string(VerdictName(risk.verdict)));
  if (risk.riskiest >= 0) {
    const Subject& s = risk.subjects[risk.riskiest];
    if (!s.reason.empty()) out += " — " + s.reason + ".";
    out += "\n  " + ExplainSubject(s, report.findings, shown) + "\n";
    if (s.verdict != Verdict::kPass) {
      std::string change = BestChange(s, report.findings, shown);
      if (!change.empty()) out += "  Biggest help: " + change + ".\n";
    }
  } else {
    out += " — nothing found.\n";
  }
  if (options.explain) {
    for (const Subject& s : risk.subjects) {
      if (s.id == risk.riskiest) continue;
      out += "  subject " + std::to_string(s.id) + (s.client ? " (client)" : "") + ": " +
             ExplainSubject(s, report.findings, shown) + "\n";
    }
  }
  return out;
}

}  // namespace discreet
