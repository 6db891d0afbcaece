// The pack loader: nlohmann_json parses, a small scanner records where every value sits
// in the text (so a semantic error can name its line:column), and each field is checked
// by hand so that the message says what was expected in plain words.
#include "rules/pack_loader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "error.h"
#include "lexicon/phrase_index.h"
#include "lexicon/tsv.h"
#include "rules/catalogue.h"
#include "rules/json_positions.h"
#include "text/utf8.h"

namespace discreet {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr int kMaxWindow = 50;

bool IsName(std::string_view s, bool allow_underscore = false) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (allow_underscore && c == '_');
    if (!ok || (c == '-' && i > 0 && s[i - 1] == '-')) return false;
  }
  return true;
}

bool IsSemver(std::string_view s) {
  int parts = 0;
  size_t i = 0;
  while (parts < 3) {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
    ++parts;
    if (parts < 3) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  return i == s.size() || (s[i] == '-' && i + 1 < s.size());
}

std::string Quote(std::string_view s) { return json(std::string(s)).dump(); }

std::string TypeName(const json& v) {
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "true/false";
  if (v.is_number()) return "a number";
  if (v.is_array()) return "an array";
  if (v.is_object()) return "an object";
  return "null";
}

const std::set<std::string, std::less<>> kPackFields = {"name", "version", "description", "lists", "rules"};
const std::set<std::string, std::less<>> kRuleFields = {
    "id",      "rule",     "category", "severity",  "message",      "description", "terms",   "terms_file",
    "lexicon", "patterns", "context",  "frequency", "not_in_names", "suggestions", "examples"};
const std::set<std::string, std::less<>> kContextFields = {"must", "before", "after", "terms"};

// Terms of a TSV file: the first column; a `frequency` column, when there is one, gives
// each row's share. Comment lines ("#...") and blank lines are skipped anywhere.
struct TsvTerms {
  std::vector<PackTerm> terms;
  std::string error;  // empty when fine
};

TsvTerms ReadTermsTsv(const fs::path& path, bool frequencies_allowed) {
  TsvTerms r;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error = "cannot read " + path.string();
    return r;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string data = std::move(buf).str();
  if (auto bad = FindInvalidUtf8(data)) {
    r.error = path.string() + ": invalid UTF-8 at byte " + std::to_string(*bad);
    return r;
  }
  std::string_view rest = data;
  size_t line_no = 0;
  bool have_header = false;
  std::optional<size_t> freq_col;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.starts_with("#")) continue;
    std::vector<std::string_view> cells;
    while (true) {
      size_t tab = line.find('\t');
      cells.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (!have_header) {
      have_header = true;
      for (size_t c = 0; c < cells.size(); ++c)
        if (cells[c] == "frequency") freq_col = c;
      continue;
    }
    PackTerm t{std::string(cells[0]), std::nullopt};
    if (PhraseKeys(t.phrase).empty()) {
      r.error = path.string() + ":" + std::to_string(line_no) + ": " + Quote(t.phrase) + " has no word in it";
      return r;
    }
    if (freq_col && *freq_col < cells.size() && !cells[*freq_col].empty()) {
      std::string cell(cells[*freq_col]);
      char* end = nullptr;
      double f = std::strtod(cell.c_str(), &end);
      if (end == cell.c_str() || *end != '\0' || !(f > 0 && f <= 1)) {
        r.error = path.string() + ":" + std::to_string(line_no) + ": frequency " + Quote(cell) + " of " +
                  Quote(t.phrase) + " is not a number in (0, 1]";
        return r;
      }
      if (!frequencies_allowed) {
        r.error = path.string() + ":" + std::to_string(line_no) +
                  ": frequencies are for identifier and quasi-identifier rules only";
        return r;
      }
      t.frequency = f;
    }
    r.terms.push_back(std::move(t));
  }
  if (!have_header) r.error = path.string() + ": no header line";
  else if (r.terms.empty()) r.error = path.string() + ": no entries";
  return r;
}

// A relative path to a .tsv file that stays inside its base folder.
bool SafeRelativeTsv(const std::string& p) {
  if (p.empty() || p.front() == '/' || !p.ends_with(".tsv")) return false;
  for (const auto& part : fs::path(p))
    if (part == "..") return false;
  return true;
}

class PackParser {
 public:
  PackParser(const fs::path& file, const std::string& text, const fs::path& lexicons_dir)
      : file_(file), text_(text), lexicons_dir_(lexicons_dir) {}

  RulePack Parse() {
    json root;
    try {
      root = json::parse(text_);
    } catch (const json::parse_error& e) {
      // e.byte is 1-based: the byte after the last one read.
      size_t at = e.byte > 0 ? e.byte - 1 : 0;
      std::string what = e.what();
      // nlohmann's text is "[json.exception.parse_error.101] parse error at line L, column C: ...".
      size_t colon = what.find(": ", what.find("parse error"));
      if (colon != std::string::npos) what = what.substr(colon + 2);
      throw ConfigError(file_.string() + ":" + LineColumnOf(text_, at) + ": not valid JSON: " + what);
    } catch (const json::exception&) {  // out_of_range.406: a number too large for a double
      throw ConfigError(file_.string() + ": not valid JSON: a number is too large");
    }
    positions_ = JsonPositions(text_);
    lines_.emplace(text_);
    if (!root.is_object()) Fail("", "", "the top level must be an object");
    for (const auto& [key, value] : root.items())
      if (!kPackFields.contains(key))
        Fail("/" + key + "#key", "", "unknown field " + Quote(key) + " (a pack has name, version, description, lists, rules)");
    for (const char* key : {"name", "version", "description", "rules"})
      if (!root.contains(key)) Fail("", "", std::string("missing field \"") + key + "\"");

    RulePack pack;
    pack.file = file_;
    const json& name = root["name"];
    if (!name.is_string() || !IsName(name.get<std::string>()))
      Fail("/name", "", "name must be lower-case letters, digits and hyphens, like \"my-pack\"");
    pack.name = name.get<std::string>();
    std::string folder = file_.parent_path().filename().string();
    if (!folder.empty() && folder != pack.name)
      Fail("/name", "", "name " + Quote(pack.name) + " differs from its folder " + Quote(folder));
    if (!root["version"].is_string() || !IsSemver(root["version"].get<std::string>()))
      Fail("/version", "", "version must be a semantic version like \"1.0.0\"");
    pack.version = root["version"].get<std::string>();
    if (!root["description"].is_string() || Blank(root["description"].get<std::string>()))
      Fail("/description", "", "description must be a non-empty string");
    pack.description = root["description"].get<std::string>();

    if (root.contains("lists")) ParseLists(root["lists"]);

    const json& rules = root["rules"];
    if (!rules.is_array() || rules.empty()) Fail("/rules", "", "rules must be a non-empty array of rule objects");
    std::set<std::string> ids;
    for (size_t n = 0; n < rules.size(); ++n) {
      PackRule rule = ParseRule(pack.name, rules[n], "/rules/" + std::to_string(n));
      if (!ids.insert(rule.id).second) Fail("/rules/" + std::to_string(n) + "/id", rule.id, "duplicate id");
      pack.rules.push_back(std::move(rule));
    }
    return pack;
  }

 private:
  [[noreturn]] void Fail(const std::string& pointer, const std::string& rule_id, const std::string& what) const {
    std::string msg = file_.string();
    if (std::string at = PositionOf(positions_, text_, pointer); !at.empty()) msg += ":" + at;
    msg += ": ";
    if (!rule_id.empty()) msg += rule_id + ": ";
    msg += what;
    throw ConfigError(msg);
  }

  static bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

  void ParseLists(const json& lists) {
    if (!lists.is_object()) Fail("/lists", "", "lists must be an object of named term arrays");
    for (const auto& [name, terms] : lists.items()) {
      std::string at = "/lists/" + name;
      if (!IsName(name, true)) Fail(at + "#key", "", "list name " + Quote(name) + " must be lower-case letters, digits, - and _");
      if (!terms.is_array() || terms.empty()) Fail(at, "", "list " + Quote(name) + " must be a non-empty array of terms");
      std::vector<std::string> out;
      for (size_t i = 0; i < terms.size(); ++i) {
        const json& t = terms[i];
        std::string tat = at + "/" + std::to_string(i);
        if (!t.is_string() || Blank(t.get<std::string>())) Fail(tat, "", "list " + Quote(name) + ": terms must be non-empty strings");
        std::string s = t.get<std::string>();
        if (s.starts_with("@")) Fail(tat, "", "list " + Quote(name) + ": a list cannot reference another list");
        if (PhraseKeys(s).empty()) Fail(tat, "", "list " + Quote(name) + ": " + Quote(s) + " has no word in it");
        out.push_back(std::move(s));
      }
      lists_[name] = std::move(out);
    }
  }

  std::vector<std::string> Strings(const json& v, const std::string& at, const std::string& id, const std::string& what,
                                   bool allow_refs) {
    if (!v.is_array() || v.empty()) Fail(at, id, what + " must be a non-empty array of strings");
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i) {
      std::string eat = at + "/" + std::to_string(i);
      if (!v[i].is_string() || Blank(v[i].get<std::string>())) Fail(eat, id, what + " must hold non-empty strings");
      std::string s = v[i].get<std::string>();
      if (allow_refs && s.starts_with("@")) {
        auto it = lists_.find(s.substr(1));
        if (it == lists_.end()) Fail(eat, id, what + ": unknown list " + Quote(s) + KnownLists());
        out.insert(out.end(), it->second.begin(), it->second.end());
        continue;
      }
      if (allow_refs && PhraseKeys(s).empty()) Fail(eat, id, what + ": " + Quote(s) + " has no word in it");
      out.push_back(std::move(s));
    }
    return out;
  }

  std::string KnownLists() const {
    if (lists_.empty()) return " (the pack defines no lists)";
    std::string s = " (lists: ";
    bool first = true;
    for (const auto& [name, _] : lists_) {
      s += (first ? "@" : ", @") + name;
      first = false;
    }
    return s + ")";
  }

  PackRule ParseRule(const std::string& pack, const json& r, const std::string& at) {
    if (!r.is_object()) Fail(at, "", "a rule must be an object");
    std::string id;
    if (r.contains("id") && r["id"].is_string()) id = r["id"].get<std::string>();
    const std::string label = id.empty() ? "rules[" + at.substr(at.rfind('/') + 1) + "]" : id;
    for (const auto& [key, value] : r.items())
      if (!kRuleFields.contains(key)) Fail(at + "/" + key + "#key", label, "unknown field " + Quote(key));
    for (const char* key : {"id", "rule", "category", "severity", "message", "description", "examples"})
      if (!r.contains(key)) Fail(at, label, std::string("missing field \"") + key + "\"");

    PackRule rule;
    size_t slash = id.find('/');
    if (id.empty() || slash == std::string::npos) Fail(at + "/id", label, "id must be \"<pack>/<rule-name>\"");
    if (id.substr(0, slash) != pack) Fail(at + "/id", label, "id must start with the pack name \"" + pack + "/\"");
    if (!IsName(std::string_view(id).substr(slash + 1)))
      Fail(at + "/id", label, "the rule name after \"/\" must be lower-case letters, digits and hyphens");
    rule.id = id;
    rule.pack = pack;
    rule.where = file_.string() + ":" + lines_->Of(positions_.count(at + "/id") ? positions_.at(at + "/id") : 0);

    if (!r["rule"].is_string()) Fail(at + "/rule", id, "rule must be a catalogue rule id (see `discreet rules`)");
    rule.rule = r["rule"].get<std::string>();
    const RuleInfo* info = FindRule(rule.rule);
    if (!info) Fail(at + "/rule", id, "unknown catalogue rule " + Quote(rule.rule) + " (see `discreet rules`)");
    if (info->category == Category::kCombination)
      Fail(at + "/rule", id, Quote(rule.rule) + " is computed by the risk model; a pack cannot report it");
    if (!r["category"].is_string()) Fail(at + "/category", id, "category must be a string");
    std::string cat = r["category"].get<std::string>();
    auto category = ParseCategory(cat);
    if (!category || *category == Category::kCombination)
      Fail(at + "/category", id,
           "unknown category " + Quote(cat) + " (expected identifier, quasi-identifier, sensitive or context)");
    if (*category != info->category)
      Fail(at + "/category", id,
           "category " + Quote(cat) + " but catalogue rule " + Quote(rule.rule) + " is " +
               Quote(CategoryName(info->category)));
    rule.category = *category;
    auto severity = r["severity"].is_string() ? ParseSeverity(r["severity"].get<std::string>()) : std::nullopt;
    if (!severity)
      Fail(at + "/severity", id,
           "severity " + (r["severity"].is_string() ? Quote(r["severity"].get<std::string>()) : TypeName(r["severity"])) +
               " is not one of info, warning, error");
    rule.severity = *severity;
    for (const char* key : {"message", "description"}) {
      if (!r[key].is_string() || Blank(r[key].get<std::string>()))
        Fail(at + "/" + key, id, std::string(key) + " must be a non-empty string");
    }
    rule.message = r["message"].get<std::string>();
    rule.description = r["description"].get<std::string>();

    const bool frequencies_allowed =
        rule.category == Category::kIdentifier || rule.category == Category::kQuasiIdentifier;
    if (r.contains("frequency")) {
      const json& f = r["frequency"];
      if (!f.is_number() || !(f.get<double>() > 0 && f.get<double>() <= 1))
        Fail(at + "/frequency", id, "frequency must be a number in (0, 1] (the share of people the detail fits)");
      if (!frequencies_allowed)
        Fail(at + "/frequency", id, "frequency is for identifier and quasi-identifier rules only");
      rule.frequency = f.get<double>();
    }

    if (r.contains("not_in_names")) {
      if (!r["not_in_names"].is_boolean()) Fail(at + "/not_in_names", id, "not_in_names must be true or false");
      rule.not_in_names = r["not_in_names"].get<bool>();
    }

    if (!r.contains("terms") && !r.contains("terms_file") && !r.contains("lexicon") && !r.contains("patterns"))
      Fail(at, id, "the rule has no terms, terms_file, lexicon or patterns, so it can never match");
    if (r.contains("terms"))
      for (std::string& t : Strings(r["terms"], at + "/terms", id, "terms", true))
        rule.terms.push_back({std::move(t), std::nullopt});
    if (r.contains("terms_file")) {
      const json& tf = r["terms_file"];
      if (!tf.is_string() || !SafeRelativeTsv(tf.get<std::string>()))
        Fail(at + "/terms_file", id, "terms_file must be a relative .tsv path inside the pack's folder");
      fs::path p = file_.parent_path() / tf.get<std::string>();
      std::error_code ec;
      if (!fs::is_regular_file(p, ec)) Fail(at + "/terms_file", id, "terms_file " + p.string() + " does not exist");
      TsvTerms got = ReadTermsTsv(p, frequencies_allowed);
      if (!got.error.empty()) Fail(at + "/terms_file", id, "terms_file: " + got.error);
      for (PackTerm& t : got.terms) rule.terms.push_back(std::move(t));
    }
    if (r.contains("lexicon")) {
      const json& lx = r["lexicon"];
      if (!lx.is_string() || !SafeRelativeTsv(lx.get<std::string>()))
        Fail(at + "/lexicon", id, "lexicon must be a relative .tsv path under lexicons/, like \"en/occupations.tsv\"");
      fs::path p = lexicons_dir_ / lx.get<std::string>();
      std::error_code ec;
      if (!fs::is_regular_file(p, ec)) Fail(at + "/lexicon", id, "lexicon " + p.string() + " does not exist");
      TsvTerms got = ReadTermsTsv(p, frequencies_allowed);
      if (!got.error.empty()) Fail(at + "/lexicon", id, "lexicon: " + got.error);
      for (PackTerm& t : got.terms) rule.terms.push_back(std::move(t));
    }
    if (r.contains("patterns")) {
      rule.patterns = Strings(r["patterns"], at + "/patterns", id, "patterns", false);
      for (size_t i = 0; i < rule.patterns.size(); ++i) {
        RE2::Options opts;
        opts.set_log_errors(false);
        auto re = std::make_shared<const RE2>(rule.patterns[i], opts);
        if (!re->ok())
          Fail(at + "/patterns/" + std::to_string(i), id,
               "pattern " + Quote(rule.patterns[i]) + " is not valid RE2: " + re->error());
        rule.compiled.push_back(std::move(re));
      }
    }
    if (r.contains("context")) {
      const json& ctx = r["context"];
      if (!ctx.is_array() || ctx.empty()) Fail(at + "/context", id, "context must be a non-empty array of conditions");
      for (size_t i = 0; i < ctx.size(); ++i) {
        const json& c = ctx[i];
        std::string cat_ = at + "/context/" + std::to_string(i);
        std::string label_c = "context[" + std::to_string(i) + "]";
        if (!c.is_object()) Fail(cat_, id, label_c + " must be an object with must, before, after, terms");
        for (const auto& [key, value] : c.items())
          if (!kContextFields.contains(key))
            Fail(cat_ + "/" + key + "#key", id, label_c + ": unknown field " + Quote(key) + " (expected must, before, after, terms)");
        for (const char* key : {"must", "before", "after", "terms"})
          if (!c.contains(key)) Fail(cat_, id, label_c + ": missing field \"" + key + "\"");
        PackContext pc;
        if (!c["must"].is_boolean()) Fail(cat_ + "/must", id, label_c + ": must must be true or false");
        pc.must = c["must"].get<bool>();
        for (const char* key : {"before", "after"}) {
          const json& w = c[key];
          if (!w.is_number_integer() || w.get<long long>() < 0 || w.get<long long>() > kMaxWindow)
            Fail(cat_ + "/" + key, id, label_c + ": " + key + " must be a whole number of words from 0 to " +
                                           std::to_string(kMaxWindow));
        }
        pc.before = c["before"].get<int>();
        pc.after = c["after"].get<int>();
        if (pc.before == 0 && pc.after == 0)
          Fail(cat_, id, label_c + ": before and after are both 0, so the condition never sees a word");
        pc.terms = Strings(c["terms"], cat_ + "/terms", id, label_c + ".terms", true);
        rule.context.push_back(std::move(pc));
      }
    }
    if (r.contains("suggestions")) rule.suggestions = Strings(r["suggestions"], at + "/suggestions", id, "suggestions", false);

    const json& ex = r["examples"];
    if (!ex.is_object()) Fail(at + "/examples", id, "examples must be an object with \"match\" and \"no_match\"");
    for (const auto& [key, value] : ex.items())
      if (key != "match" && key != "no_match")
        Fail(at + "/examples/" + key + "#key", id, "examples: unknown field " + Quote(key) + " (expected match, no_match)");
    for (const char* key : {"match", "no_match"}) {
      std::string eat = at + "/examples/" + key;
      if (!ex.contains(key) || !ex[key].is_array() || ex[key].size() < 2)
        Fail(ex.contains(key) ? eat : at + "/examples", id,
             std::string("examples.") + key + " needs at least 2 sentences");
      std::vector<std::string> v = Strings(ex[key], eat, id, std::string("examples.") + key, false);
      (std::string_view(key) == "match" ? rule.match_examples : rule.no_match_examples) = std::move(v);
    }
    return rule;
  }

  fs::path file_;
  const std::string& text_;
  fs::path lexicons_dir_;
  std::unordered_map<std::string, size_t> positions_;
  std::optional<LineColumns> lines_;  // set with positions_
  std::map<std::string, std::vector<std::string>> lists_;
};

}  // namespace

RulePack ParsePack(const fs::path& file, const std::string& json_text, const fs::path& lexicons_dir) {
  return PackParser(file, json_text, lexicons_dir).Parse();
}

RulePack LoadPack(const fs::path& plugin_json, const fs::path& lexicons_dir) {
  std::ifstream in(plugin_json, std::ios::binary);
  if (!in) throw ConfigError(plugin_json.string() + ": cannot read the rule pack");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string text = std::move(buf).str();
  if (auto bad = FindInvalidUtf8(text))
    throw ConfigError(plugin_json.string() + ": invalid UTF-8 at byte " + std::to_string(*bad));
  return ParsePack(plugin_json, text, lexicons_dir);
}

std::vector<fs::path> FindPackDirs(const fs::path& plugins_dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(plugins_dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(plugins_dir, ec))
    if (entry.is_directory(ec) && fs::is_regular_file(entry.path() / "plugin.json", ec)) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<RulePack> LoadPacks(const std::vector<fs::path>& pack_dirs, const fs::path& lexicons_dir) {
  std::vector<RulePack> packs;
  std::map<std::string, std::string> names, ids;  // → the file that defined it
  for (const fs::path& dir : pack_dirs) {
    RulePack pack = LoadPack(dir / "plugin.json", lexicons_dir);
    if (auto it = names.find(pack.name); it != names.end())
      throw ConfigError(pack.file.string() + ": pack " + Quote(pack.name) + " is already loaded from " + it->second +
                        " (rename one of them)");
    names[pack.name] = pack.file.string();
    for (const PackRule& r : pack.rules) {
      if (auto it = ids.find(r.id); it != ids.end())
        throw ConfigError(r.where + ": " + r.id + ": duplicate id (also in " + it->second + ")");
      ids[r.id] = pack.file.string();
    }
    packs.push_back(std::move(pack));
  }
  return packs;
}

}  // namespace discreet
