// Corpus evaluation. A flag counts as found when a finding of its rule — or, failing
// that, of the rule's category — overlaps the phrase's first occurrence; a clean phrase
// is a false alarm when a finding of severity warning or above overlaps it.
#include "eval/eval.h"

#include <cstdio>

#include "rules/catalogue.h"
#include "text/fold.h"

namespace discreet {
namespace {

std::optional<Span> FirstOccurrence(const std::string& text, const std::string& phrase) {
  if (phrase.empty()) return std::nullopt;
  size_t at = text.find(phrase);
  if (at == std::string::npos) {
    // Case-insensitive fallback for ASCII phrases.
    std::string lower_text = text, lower_phrase = phrase;
    for (char& c : lower_text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (char& c : lower_phrase) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    at = lower_text.find(lower_phrase);
  }
  if (at == std::string::npos) return std::nullopt;
  return Span{at, at + phrase.size()};
}

std::optional<Verdict> ParseVerdict(const std::string& s) {
  for (Verdict v : {Verdict::kPass, Verdict::kWarn, Verdict::kBlock})
    if (VerdictName(v) == s) return v;
  return std::nullopt;
}

std::string Pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100 * x);
  return buf;
}

}  // namespace

std::vector<CorpusItem> ParseCorpus(const std::string& path, const std::string& jsonl) {
  std::vector<CorpusItem> items;
  size_t line_no = 0, pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    std::string line = jsonl.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? jsonl.size() : nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(line_no);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      throw InputError(where + ": not JSON (" + std::string(e.what()) + ")");
    } catch (const nlohmann::json::exception&) {  // out_of_range.406: a number too large
      throw InputError(where + ": not JSON (a number is too large)");
    }
    try {
      CorpusItem item;
      item.id = j.value("id", "line " + std::to_string(line_no));
      std::string format = j.value("format", "text");
      if (format == "markdown") item.format = InputFormat::kMarkdown;
      else if (format == "html") item.format = InputFormat::kHtml;
      else if (format != "text") throw InputError(where + ": unknown format '" + format + "'");
      item.text = j.at("text").get<std::string>();
      auto expect = ParseVerdict(j.at("expect").get<std::string>());
      if (!expect) throw InputError(where + ": expect must be block, warn or pass");
      item.expect = *expect;
      for (const auto& f : j.value("flags", nlohmann::json::array())) {
        std::string rule = f.at(1).get<std::string>();
        if (!FindRule(rule)) throw InputError(where + ": unknown rule '" + rule + "' in flags");
        item.flags.emplace_back(f.at(0).get<std::string>(), rule);
      }
      for (const auto& c : j.value("clean", nlohmann::json::array())) item.clean.push_back(c.get<std::string>());
      items.push_back(std::move(item));
    } catch (const nlohmann::json::exception& e) {
      throw InputError(where + ": " + std::string(e.what()));
    }
  }
  return items;
}

EvalResult Evaluate(const Linter& linter, const std::vector<CorpusItem>& items) {
  EvalResult r;
  for (const CorpusItem& item : items) {
    FileReport report = linter.Check({.path = item.id, .bytes = item.text, .format = item.format, .lossy = true});
    Verdict got = report.risk.verdict;
    ++r.items;
    ++r.confusion[std::string(VerdictName(item.expect))][std::string(VerdictName(got))];
    if (got == item.expect) ++r.correct;
    else
      r.misses.push_back({item.id, "expected " + std::string(VerdictName(item.expect)) + ", got " +
                                       std::string(VerdictName(got))});
    if (item.expect == Verdict::kBlock) {
      ++r.block_expected;
      r.block_got += got == Verdict::kBlock;
    }
    if (item.expect == Verdict::kPass) {
      ++r.pass_expected;
      r.pass_got += got == Verdict::kPass;
      r.pass_blocked += got == Verdict::kBlock;
    }
    for (const auto& [phrase, rule] : item.flags) {
      ++r.flags_expected;
      RuleRecall& rr = r.recall[rule];
      ++rr.expected;
      auto span = FirstOccurrence(item.text, phrase);
      const RuleInfo* info = FindRule(rule);
      bool found = false;
      if (span) {
        for (const Finding& f : report.findings)
          if (f.rule == rule && f.span.Overlaps(*span)) found = true;
        if (!found)
          for (const Finding& f : report.findings)
            if (info && f.category == info->category && f.span.Overlaps(*span)) found = true;
      }
      if (found) {
        ++rr.found;
        ++r.flags_found;
      } else {
        r.misses.push_back({item.id, "flag '" + phrase + "' (" + rule + ") not found" + (span ? "" : " (phrase not in text)")});
      }
    }
    for (const std::string& phrase : item.clean) {
      ++r.clean_total;
      auto span = FirstOccurrence(item.text, phrase);
      if (!span) continue;
      for (const Finding& f : report.findings) {
        if (f.severity >= Severity::kWarning && f.span.Overlaps(*span)) {
          ++r.clean_flagged;
          r.misses.push_back({item.id, "clean '" + phrase + "' flagged as " + f.rule + " (" +
                                           std::string(SeverityName(f.severity)) + ")"});
          break;
        }
      }
    }
  }
  return r;
}

std::string EvalText(const EvalResult& r) {
  std::string out;
  out += "items: " + std::to_string(r.items) + "\n";
  out += "verdict accuracy: " + Pct(r.accuracy()) + " (" + std::to_string(r.correct) + "/" + std::to_string(r.items) + ")\n";
  out += "block recall: " + Pct(r.block_recall()) + " (" + std::to_string(r.block_got) + "/" + std::to_string(r.block_expected) + ")\n";
  out += "pass specificity: " + Pct(r.pass_specificity()) + " (" + std::to_string(r.pass_got) + "/" +
         std::to_string(r.pass_expected) + "); passes blocked: " + std::to_string(r.pass_blocked) + "\n";
  out += "confusion (expected → got):\n";
  for (const auto& [expected, row] : r.confusion) {
    out += "  " + expected + ":";
    for (const auto& [got, n] : row) out += " " + got + "=" + std::to_string(n);
    out += "\n";
  }
  out += "flag recall: " + Pct(r.flag_recall()) + " (" + std::to_string(r.flags_found) + "/" + std::to_string(r.flags_expected) + ")\n";
  for (const auto& [rule, rr] : r.recall) {
    char line[128];
    std::snprintf(line, sizeof line, "  %-24s %d/%d\n", rule.c_str(), rr.found, rr.expected);
    out += line;
  }
  out += "clean phrases flagged: " + std::to_string(r.clean_flagged) + "/" + std::to_string(r.clean_total) + "\n";
  if (!r.misses.empty()) {
    out += "misses:\n";
    for (const EvalMiss& m : r.misses) out += "  " + m.item + ": " + m.what + "\n";
  }
  return out;
}

nlohmann::ordered_json EvalJson(const EvalResult& r) {
  nlohmann::ordered_json j;
  j["items"] = r.items;
  j["accuracy"] = r.accuracy();
  j["block_recall"] = r.block_recall();
  j["pass_specificity"] = r.pass_specificity();
  j["passes_blocked"] = r.pass_blocked;
  j["confusion"] = r.confusion;
  j["flag_recall"] = r.flag_recall();
  nlohmann::ordered_json per_rule = nlohmann::ordered_json::object();
  for (const auto& [rule, rr] : r.recall) per_rule[rule] = {{"found", rr.found}, {"expected", rr.expected}};
  j["recall_by_rule"] = per_rule;
  j["clean_flagged"] = r.clean_flagged;
  j["clean_total"] = r.clean_total;
  nlohmann::ordered_json misses = nlohmann::ordered_json::array();
  for (const EvalMiss& m : r.misses) misses.push_back({{"item", m.item}, {"what", m.what}});
  j["misses"] = misses;
  return j;
}

}  // namespace discreet
