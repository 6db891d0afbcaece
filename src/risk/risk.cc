// Subjects, k and κ per subject, and the draft's verdict (DESIGN.md, Risk model).
#include "risk/risk.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace discreet {
namespace {

bool IsIdentifying(const Finding& f) {
  return (f.category == Category::kIdentifier || f.category == Category::kQuasiIdentifier) && f.frequency &&
         *f.frequency > 0 && *f.frequency <= 1;
}

std::string FormatCount(double x) {
  char buf[64];
  if (x >= 100) {
    std::snprintf(buf, sizeof buf, "%.0f", x);
    std::string digits = buf, out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
      out += digits[i];
      if ((n - i - 1) % 3 == 0 && i != n - 1) out += ',';
    }
    return out;
  }
  if (x >= 10) std::snprintf(buf, sizeof buf, "%.0f", x);
  else if (x >= 1) std::snprintf(buf, sizeof buf, "%.0f", std::round(x));
  else std::snprintf(buf, sizeof buf, "%.2g", x);
  return buf;
}

std::string FormatBits(double b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", b);
  return buf;
}

}  // namespace

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "pass";
    case Verdict::kWarn: return "warn";
    case Verdict::kBlock: return "block";
  }
  return "?";
}

std::string ExplainSubject(const Subject& s, const std::vector<Finding>& findings,
                           const std::function<std::string(const Finding&)>& shown) {
  std::string details;
  for (int i : s.findings) {
    const Finding& f = findings[i];
    if (!IsIdentifying(f) || f.severity == Severity::kInfo) continue;
    if (!details.empty()) details += ", ";
    details += shown(f) + " (" + FormatBits(*f.bits()) + " bits)";
  }
  if (details.empty()) return "Nothing here narrows down who this is.";
  std::string fits = s.k < 1.5 ? "about 1 person" : "about " + FormatCount(s.k) + " people";
  std::string pop = FormatCount(s.population);
  std::string kind = s.population < 50'000 ? "a town" : "a city";
  std::string scope;
  if (s.scope_finding >= 0) scope = "in " + shown(findings[s.scope_finding]) + ", " + kind + " of " + pop;
  else if (!s.scope_name.empty()) scope = "in " + s.scope_name + ", " + kind + " of " + pop;
  else scope = "among " + pop + " people (no place is named, so a town of that size is assumed)";
  return "This description fits " + fits + " " + scope + " — " + details + ": " + FormatBits(s.bits) +
         " bits where " + FormatBits(s.bits_needed) + " are enough.";
}

double Kappa(double k) {
  if (k <= 0) return 1;
  return -std::expm1(-k) / k;
}

RiskResult AssessRisk(std::vector<Finding>& findings, const std::vector<Token>& tokens,
                      const RiskConfig& config) {
  RiskResult result;
  // One subject per paragraph for now: the details of one paragraph are read as one person.
  std::map<uint32_t, int> subject_of_paragraph;
  auto paragraph_of = [&](const Finding& f) -> uint32_t {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), f.span.start,
                               [](const Token& t, size_t pos) { return t.span.end <= pos; });
    return it == tokens.end() ? (tokens.empty() ? 0 : tokens.back().paragraph) : it->paragraph;
  };
  for (size_t i = 0; i < findings.size(); ++i) {
    uint32_t p = paragraph_of(findings[i]);
    auto [it, added] = subject_of_paragraph.emplace(p, static_cast<int>(result.subjects.size()));
    if (added) {
      Subject s;
      s.id = it->second;
      result.subjects.push_back(s);
    }
    findings[i].subject = it->second;
    result.subjects[it->second].findings.push_back(static_cast<int>(i));
  }

  Verdict verdict = Verdict::kPass;
  double worst = -1;
  for (Subject& s : result.subjects) {
    std::vector<double> freqs;
    bool direct = false, contact = false;
    std::optional<double> place_population;
    for (int i : s.findings) {
      const Finding& f = findings[i];
      if (f.rule == "client-context") s.client = true;
      if (f.category == Category::kSensitive && f.severity >= Severity::kWarning) s.sensitive = true;
      if (f.rule == "contact-info" || f.rule == "id-number") contact = contact || f.severity >= Severity::kWarning;
      if (f.population && (!place_population || *f.population < *place_population)) {
        place_population = f.population;
        s.scope_finding = i;
      }
      if (!IsIdentifying(f) || f.severity == Severity::kInfo) continue;
      freqs.push_back(*f.frequency);
      direct = direct || f.direct;
    }
    if (config.all_posts_about_clients) s.client = true;
    if (place_population) {
      s.population = *place_population;
    } else if (config.practice_population) {
      s.population = *config.practice_population;
      s.scope_name = config.practice_name;
    } else {
      s.population = config.default_population;
    }
    std::sort(freqs.begin(), freqs.end());
    double log_p = 0;  // natural log of p, so long descriptions cannot underflow
    for (size_t j = 0; j < freqs.size(); ++j) {
      double weight = j == 0 ? 1.0 : config.beta;
      log_p += weight * std::log(freqs[j]);
      s.bits += -std::log2(freqs[j]);
    }
    s.k = s.population * std::exp(log_p);
    if (direct) s.k = std::min(s.k, 1.0);
    s.kappa = Kappa(s.k);
    s.bits_needed = std::log2(s.population);

    Verdict v = Verdict::kPass;
    if ((s.client && s.kappa >= config.block_kappa) || (s.sensitive && !freqs.empty() && s.kappa >= config.sensitive_block_kappa) ||
        (s.client && contact))
      v = Verdict::kBlock;
    else if ((s.client && s.kappa >= config.warn_kappa) || (s.client && s.sensitive))
      v = Verdict::kWarn;
    double rank = static_cast<int>(v) * 10 + s.kappa;
    if (rank > worst) {
      worst = rank;
      result.riskiest = s.id;
    }
    verdict = std::max(verdict, v);
  }
  result.verdict = verdict;
  return result;
}

}  // namespace discreet
