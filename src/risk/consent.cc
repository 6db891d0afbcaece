// Consent ledger loading and application.
#include "risk/consent.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "error.h"
#include "risk/subjects.h"
#include "rules/catalogue.h"

namespace discreet {
namespace {

bool IsIdentityRule(const Finding& f, std::string_view raw) {
  return f.rule == "person-name" || f.rule == "public-figure" || (f.rule == "contact-info" && raw.starts_with("@"));
}

bool Covers(const ConsentEntry& e, const Finding& f, std::string_view raw) {
  if (e.covers.count("all")) return true;
  if (IsIdentityRule(f, raw)) return e.covers.count("identity") > 0;
  return e.covers.count(f.rule) > 0;
}

}  // namespace

ConsentLedger ConsentLedger::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot open the consent ledger");
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(path.string(), buf.str());
}

ConsentLedger ConsentLedger::Parse(const std::string& path, const std::string& text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError(path + ": not valid JSON (" + std::string(e.what()) + ")");
  } catch (const nlohmann::json::exception&) {  // out_of_range.406: a number too large
    throw ConfigError(path + ": not valid JSON (a number is too large)");
  }
  if (!j.is_object() || !j.contains("entries") || !j["entries"].is_array())
    throw ConfigError(path + ": expected an object with an \"entries\" array");
  for (const auto& [key, _] : j.items())
    if (key != "entries") throw ConfigError(path + ": unknown key \"" + key + "\" (expected \"entries\")");
  ConsentLedger ledger;
  size_t index = 0;
  for (const auto& e : j["entries"]) {
    std::string where = path + ": entries[" + std::to_string(index++) + "]";
    if (!e.is_object()) throw ConfigError(where + ": expected an object");
    ConsentEntry entry;
    for (const auto& [key, value] : e.items()) {
      if (key == "name" && value.is_string()) {
        entry.name = value.get<std::string>();
      } else if (key == "aliases" && value.is_array()) {
        for (const auto& a : value) {
          if (!a.is_string()) throw ConfigError(where + ".aliases: expected strings");
          entry.aliases.push_back(a.get<std::string>());
        }
      } else if (key == "covers" && value.is_array()) {
        for (const auto& c : value) {
          if (!c.is_string()) throw ConfigError(where + ".covers: expected strings");
          std::string what = c.get<std::string>();
          if (what != "identity" && what != "all" && what != "photos" && !FindRule(what))
            throw ConfigError(where + ".covers: unknown \"" + what +
                              "\" (expected identity, all, photos or a rule id such as health)");
          entry.covers.insert(what);
        }
      } else if (key == "evidence" && value.is_string()) {
        entry.evidence = value.get<std::string>();
      } else {
        throw ConfigError(where + ": unexpected \"" + key +
                          "\" (expected name and covers as strings/lists, aliases, evidence)");
      }
    }
    if (entry.name.empty()) throw ConfigError(where + ": \"name\" is required");
    if (entry.covers.empty()) throw ConfigError(where + ": \"covers\" is required (what the consent covers)");
    if (entry.evidence.empty())
      throw ConfigError(where + ": \"evidence\" is required (e.g. \"signed testimonial 2026-03-01\")");
    size_t id = ledger.entries_.size();
    ledger.folded_names_.emplace_back(NameKey(entry.name), id);
    for (const auto& a : entry.aliases) ledger.folded_names_.emplace_back(NameKey(a), id);
    ledger.entries_.push_back(std::move(entry));
  }
  return ledger;
}

void ConsentLedger::Apply(std::vector<Finding>& findings, const std::vector<Token>& tokens,
                          std::string_view text) const {
  if (entries_.empty() || findings.empty()) return;
  SubjectLinks links = LinkSubjects(findings, tokens, text);
  std::vector<int> entry_of_subject(links.count, -1);
  for (const Finding& f : findings) {
    std::string_view raw = text.substr(f.span.start, f.span.size());
    if (!IsIdentityRule(f, raw) || f.subject < 0) continue;
    std::string key = NameKey(raw);
    for (const auto& [name, entry] : folded_names_)
      if (name == key) entry_of_subject[f.subject] = static_cast<int>(entry);
  }
  std::erase_if(findings, [&](const Finding& f) {
    if (f.subject < 0 || entry_of_subject[f.subject] < 0) return false;
    return Covers(entries_[entry_of_subject[f.subject]], f, text.substr(f.span.start, f.span.size()));
  });
  for (Finding& f : findings) f.subject = -1;
}

}  // namespace discreet
