// Renders FileReport as discreet.report/1 JSON.
#include "report/json.h"

#include <cmath>

#include "linter.h"
#include "report/json_writer.h"

namespace discreet {
namespace {

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Reports carry figures a person reads; four significant digits are plenty.
double Round(double x, int significant = 4) {
  if (x == 0 || !std::isfinite(x)) return x;
  // A whole number of at most `significant` digits is its own rounding (populations,
  // counts, a kappa of 1): no logarithm to take.
  if (std::fabs(x) < kPowersOfTen[significant] && x == std::floor(x)) return x;
  const int exponent = significant - 1 - static_cast<int>(std::floor(std::log10(std::fabs(x))));
  // 10^0..10^22 are exact doubles, which pow gives too: a table lookup instead.
  const double scale = exponent >= 0 && exponent <= 22 ? kPowersOfTen[exponent] : std::pow(10.0, exponent);
  return std::round(x * scale) / scale;
}

std::string_view RiskLevel(const Subject& s) {
  if (s.kappa >= 0.2) return "high";
  if (s.kappa >= 0.05) return "medium";
  return "low";
}

}  // namespace

void WriteFileReport(JsonWriter& w, const FileReport& report, const RenderOptions& options) {
  auto shown = [&](const Finding& f) { return ShownText(report, f, options); };
  w.BeginObject();
  w.Key("path").String(report.path);
  w.Key("verdict").String(VerdictName(report.risk.verdict));
  if (report.risk.riskiest >= 0) {
    const Subject& s = report.risk.subjects[report.risk.riskiest];
    w.Key("risk").BeginObject();
    w.Key("level").String(RiskLevel(s));
    w.Key("k").Number(Round(s.k));
    w.Key("kappa").Number(Round(s.kappa));
    w.Key("bits").Number(Round(s.bits, 3));
    w.Key("bits_needed").Number(Round(s.bits_needed, 3));
    w.Key("scope").BeginObject();
    w.Key("population").Number(Round(s.population));
    if (s.scope_finding >= 0) {
      const Finding& place = report.findings[s.scope_finding];
      if (!place.unnamed_place()) w.Key("name").String(shown(place));  // "a town of 3,000" has none
    } else if (!s.scope_name.empty())
      w.Key("name").String(s.scope_name);
    w.EndObject();
    w.EndObject();
  }
  w.Key("subjects").BeginArray();
  for (const Subject& s : report.risk.subjects) {
    w.BeginObject();
    w.Key("id").Int(s.id);
    w.Key("client").Bool(s.client);
    w.Key("group").Bool(s.group);
    w.Key("verdict").String(VerdictName(s.verdict));
    w.Key("k").Number(Round(s.k));
    w.Key("kappa").Number(Round(s.kappa));
    w.Key("bits").Number(Round(s.bits, 3));
    w.Key("findings").BeginArray();
    for (auto index : s.findings) w.Int(static_cast<int64_t>(index));
    w.EndArray();
    w.Key("explanation").String(ExplainSubject(s, report.findings, shown));
    if (!s.reason.empty()) w.Key("reason").String(s.reason);
    if (std::string change = BestChange(s, report.findings, shown); !change.empty()) w.Key("best_change").String(change);
    w.EndObject();
  }
  w.EndArray();
  w.Key("findings").BeginArray();
  const Document& doc = *report.document;
  for (const Finding& f : report.findings) {
    w.BeginObject();
    w.Key("rule").String(f.rule);
    w.Key("category").String(CategoryName(f.category));
    w.Key("severity").String(SeverityName(f.severity));
    w.Key("message").String(f.message);
    w.Key("text").String(shown(f));
    const Document::Location a = doc.Locate(f.span.start), b = doc.Locate(f.span.end);
    w.Key("span").BeginObject();
    w.Key("start").Uint(f.span.start);
    w.Key("end").Uint(f.span.end);
    w.Key("utf16_start").Uint(a.utf16);
    w.Key("utf16_end").Uint(b.utf16);
    w.Key("line").Uint(a.position.line);
    w.Key("column").Uint(a.position.column);
    w.Key("end_line").Uint(b.position.line);
    w.Key("end_column").Uint(b.position.column);
    w.EndObject();
    if (f.frequency) {
      w.Key("frequency").Number(Round(*f.frequency));
      w.Key("bits").Number(Round(*f.bits(), 3));
    }
    w.Key("subject").Int(f.subject);
    w.Key("suggestions").Strings(f.suggestions);
    w.Key("source").String(f.source);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string RenderFileReportJson(const FileReport& report, const RenderOptions& options) {
  JsonWriter w;
  w.Reserve(1024 + report.findings.size() * 640);  // a finding's object is ~500 bytes
  WriteFileReport(w, report, options);
  return w.Take();
}

std::string RenderJson(const std::vector<FileReport>& reports, const RenderOptions& options) {
  JsonWriter w(2);
  w.BeginObject();
  w.Key("schema").String("discreet.report/1");
  w.Key("tool").BeginObject().Key("name").String("discreet").Key("version").String(Version()).EndObject();
  w.Key("files").BeginArray();
  for (const FileReport& r : reports) WriteFileReport(w, r, options);
  w.EndArray();
  w.EndObject();
  return w.Take() + "\n";
}

}  // namespace discreet
