// Scoring a labelled corpus (DESIGN.md, "Labelled corpus format"): verdict accuracy,
// flag recall per rule, and clean phrases flagged by mistake.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "linter.h"

namespace discreet {

struct CorpusItem {
  std::string id;
  InputFormat format = InputFormat::kText;
  std::string text;
  Verdict expect = Verdict::kPass;
  std::vector<std::pair<std::string, std::string>> flags;  // phrase, rule
  std::vector<std::string> clean;
};

// Parses JSON Lines; throws InputError "PATH:LINE: what is wrong".
std::vector<CorpusItem> ParseCorpus(const std::string& path, const std::string& jsonl);

struct EvalMiss {
  std::string item;
  std::string what;  // "flag 'Porsche' (vehicle) not found", "clean 'Tucson' flagged as place", ...
};

struct RuleRecall {
  int expected = 0;
  int found = 0;
};

struct EvalResult {
  int items = 0;
  std::map<std::string, std::map<std::string, int>> confusion;  // expected → got → count
  int correct = 0;
  int block_expected = 0, block_got = 0;  // block recall: blocks among expected blocks
  int pass_expected = 0, pass_got = 0;    // pass specificity: passes among expected passes
  int pass_blocked = 0;                   // expected pass, got block: the worst error
  std::map<std::string, RuleRecall> recall;  // by rule
  int flags_expected = 0, flags_found = 0;
  int clean_total = 0, clean_flagged = 0;
  std::vector<EvalMiss> misses;

  double accuracy() const { return items ? static_cast<double>(correct) / items : 1; }
  double block_recall() const { return block_expected ? static_cast<double>(block_got) / block_expected : 1; }
  double pass_specificity() const { return pass_expected ? static_cast<double>(pass_got) / pass_expected : 1; }
  double flag_recall() const { return flags_expected ? static_cast<double>(flags_found) / flags_expected : 1; }
};

EvalResult Evaluate(const Linter& linter, const std::vector<CorpusItem>& items);

std::string EvalText(const EvalResult& r);
nlohmann::ordered_json EvalJson(const EvalResult& r);

}  // namespace discreet
