// Config: parsed with nlohmann_json (// and /* */ comments allowed, as `discreet init`
// writes them), each key checked by hand so the message says what was expected; positions
// from JsonPositions so every error names its line:column.
#include "config/config.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "error.h"
#include "rules/json_positions.h"
#include "text/utf8.h"

namespace discreet {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class ConfigParser {
 public:
  ConfigParser(const fs::path& file, const std::string& text) : file_(file), text_(text) {}

  Config Parse() {
    json root;
    try {
      root = json::parse(text_, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      size_t colon = what.find(": ", what.find("parse error"));
      if (colon != std::string::npos) what = what.substr(colon + 2);
      throw ConfigError(file_.string() + ":" + LineColumnOf(text_, e.byte > 0 ? e.byte - 1 : 0) +
                        ": not valid JSON: " + what);
    } catch (const json::exception&) {  // out_of_range.406: a number too large for a double
      throw ConfigError(file_.string() + ": not valid JSON: a number is too large");
    }
    positions_ = JsonPositions(text_);
    if (!root.is_object()) Fail("", "", "the top level must be an object of settings");

    Config c;
    c.file = file_;
    for (const auto& [key, v] : root.items()) {
      const std::string at = "/" + key;
      if (key == "locale") {
        if (!v.is_string() || !ValidLocale(v.get<std::string>()))
          Fail(at, key, "expected a language tag like \"en\" or \"en-US\"");
        c.locale = v.get<std::string>();
      } else if (key == "practice_location") {
        ParseLocation(v, c);
      } else if (key == "thresholds") {
        ParseThresholds(v, c);
      } else if (key == "beta") {
        c.beta = Fraction(v, at, key, "a number in (0, 1]: how much the second and later details count");
      } else if (key == "clientele") {
        if (!v.is_number() || v.get<double>() < 1)
          Fail(at, key, "expected how many people come to the practice (clients and staff), like 2000");
        c.clientele = v.get<double>();
      } else if (key == "all_posts_about_clients") {
        if (!v.is_boolean()) Fail(at, key, "expected true or false");
        c.all_posts_about_clients = v.get<bool>();
      } else if (key == "packs") {
        ParsePacks(v, c);
      } else if (key == "rules") {
        if (!v.is_object())
          Fail(at, key, "expected an object of rule ids to \"off\", \"info\", \"warning\" or \"error\"");
        for (const auto& [id, level] : v.items()) {
          if (!level.is_string() || !ValidLevel(level.get<std::string>()))
            Fail(at + "/" + id, "rules." + id, "expected \"off\", \"info\", \"warning\" or \"error\"");
          c.rules.emplace_back(id, level.get<std::string>());
        }
      } else if (key == "consent_ledger") {
        if (!v.is_string() || v.get<std::string>().empty())
          Fail(at, key, "expected the path of the consent ledger, relative to this file");
        fs::path p = v.get<std::string>();
        c.consent_ledger = p.is_absolute() ? p : (file_.parent_path() / p).lexically_normal();
      } else if (key == "server") {
        ParseServer(v, c);
      } else {
        Fail(at + "#key", key,
             "unknown key (expected locale, practice_location, clientele, thresholds, beta, all_posts_about_clients, "
             "packs, rules, consent_ledger or server)");
      }
    }
    if (c.block_kappa && c.warn_kappa && *c.warn_kappa > *c.block_kappa)
      Fail("/thresholds/warn_kappa", "thresholds.warn_kappa", "must not be above thresholds.block_kappa");
    return c;
  }

 private:
  [[noreturn]] void Fail(const std::string& pointer, const std::string& key, const std::string& what) const {
    std::string msg = file_.string();
    if (std::string at = PositionOf(positions_, text_, pointer); !at.empty()) msg += ":" + at;
    msg += ": ";
    if (!key.empty()) msg += key + ": ";
    throw ConfigError(msg + what);
  }

  static bool ValidLocale(const std::string& s) {
    auto lower = [](char ch) { return ch >= 'a' && ch <= 'z'; };
    auto upper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
    if (s.size() == 2) return lower(s[0]) && lower(s[1]);
    return s.size() == 5 && lower(s[0]) && lower(s[1]) && s[2] == '-' && upper(s[3]) && upper(s[4]);
  }
  static bool ValidLevel(const std::string& s) { return s == "off" || s == "info" || s == "warning" || s == "error"; }

  double Fraction(const json& v, const std::string& at, const std::string& key, const std::string& expected) const {
    if (!v.is_number() || !(v.get<double>() > 0 && v.get<double>() <= 1)) Fail(at, key, "expected " + expected);
    return v.get<double>();
  }

  void ParseLocation(const json& v, Config& c) {
    const std::string key = "practice_location";
    if (!v.is_object())
      Fail("/" + key, key, "expected an object like {\"name\": \"Pinedale, WY\", \"population\": 1500}");
    for (const auto& [k, x] : v.items()) {
      std::string at = "/" + key + "/" + k, name = key + "." + k;
      if (k == "name") {
        if (!x.is_string() || x.get<std::string>().empty()) Fail(at, name, "expected the town's name as a string");
        c.practice_location_name = x.get<std::string>();
      } else if (k == "population") {
        if (!x.is_number() || x.get<double>() < 1)
          Fail(at, name, "expected the number of people living there (1 or more)");
        c.practice_location_population = x.get<double>();
      } else {
        Fail(at + "#key", name, "unknown key (expected name, population)");
      }
    }
    if (!c.practice_location_name && !c.practice_location_population)
      Fail("/" + key, key, "expected a name, a population or both");
  }

  void ParseThresholds(const json& v, Config& c) {
    const std::string key = "thresholds";
    if (!v.is_object())
      Fail("/" + key, key, "expected an object with block_kappa, warn_kappa, sensitive_block_kappa");
    for (const auto& [k, x] : v.items()) {
      std::string at = "/" + key + "/" + k, name = key + "." + k;
      const std::string expected = "a number in (0, 1] (the chance that a guess among the people who fit is right)";
      if (k == "block_kappa") c.block_kappa = Fraction(x, at, name, expected);
      else if (k == "warn_kappa") c.warn_kappa = Fraction(x, at, name, expected);
      else if (k == "sensitive_block_kappa") c.sensitive_block_kappa = Fraction(x, at, name, expected);
      else Fail(at + "#key", name, "unknown key (expected block_kappa, warn_kappa, sensitive_block_kappa)");
    }
  }

  std::vector<std::string> Names(const json& v, const std::string& at, const std::string& key,
                                 const std::string& expected) const {
    if (!v.is_array()) Fail(at, key, "expected " + expected);
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string() || v[i].get<std::string>().empty())
        Fail(at + "/" + std::to_string(i), key, "expected " + expected);
      out.push_back(v[i].get<std::string>());
    }
    return out;
  }

  void ParsePacks(const json& v, Config& c) {
    const std::string key = "packs";
    if (!v.is_object()) Fail("/" + key, key, "expected an object like {\"disable\": [\"sports-events\"]}");
    for (const auto& [k, x] : v.items()) {
      std::string at = "/" + key + "/" + k, name = key + "." + k;
      if (k == "enable") c.enable_packs = Names(x, at, name, "an array of pack names, like [\"core-en\", \"bodywork\"]");
      else if (k == "disable") c.disable_packs = Names(x, at, name, "an array of pack names, like [\"sports-events\"]");
      else Fail(at + "#key", name, "unknown key (expected enable, disable)");
    }
  }

  void ParseServer(const json& v, Config& c) {
    const std::string key = "server";
    if (!v.is_object()) Fail("/" + key, key, "expected an object like {\"extension_origins\": [\"chrome-extension://...\"]}");
    for (const auto& [k, x] : v.items()) {
      std::string at = "/" + key + "/" + k, name = key + "." + k;
      if (k != "extension_origins") Fail(at + "#key", name, "unknown key (expected extension_origins)");
      c.extension_origins = Names(x, at, name, "an array of origins, like [\"chrome-extension://abcdef\"]");
      for (size_t i = 0; i < c.extension_origins.size(); ++i)
        if (c.extension_origins[i].find("://") == std::string::npos)
          Fail(at + "/" + std::to_string(i), name, "expected an origin with a scheme, like \"moz-extension://...\"");
    }
  }

  fs::path file_;
  const std::string& text_;
  std::unordered_map<std::string, size_t> positions_;
};

}  // namespace

fs::path Config::user_plugins_dir() const {
  if (file.empty()) return {};
  return file.parent_path() / ".discreet" / "plugins";
}

std::optional<fs::path> FindConfig(const fs::path& checked) {
  std::error_code ec;
  fs::path p = fs::absolute(checked, ec);
  if (ec) return std::nullopt;
  p = p.lexically_normal();
  fs::path dir = fs::is_directory(p, ec) ? p : p.parent_path();
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    fs::path parent = dir.parent_path();
    if (parent == dir || dir.empty()) return std::nullopt;
    dir = parent;
  }
}

Config ParseConfig(const fs::path& file, const std::string& text) { return ConfigParser(file, text).Parse(); }

Config LoadConfig(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(file, ec)) throw ConfigError(file.string() + ": cannot read the config file");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string text = std::move(buf).str();
  if (auto bad = FindInvalidUtf8(text)) throw ConfigError(file.string() + ": invalid UTF-8 at byte " + std::to_string(*bad));
  return ParseConfig(file, text);
}

void ApplyConfig(const Config& c, LinterOptions& o) {
  o.locale = c.locale;
  if (c.practice_location_name) {
    o.risk.practice_name = *c.practice_location_name;
    o.practice_origin = c.file.string();
  }
  if (c.practice_location_population) o.risk.practice_population = *c.practice_location_population;
  if (c.block_kappa) o.risk.block_kappa = *c.block_kappa;
  if (c.warn_kappa) o.risk.warn_kappa = *c.warn_kappa;
  if (c.sensitive_block_kappa) o.risk.sensitive_block_kappa = *c.sensitive_block_kappa;
  if (c.beta) o.risk.beta = *c.beta;
  if (c.clientele) o.risk.clientele = *c.clientele;
  if (c.all_posts_about_clients) o.risk.all_posts_about_clients = *c.all_posts_about_clients;
  const std::string where = c.file.string();
  if (c.enable_packs) {
    o.only_packs = c.enable_packs;
    o.only_packs_origin = where + ": packs.enable";
  }
  for (const std::string& p : c.disable_packs) o.rule_overrides.push_back({p, false, std::nullopt, where + ": packs.disable"});
  for (const auto& [id, level] : c.rules) {
    RuleOverride ov{id, level != "off", ParseSeverity(level), where + ": rules." + id};
    o.rule_overrides.push_back(std::move(ov));
  }
  if (!c.consent_ledger.empty()) o.consent_ledger = c.consent_ledger;
  if (fs::path user = c.user_plugins_dir(); !user.empty()) o.plugin_dirs.push_back(user);
}

}  // namespace discreet
