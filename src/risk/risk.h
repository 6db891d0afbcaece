// Re-identification risk: groups findings into subjects (who each finding is about),
// estimates how many people each subject's description fits, and decides the verdict.
// The model and its sources are in docs/risk-model.md.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "finding.h"
#include "text/tokenizer.h"

namespace discreet {

enum class Verdict { kPass, kWarn, kBlock };
std::string_view VerdictName(Verdict v);

struct RiskConfig {
  double default_population = 100'000;
  std::optional<double> practice_population;  // the configured practice location
  std::string practice_name;
  // Who reads gossip about a client: the practice's own clients and staff, who can see the
  // person come and go. A subject with gossip is looked for among this many, not the town.
  double clientele = 2'000;
  double beta = 0.8;                 // discount for every attribute but the rarest
  double block_kappa = 0.2;          // client subject: block at or above
  double warn_kappa = 0.05;          // client subject: warn at or above
  double sensitive_block_kappa = 0.05;
  bool all_posts_about_clients = false;
};

struct Subject {
  int id = 0;
  bool client = false;
  bool named = false;      // has a name, public figure, role or handle
  bool group = false;      // several people described together ("two tennis players")
  bool public_person = false;  // a public figure or role, or a participant of a named event:
                               // who they are is a lookup away, so no crowd hides them
  bool sensitive = false;  // a health, intimate, personal-life, session or gossip finding
  bool gossip = false;     // complaining or bragging about the person (read by the clientele)
  double k = 0;            // expected number of people the description fits
  double kappa = 0;        // chance that a guess among them is right
  double bits = 0;         // information the description carries
  double bits_needed = 0;  // log2 of the scope population
  int scope_finding = -1;    // the place finding that set the population, if any
  std::string scope_name;    // the configured practice location, when that set it
  bool clientele_scope = false;  // gossip: the practice's clientele set the population
  bool place_named = false;      // the post names a place for this subject
  double population = 0;
  std::vector<int> findings;
  int best_change = -1;      // the finding whose generalisation lowers the risk most
  Verdict verdict = Verdict::kPass;
  std::string reason;        // why this subject got its verdict, in plain words
};

struct RiskResult {
  bool consent_cue = false;
  Verdict verdict = Verdict::kPass;
  std::vector<Subject> subjects;
  int riskiest = -1;  // index of the subject that decided the verdict, or -1
};

struct RiskContext {
  bool consent_cue = false;  // "reposting with permission": block becomes warn
};

// Assigns every finding's `subject` and returns the subjects and the verdict. `text` is
// what the findings' spans index.
RiskResult AssessRisk(std::vector<Finding>& findings, const std::vector<Token>& tokens, std::string_view text,
                      const RiskConfig& config, const RiskContext& context = {});

// The share of the subject's scope that a finding (an identifier or quasi-identifier)
// fits: its frequency, except that a detail held nationwide by people who travel for the
// work (league players) fits no fewer than all of them unless the post names a place.
double ScopedFrequency(const Finding& f, const Subject& s);

// The subject's identifying details, rarest first, as (ScopedFrequency, finding index).
// Two rules on the same words ("@sarah.runs.far" as a handle and as a name) are one
// detail, counted once at its rarest.
std::vector<std::pair<double, int>> Details(const Subject& s, const std::vector<Finding>& findings);

// Sets the draft's verdict (the worst subject's) and its riskiest subject (worst verdict,
// then highest κ) from the subjects' own verdicts; subjects with no finding left do not count.
void DecideDraft(RiskResult& result);

// The subject in plain words: "This description fits about 1 person in a town of 5,000 —
// 85-year-old (7.9 bits), ...: 40.7 bits where 12.3 are enough." `shown` gives each
// finding's text as the report may show it (redacted or not).
std::string ExplainSubject(const Subject& s, const std::vector<Finding>& findings,
                           const std::function<std::string(const Finding&)>& shown);

// The single change that lowers the subject's risk most, in words: "replace “Porsche”
// with “a sports car”" (or "leave out ..."); empty when there is none.
std::string BestChange(const Subject& s, const std::vector<Finding>& findings,
                       const std::function<std::string(const Finding&)>& shown);

// κ = (1 − e^−k)/k, computed so it stays accurate for small k; 1 when k = 0.
double Kappa(double k);

}  // namespace discreet
