// The native API (/v1) and the LanguageTool-compatible API (/v2). Nothing here logs: a
// draft appears only in the response to the request that carried it.
#include "server/api.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>

#include "report/json.h"
#include "rules/catalogue.h"
#include "text/utf8.h"

#ifndef DISCREET_BUILD_DATE
#define DISCREET_BUILD_DATE ""
#endif

namespace discreet::server {
namespace {

using json = nlohmann::ordered_json;

constexpr int kMaxJsonDepth = 32;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

ApiResponse JsonResponse(const json& j) {
  ApiResponse r;
  r.body = Dump(j);
  return r;
}

// LanguageTool answers errors as plain text beginning "Error:"; its clients show that text.
ApiResponse LtError(int status, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "Error: " + std::string(message);
  return r;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Rule and category ids as a LanguageTool client may send them back: "PERSON_NAME",
// "person-name" and "Person_Name" are the same rule.
std::string NormalizeId(std::string_view s) {
  std::string out = Lower(s);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

std::string UpperSnake(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "person-name" → "Person name".
std::string Title(std::string_view id) {
  std::string out(id);
  std::replace(out.begin(), out.end(), '-', ' ');
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string_view CategoryTitle(Category c) {
  switch (c) {
    case Category::kIdentifier: return "Privacy: identifies a person";
    case Category::kQuasiIdentifier: return "Privacy: narrows who it is";
    case Category::kSensitive: return "Privacy: sensitive detail";
    case Category::kContext: return "Privacy: client context";
    case Category::kCombination: return "Privacy: identifying combination";
  }
  return "Privacy";
}

struct LtLanguage {
  std::string_view long_code, code, name;
};
constexpr LtLanguage kLanguages[] = {
    {"en", "en", "English"},
    {"en-US", "en", "English (US)"},
    {"en-GB", "en", "English (GB)"},
    {"en-AU", "en", "English (Australian)"},
    {"en-CA", "en", "English (Canadian)"},
    {"en-NZ", "en", "English (New Zealand)"},
    {"en-ZA", "en", "English (South African)"},
};

const LtLanguage* FindLanguage(std::string_view code) {
  std::string want = Lower(code);
  for (const LtLanguage& l : kLanguages)
    if (Lower(l.long_code) == want) return &l;
  return nullptr;
}

std::vector<std::string> SplitList(const std::string* value) {
  std::vector<std::string> out;
  if (value == nullptr) return out;
  size_t start = 0;
  while (start <= value->size()) {
    size_t comma = value->find(',', start);
    if (comma == std::string::npos) comma = value->size();
    std::string item = NormalizeId(std::string_view(*value).substr(start, comma - start));
    while (!item.empty() && item.back() == ' ') item.pop_back();
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    if (!item.empty()) out.push_back(std::move(item));
    start = comma + 1;
  }
  return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool PercentDecode(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return true;
}

// LanguageTool's annotated text ({"annotation": [{"text": ..}, {"markup": .., "interpretAs": ..}]})
// as the string to check: markup becomes whitespace with the same UTF-16 length (newlines
// where interpretAs has them), so offsets in the response index the client's whole string.
bool AnnotatedText(std::string_view data, std::string& out, std::string& error) {
  if (JsonTooDeep(data, kMaxJsonDepth)) {
    error = "'data' nests too deeply";
    return false;
  }
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (j.is_discarded()) {
    error = "'data' is not valid JSON";
    return false;
  }
  if (!j.is_object() || !j.contains("annotation") || !j["annotation"].is_array()) {
    error = "'data' must be an object with an 'annotation' array";
    return false;
  }
  out.clear();
  for (const auto& part : j["annotation"]) {
    if (!part.is_object()) {
      error = "each annotation must be an object with 'text' or 'markup'";
      return false;
    }
    if (auto t = part.find("text"); t != part.end()) {
      if (!t->is_string() || part.contains("markup")) {
        error = "an annotation has 'text' (a string) or 'markup', not both";
        return false;
      }
      out += t->get_ref<const std::string&>();
      continue;
    }
    auto m = part.find("markup");
    if (m == part.end() || !m->is_string()) {
      error = "each annotation must have 'text' or 'markup' (a string)";
      return false;
    }
    size_t newlines = 0;
    if (auto as = part.find("interpretAs"); as != part.end()) {
      if (!as->is_string()) {
        error = "'interpretAs' must be a string";
        return false;
      }
      const std::string& s = as->get_ref<const std::string&>();
      newlines = static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
    }
    const std::string& markup = m->get_ref<const std::string&>();
    for (size_t pos = 0; pos < markup.size();) {
      char32_t cp = DecodeUtf8(markup, pos);
      for (int unit = 0; unit < (cp > 0xFFFF ? 2 : 1); ++unit) {
        out.push_back(newlines > 0 ? '\n' : ' ');
        if (newlines > 0) --newlines;
      }
    }
  }
  return true;
}

std::string Utf8(const icu::UnicodeString& s, int32_t start, int32_t length) {
  std::string out;
  icu::UnicodeString part(s, start, length);
  part.toUTF8String(out);
  return out;
}

// Moves a UTF-16 index off the second half of a surrogate pair.
int32_t SnapBack(const icu::UnicodeString& s, int32_t i) {
  if (i > 0 && i < s.length() && U16_IS_TRAIL(s.charAt(i)) && U16_IS_LEAD(s.charAt(i - 1))) --i;
  return i;
}

// LanguageTool's context: up to 40 UTF-16 units either side, "..." where cut, line
// breaks shown as spaces; offset is where the match starts inside that text.
json Context(const icu::UnicodeString& text, int32_t start, int32_t end) {
  constexpr int32_t kContext = 40;
  int32_t from = SnapBack(text, std::max<int32_t>(0, start - kContext));
  int32_t to = SnapBack(text, std::min<int32_t>(text.length(), end + kContext));
  std::string body = Utf8(text, from, to - from);
  for (char& c : body)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  std::string shown = (from > 0 ? "..." : "") + body + (to < text.length() ? "..." : "");
  return {{"text", shown}, {"offset", (from > 0 ? 3 : 0) + (start - from)}, {"length", end - start}};
}

class Sentences {
 public:
  explicit Sentences(const icu::UnicodeString& text) : text_(text) {
    thread_local std::unique_ptr<icu::BreakIterator> prototype;
    UErrorCode status = U_ZERO_ERROR;
    if (!prototype) prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (prototype && U_SUCCESS(status)) {
      it_ = prototype.get();
      it_->setText(text_);
    }
  }

  // The trimmed sentence(s) around [start, end), at most 1,000 units either side.
  std::string Around(int32_t start, int32_t end) const {
    int32_t from = 0, to = text_.length();
    if (it_ != nullptr) {
      to = end > start ? it_->following(end - 1) : it_->following(start);
      if (to == icu::BreakIterator::DONE) to = text_.length();
      from = it_->preceding(start + 1);
      if (from == icu::BreakIterator::DONE) from = 0;
    }
    from = SnapBack(text_, std::max(from, start - 1000));
    to = SnapBack(text_, std::min(to, end + 1000));
    while (from < to && u_isUWhiteSpace(text_.charAt(from))) ++from;
    while (to > from && u_isUWhiteSpace(text_.charAt(to - 1))) --to;
    return Utf8(text_, from, to - from);
  }

 private:
  const icu::UnicodeString& text_;
  icu::BreakIterator* it_ = nullptr;
};

json Software() {
  return {{"name", "discreet"},
          {"version", Version()},
          {"buildDate", DISCREET_BUILD_DATE},
          {"apiVersion", 1},
          {"premium", false},
          {"premiumHint", ""},
          {"status", ""}};
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.body = Dump(json{{"error", code}, {"message", message}});
  return r;
}

bool ParseForm(std::string_view body, std::vector<std::pair<std::string, std::string>>& out) {
  out.clear();
  size_t start = 0;
  while (start < body.size()) {
    size_t amp = body.find('&', start);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view field = body.substr(start, amp - start);
    start = amp + 1;
    if (field.empty()) continue;
    size_t eq = field.find('=');
    std::string name, value;
    if (!PercentDecode(field.substr(0, eq), name)) return false;
    if (eq != std::string_view::npos && !PercentDecode(field.substr(eq + 1), value)) return false;
    out.emplace_back(std::move(name), std::move(value));
  }
  return true;
}

const std::string* FormValue(const std::vector<std::pair<std::string, std::string>>& form, std::string_view name) {
  for (const auto& [k, v] : form)
    if (k == name) return &v;
  return nullptr;
}

bool JsonTooDeep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

Api::Api(const Linter& linter) : linter_(linter) {
  health_ = JsonResponse({{"status", "ok"}, {"name", "discreet"}, {"version", Version()}});

  json rules = json::array();
  for (const RuleInfo& r : RuleCatalogue())
    rules.push_back({{"id", r.id},
                     {"category", CategoryName(r.category)},
                     {"severity", SeverityName(r.severity)},
                     {"summary", r.summary},
                     {"example", r.example}});
  rules_ = JsonResponse({{"rules", std::move(rules)}});

  json languages = json::array();
  for (const LtLanguage& l : kLanguages)
    languages.push_back({{"name", l.name}, {"code", l.code}, {"longCode", l.long_code}});
  languages_ = JsonResponse(languages);
}

ApiResponse Api::Check(std::string_view body) const {
  if (auto bad = FindInvalidUtf8(body))
    return ErrorResponse(400, "invalid_utf8", "the body is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
  if (JsonTooDeep(body, kMaxJsonDepth)) return ErrorResponse(400, "invalid_json", "the body nests too deeply");
  nlohmann::json req = nlohmann::json::parse(body, nullptr, false);
  if (req.is_discarded()) return ErrorResponse(400, "invalid_json", "the body is not valid JSON");
  if (!req.is_object()) return ErrorResponse(400, "invalid_request", "the body must be a JSON object");

  CheckInput input;
  input.path = "draft";
  RenderOptions render;  // redaction off: the answer goes only to the local caller
  bool have_text = false;
  for (auto& [key, value] : req.items()) {
    if (key == "text") {
      if (!value.is_string()) return ErrorResponse(400, "invalid_request", "'text' must be a string");
      input.bytes = std::move(value.get_ref<std::string&>());
      have_text = true;
    } else if (key == "format") {
      if (!value.is_string()) return ErrorResponse(400, "invalid_request", "'format' must be a string");
      const std::string& f = value.get_ref<const std::string&>();
      if (f == "text") input.format = InputFormat::kText;
      else if (f == "markdown") input.format = InputFormat::kMarkdown;
      else if (f == "html") input.format = InputFormat::kHtml;
      else return ErrorResponse(400, "invalid_request", "'format' must be text, markdown or html");
    } else if (key == "locale") {
      if (!value.is_string()) return ErrorResponse(400, "invalid_request", "'locale' must be a string");
      std::string l = Lower(value.get_ref<const std::string&>());
      if (l != "en" && l.rfind("en-", 0) != 0 && l.rfind("en_", 0) != 0)
        return ErrorResponse(400, "unsupported_locale", "discreet checks English (en, en-US, en-GB, ...) only");
    } else if (key == "path") {
      if (!value.is_string()) return ErrorResponse(400, "invalid_request", "'path' must be a string");
      input.path = value.get<std::string>();
    } else if (key == "options") {
      if (!value.is_object()) return ErrorResponse(400, "invalid_request", "'options' must be an object");
      for (auto& [opt, v] : value.items()) {
        if (!v.is_boolean())
          return ErrorResponse(400, "invalid_request", "options." + opt + " must be true or false");
        if (opt == "redact") render.redact = v.get<bool>();
        else if (opt == "lossy") input.lossy = v.get<bool>();
        else return ErrorResponse(400, "invalid_request", "unknown option '" + opt + "' (known: redact, lossy)");
      }
    } else {
      return ErrorResponse(400, "invalid_request",
                           "unknown field '" + key + "' (known: text, format, locale, options, path)");
    }
  }
  if (!have_text) return ErrorResponse(400, "invalid_request", "'text' is required");
  try {
    FileReport report = linter_.Check(std::move(input));
    ApiResponse r;
    r.body = RenderFileReportJson(report, render);
    return r;
  } catch (const InputError&) {
    return ErrorResponse(400, "invalid_text", "'text' cannot be checked (invalid UTF-8 or too large)");
  }
}

ApiResponse Api::LanguageToolCheck(std::string_view body) const {
  std::vector<std::pair<std::string, std::string>> form;
  if (!ParseForm(body, form)) return LtError(400, "the form body has a malformed percent escape");
  const std::string* text = FormValue(form, "text");
  const std::string* data = FormValue(form, "data");
  if ((text == nullptr) == (data == nullptr)) return LtError(400, "send either 'text' or 'data'");
  const std::string* language = FormValue(form, "language");
  if (language == nullptr) return LtError(400, "missing 'language' parameter (e.g. en-US or auto)");
  const LtLanguage* lang = Lower(*language) == "auto" ? FindLanguage("en-US") : FindLanguage(*language);
  if (lang == nullptr)
    return LtError(400, "'" + language->substr(0, 32) + "' is not a language discreet checks (English only: see /v2/languages)");

  std::vector<std::string> enabled_rules = SplitList(FormValue(form, "enabledRules"));
  std::vector<std::string> disabled_rules = SplitList(FormValue(form, "disabledRules"));
  std::vector<std::string> enabled_categories = SplitList(FormValue(form, "enabledCategories"));
  std::vector<std::string> disabled_categories = SplitList(FormValue(form, "disabledCategories"));
  const std::string* enabled_only_value = FormValue(form, "enabledOnly");
  bool enabled_only = enabled_only_value != nullptr && Lower(*enabled_only_value) == "true";
  if (enabled_only && enabled_rules.empty() && enabled_categories.empty())
    return LtError(400, "enabledOnly=true needs enabledRules or enabledCategories");

  std::string checked;
  if (data != nullptr) {
    std::string error;
    if (!AnnotatedText(*data, checked, error)) return LtError(400, error);
  } else {
    checked = *text;
  }
  if (auto bad = FindInvalidUtf8(checked)) return LtError(400, "the text is not valid UTF-8");

  FileReport report;
  try {
    report = linter_.Check({.path = "draft", .bytes = checked});
  } catch (const InputError&) {
    return LtError(400, "the text cannot be checked (invalid UTF-8 or too large)");
  }
  const Document& doc = *report.document;
  const size_t bom = doc.has_bom() ? 1 : 0;  // a browser's string counts U+FEFF
  auto utf16 = [&](size_t byte) { return static_cast<int32_t>(doc.Utf16Offset(byte) + (byte > 0 ? bom : 0)); };

  icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(icu::StringPiece(checked.data(), static_cast<int32_t>(checked.size())));
  std::unique_ptr<Sentences> sentences;
  json matches = json::array();
  for (const Finding& f : report.findings) {
    std::string rule_id = NormalizeId(f.rule);
    std::string category_id = NormalizeId(CategoryName(f.category));
    bool on = Contains(enabled_rules, rule_id) || Contains(enabled_categories, category_id) ||
              (!enabled_only && !Contains(disabled_rules, rule_id) && !Contains(disabled_categories, category_id));
    if (!on) continue;
    if (!sentences) sentences = std::make_unique<Sentences>(u16);
    int32_t start = utf16(f.span.start), end = utf16(f.span.end);
    const RuleInfo* info = FindRule(f.rule);
    json replacements = json::array();
    for (const std::string& s : f.suggestions)
      if (s != "remove") replacements.push_back({{"value", s}});  // "remove" is advice, not a wording
    json match = {{"message", f.message},
                  {"shortMessage", Title(f.rule)},
                  {"replacements", std::move(replacements)},
                  {"offset", start},
                  {"length", end - start},
                  {"context", Context(u16, start, end)},
                  {"sentence", sentences->Around(start, end)},
                  {"type", {{"typeName", f.severity == Severity::kInfo ? "Hint" : "Other"}}},
                  {"rule",
                   {{"id", f.rule},
                    {"description", info != nullptr ? std::string(info->summary) : f.message},
                    {"issueType", f.severity == Severity::kInfo ? "style" : "legal"},
                    {"category", {{"id", UpperSnake(CategoryName(f.category))}, {"name", CategoryTitle(f.category)}}}}},
                  {"ignoreForIncompleteSentence", false},
                  {"contextForSureMatch", 0}};
    matches.push_back(std::move(match));
  }

  json language_json = {{"name", lang->name},
                        {"code", lang->long_code},
                        {"detectedLanguage", {{"name", lang->name}, {"code", lang->long_code}, {"confidence", 1.0}}}};
  json discreet = {{"verdict", VerdictName(report.risk.verdict)}};
  if (report.risk.riskiest >= 0) {
    const Subject& s = report.risk.subjects[report.risk.riskiest];
    discreet["k"] = s.k;
    discreet["kappa"] = s.kappa;
  }
  return JsonResponse({{"software", Software()},
                       {"warnings", {{"incompleteResults", false}}},
                       {"language", std::move(language_json)},
                       {"matches", std::move(matches)},
                       {"discreet", std::move(discreet)}});
}

}  // namespace discreet::server
