// Renders FileReports as one SARIF 2.1.0 run (https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
// with the properties GitHub code scanning requires or uses.
#include "report/sarif.h"

#include <map>
#include <nlohmann/json.hpp>

#include "baseline/sha256.h"
#include "linter.h"
#include "rules/catalogue.h"
#include "text/fold.h"

namespace discreet {
namespace {

using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr const char* kFingerprintKey = "discreetFinding/v1";
constexpr const char* kDefaultSalt = "discreet-sarif-v1";

const char* Level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "warning";
}

std::string_view CategoryMeaning(Category c) {
  switch (c) {
    case Category::kIdentifier: return "An identifier names or points to one person by itself.";
    case Category::kQuasiIdentifier:
      return "A quasi-identifier narrows down who the person is; with a few others it can single them out.";
    case Category::kSensitive: return "A sensitive detail is private even when the person is not named.";
    case Category::kContext: return "Context says the post is about a client, which raises the stakes of every other detail.";
    case Category::kCombination: return "Together, the details fit so few people that someone who knows them could recognise them.";
  }
  return "";
}

std::string HelpText(const RuleInfo& r) {
  std::string text = std::string(r.summary) + " " + std::string(CategoryMeaning(r.category)) + "\n\nExample: " +
                     std::string(r.example) +
                     "\n\nFix: remove the detail or use the safer wording discreet suggests (\"a client\", \"in her "
                     "80s\", \"nearby\"). If the person agreed in writing, record it in the consent ledger; to accept "
                     "one occurrence, put <!-- discreet-disable-next-line " +
                     std::string(r.id) + " --> on the line before it. `discreet rules " + std::string(r.id) +
                     "` explains the rule.";
  return text;
}

std::string HelpMarkdown(const RuleInfo& r) {
  return "**" + std::string(r.summary) + "** " + std::string(CategoryMeaning(r.category)) + "\n\nExample: _" +
         std::string(r.example) +
         "_\n\nFix: remove the detail or use the safer wording discreet suggests (\"a client\", \"in her 80s\", "
         "\"nearby\"). If the person agreed in writing, record it in the consent ledger; to accept one occurrence, "
         "put `<!-- discreet-disable-next-line " +
         std::string(r.id) + " -->` on the line before it. `discreet rules " + std::string(r.id) +
         "` explains the rule.";
}

json RuleJson(const RuleInfo& r) {
  return {{"id", r.id},
          {"name", RuleName(r.id)},
          {"shortDescription", {{"text", r.summary}}},
          {"fullDescription", {{"text", std::string(r.summary) + " " + std::string(CategoryMeaning(r.category))}}},
          {"help", {{"text", HelpText(r)}, {"markdown", HelpMarkdown(r)}}},
          {"defaultConfiguration", {{"level", Level(r.severity)}}},
          {"properties", {{"tags", {"privacy", std::string(CategoryName(r.category))}}}}};
}

// A rule reported under an id the catalogue does not list (a pack from a newer version):
// described by the finding itself, so every result still has its rule.
json AdHocRuleJson(const Finding& f) {
  return {{"id", f.rule},
          {"name", RuleName(f.rule)},
          {"shortDescription", {{"text", f.message}}},
          {"fullDescription", {{"text", f.message}}},
          {"help", {{"text", f.message + "\n\n`discreet rules " + f.rule + "` explains the rule."}}},
          {"defaultConfiguration", {{"level", Level(f.severity)}}},
          {"properties", {{"tags", {"privacy", std::string(CategoryName(f.category))}}}}};
}

bool Unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/';
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (Unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// SARIF regions count columns in UTF-16 code units (run.columnKind), 1-based; a region's
// end column is the one just after its last character.
size_t Utf16Column(const Document& doc, size_t byte, size_t line) {
  return doc.Utf16Offset(byte) - doc.Utf16Offset(doc.LineStart(line)) + 1;
}

json RegionJson(const Document& doc, Span span, std::string_view snippet, bool with_snippet) {
  LineColumn a = doc.Position(span.start), b = doc.Position(span.end);
  json region = {{"startLine", a.line},
                 {"startColumn", Utf16Column(doc, span.start, a.line)},
                 {"endLine", b.line},
                 {"endColumn", Utf16Column(doc, span.end, b.line)},
                 {"charOffset", doc.Utf16Offset(span.start)},
                 {"charLength", doc.Utf16Offset(span.end) - doc.Utf16Offset(span.start)}};
  if (with_snippet) region["snippet"] = {{"text", snippet}};
  return region;
}

}  // namespace

std::string RuleName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '/' || c == '_' || c == '.') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  // SARIF wants a name that differs from the id (SARIF1001, case-insensitively).
  if (id.find_first_of("-/_.") == std::string_view::npos) out += "Detail";
  return out;
}

std::string ArtifactUri(std::string_view path, const fs::path& working_dir, bool* relative) {
  if (path == "<stdin>" || path == "-") {
    if (relative) *relative = true;
    return "stdin";
  }
  fs::path p(path);
  fs::path abs = (p.is_absolute() ? p : working_dir / p).lexically_normal();
  fs::path rel = abs.lexically_relative(working_dir.lexically_normal());
  bool inside = !rel.empty() && *rel.begin() != "..";
  if (relative) *relative = inside;
  if (inside) return PercentEncode(rel.generic_string());
  return "file://" + PercentEncode(abs.generic_string());
}

std::string RenderSarif(const std::vector<FileReport>& reports, const RenderOptions& options,
                        const SarifOptions& sarif) {
  const std::string salt = sarif.fingerprint_salt.empty() ? kDefaultSalt : sarif.fingerprint_salt;
  json rules = json::array();
  std::map<std::string, size_t, std::less<>> rule_index;
  for (const RuleInfo& r : RuleCatalogue()) {
    rule_index.emplace(std::string(r.id), rules.size());
    rules.push_back(RuleJson(r));
  }

  json results = json::array();
  for (const FileReport& report : reports) {
    const Document& doc = *report.document;
    bool relative = false;
    std::string uri = ArtifactUri(report.path, sarif.working_dir, &relative);
    json artifact = {{"uri", uri}};
    if (relative) artifact["uriBaseId"] = "%SRCROOT%";
    // The n-th finding of the same rule and text in a file gets its own fingerprint, so
    // two "Sally"s are two alerts that survive lines moving.
    std::map<std::string, size_t> seen;
    for (const Finding& f : report.findings) {
      auto it = rule_index.find(f.rule);
      if (it == rule_index.end()) {
        it = rule_index.emplace(f.rule, rules.size()).first;
        rules.push_back(AdHocRuleJson(f));
      }
      std::string_view matched = std::string_view(doc.text()).substr(f.span.start, f.span.size());
      std::string folded = Fold(matched);
      size_t occurrence = seen[f.rule + '\0' + folded]++;
      std::string data = "discreet-sarif-fingerprint-v1";
      const std::string nth = std::to_string(occurrence);  // named: a temporary dies before the loop body
      for (std::string_view part : {std::string_view(salt), std::string_view(f.rule), std::string_view(uri),
                                    std::string_view(folded), std::string_view(nth)}) {
        data += '\0';
        data += part;
      }
      std::string shown = ShownText(report, f, options);
      json result = {
          {"ruleId", f.rule},
          {"ruleIndex", it->second},
          {"level", Level(f.severity)},
          {"message", {{"text", f.message + " (" + (options.redact ? shown : "\"" + shown + "\"") + ")"}}},
          {"locations",
           {{{"physicalLocation",
              {{"artifactLocation", artifact}, {"region", RegionJson(doc, f.span, matched, !options.redact)}}}}}},
          {"partialFingerprints", {{kFingerprintKey, Sha256Hex(data).substr(0, 32)}}},
          {"properties",
           {{"category", CategoryName(f.category)},
            {"verdict", VerdictName(report.risk.verdict)},
            {"subject", f.subject}}}};
      if (!f.suggestions.empty()) result["properties"]["suggestions"] = f.suggestions;
      results.push_back(std::move(result));
    }
  }

  json invocation = {{"executionSuccessful", sarif.input_errors.empty()}};
  if (!sarif.input_errors.empty()) {
    json notes = json::array();
    for (const std::string& e : sarif.input_errors)
      notes.push_back({{"level", "error"}, {"message", {{"text", e}}}, {"descriptor", {{"id", "unreadable-input"}}}});
    invocation["toolExecutionNotifications"] = std::move(notes);
  }
  std::string root_uri = "file://" + PercentEncode(sarif.working_dir.lexically_normal().generic_string());
  if (root_uri.back() != '/') root_uri += '/';
  json run = {
      {"tool",
       {{"driver",
         {{"name", "discreet"},
          {"fullName", "discreet privacy linter for posts about clients"},
          {"version", Version()},
          {"semanticVersion", Version()},
          {"rules", std::move(rules)}}}}},
      {"invocations", {std::move(invocation)}},
      {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", root_uri}}}}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(results)}};
  json root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", {std::move(run)}}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace discreet
