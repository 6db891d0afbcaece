// Renders FileReport as discreet.report/1 JSON.
#include "report/json.h"

#include <cmath>

#include "linter.h"

namespace discreet {
namespace {

// Reports carry figures a person reads; four significant digits are plenty.
double Round(double x, int significant = 4) {
  if (x == 0 || !std::isfinite(x)) return x;
  double scale = std::pow(10.0, significant - 1 - static_cast<int>(std::floor(std::log10(std::fabs(x)))));
  return std::round(x * scale) / scale;
}

std::string_view RiskLevel(const FileReport& r, const Subject& s) {
  (void)r;
  if (s.kappa >= 0.2) return "high";
  if (s.kappa >= 0.05) return "medium";
  return "low";
}

nlohmann::ordered_json SpanJson(const Document& doc, Span span) {
  LineColumn a = doc.Position(span.start), b = doc.Position(span.end);
  return {{"start", span.start},
          {"end", span.end},
          {"utf16_start", doc.Utf16Offset(span.start)},
          {"utf16_end", doc.Utf16Offset(span.end)},
          {"line", a.line},
          {"column", a.column},
          {"end_line", b.line},
          {"end_column", b.column}};
}

}  // namespace

nlohmann::ordered_json FileReportJson(const FileReport& report, const RenderOptions& options) {
  using json = nlohmann::ordered_json;
  auto shown = [&](const Finding& f) { return ShownText(report, f, options); };
  json file = {{"path", report.path}, {"verdict", VerdictName(report.risk.verdict)}};
  if (report.risk.riskiest >= 0) {
    const Subject& s = report.risk.subjects[report.risk.riskiest];
    json scope = {{"population", Round(s.population)}};
    if (s.scope_finding >= 0) scope["name"] = shown(report.findings[s.scope_finding]);
    else if (!s.scope_name.empty()) scope["name"] = s.scope_name;
    file["risk"] = {{"level", RiskLevel(report, s)}, {"k", Round(s.k)},           {"kappa", Round(s.kappa)},
                    {"bits", Round(s.bits, 3)},       {"bits_needed", Round(s.bits_needed, 3)}, {"scope", scope}};
  }
  json subjects = json::array();
  for (const Subject& s : report.risk.subjects) {
    json subject = {{"id", s.id},
                        {"client", s.client},
                        {"group", s.group},
                        {"verdict", VerdictName(s.verdict)},
                        {"k", Round(s.k)},
                        {"kappa", Round(s.kappa)},
                        {"bits", Round(s.bits, 3)},
                        {"findings", s.findings},
                        {"explanation", ExplainSubject(s, report.findings, shown)}};
    if (!s.reason.empty()) subject["reason"] = s.reason;
    if (std::string change = BestChange(s, report.findings, shown); !change.empty()) subject["best_change"] = change;
    subjects.push_back(std::move(subject));
  }
  file["subjects"] = std::move(subjects);
  json findings = json::array();
  for (const Finding& f : report.findings) {
    json j = {{"rule", f.rule},
              {"category", CategoryName(f.category)},
              {"severity", SeverityName(f.severity)},
              {"message", f.message},
              {"text", shown(f)},
              {"span", SpanJson(*report.document, f.span)}};
    if (f.frequency) {
      j["frequency"] = Round(*f.frequency);
      j["bits"] = Round(*f.bits(), 3);
    }
    j["subject"] = f.subject;
    j["suggestions"] = f.suggestions;
    j["source"] = f.source;
    findings.push_back(std::move(j));
  }
  file["findings"] = std::move(findings);
  return file;
}

std::string RenderJson(const std::vector<FileReport>& reports, const RenderOptions& options) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const FileReport& r : reports) files.push_back(FileReportJson(r, options));
  nlohmann::ordered_json root = {{"schema", "discreet.report/1"},
                         {"tool", {{"name", "discreet"}, {"version", Version()}}},
                         {"files", std::move(files)}};
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace discreet
