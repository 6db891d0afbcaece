// Renders a FileReport as GitHub Actions workflow commands
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
#include "report/github.h"

namespace discreet {
namespace {

const char* Command(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "warning";
}

std::string Escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

size_t Utf16Column(const Document& doc, size_t byte, size_t line) {
  return doc.Utf16Offset(byte) - doc.Utf16Offset(doc.LineStart(line)) + 1;
}

}  // namespace

std::string EscapeGithubData(std::string_view s) { return Escape(s, false); }
std::string EscapeGithubProperty(std::string_view s) { return Escape(s, true); }

std::string RenderGithub(const FileReport& report, const RenderOptions& options) {
  const Document& doc = *report.document;
  std::string file = EscapeGithubProperty(report.path);
  std::string out;
  for (const Finding& f : report.findings) {
    LineColumn a = doc.Position(f.span.start), b = doc.Position(f.span.end);
    std::string shown = ShownText(report, f, options);
    std::string message = f.message + " (" + (options.redact ? shown : "\"" + shown + "\"") + ")";
    out += "::";
    out += Command(f.severity);
    out += " file=" + file + ",line=" + std::to_string(a.line) +
           ",col=" + std::to_string(Utf16Column(doc, f.span.start, a.line)) + ",endLine=" + std::to_string(b.line) +
           ",endColumn=" + std::to_string(Utf16Column(doc, f.span.end, b.line)) +
           ",title=" + EscapeGithubProperty("discreet " + f.rule) + "::" + EscapeGithubData(message) + "\n";
  }
  // Not a command: a plain line in the step's log. It starts with "discreet:" and is
  // escaped, so no path (one with a newline, or one starting "::") can forge a command.
  const RiskResult& risk = report.risk;
  std::string verdict = "discreet: " + report.path + ": " + std::string(VerdictName(risk.verdict));
  if (risk.riskiest >= 0 && !risk.subjects[risk.riskiest].reason.empty())
    verdict += " — " + risk.subjects[risk.riskiest].reason;
  else if (report.findings.empty())
    verdict += " — nothing found";
  out += EscapeGithubData(verdict) + "\n";
  return out;
}

}  // namespace discreet
