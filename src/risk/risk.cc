// Subjects, k and κ per subject, and the draft's verdict (DESIGN.md, Risk model).
#include "risk/risk.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string>

#include "risk/subjects.h"
#include "text/fixed_decimal.h"

namespace discreet {
namespace {

bool IsIdentifying(const Finding& f) {
  return (f.category == Category::kIdentifier || f.category == Category::kQuasiIdentifier) && f.frequency &&
         *f.frequency > 0 && *f.frequency <= 1;
}

// printf's "%.*f" / "%.*g" (std::to_chars with a precision is specified as exactly that),
// without printf's cost: a report formats a few of these for every subject.
std::string Printed(double x, std::chars_format format, int precision) {
  if (format == std::chars_format::fixed) return FixedDecimal(x, precision);
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, format, precision);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string FormatCount(double x) {
  if (x >= 100) {
    const std::string digits = Printed(x, std::chars_format::fixed, 0);
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
      out += digits[i];
      if ((n - i - 1) % 3 == 0 && i != n - 1) out += ',';
    }
    return out;
  }
  if (x >= 10) return Printed(x, std::chars_format::fixed, 0);
  if (x >= 1) return Printed(std::round(x), std::chars_format::fixed, 0);
  return Printed(x, std::chars_format::general, 2);
}

std::string FormatBits(double b) { return Printed(b, std::chars_format::fixed, 1); }

}  // namespace

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "pass";
    case Verdict::kWarn: return "warn";
    case Verdict::kBlock: return "block";
  }
  return "?";
}

double ScopedFrequency(const Finding& f, const Subject& s) {
  const double freq = *f.frequency;
  if (!f.nationwide || *f.nationwide <= 0 || s.place_named || s.population <= 0) return freq;
  return std::min(1.0, std::max(freq, *f.nationwide / s.population));
}

std::vector<std::pair<double, int>> Details(const Subject& s, const std::vector<Finding>& findings) {
  std::vector<std::pair<double, int>> all;
  for (int i : s.findings)
    if (IsIdentifying(findings[i]) && findings[i].severity != Severity::kInfo)
      all.emplace_back(ScopedFrequency(findings[i], s), i);
  // Rarest first within each span, keep the first of each span, then rarest first overall.
  auto span_of = [&](const std::pair<double, int>& d) {
    const Span& sp = findings[d.second].span;
    return std::pair(sp.start, sp.end);
  };
  std::sort(all.begin(), all.end(), [&](const auto& a, const auto& b) {
    return std::pair(span_of(a), a) < std::pair(span_of(b), b);
  });
  all.erase(std::unique(all.begin(), all.end(), [&](const auto& a, const auto& b) { return span_of(a) == span_of(b); }),
            all.end());
  std::sort(all.begin(), all.end());
  return all;
}

std::string ExplainSubject(const Subject& s, const std::vector<Finding>& findings,
                           const std::function<std::string(const Finding&)>& shown) {
  // Built by appending to one string: the server writes one of these per subject of every
  // report, and each `a + b` made a temporary.
  std::string details;
  bool travels = false;  // a travelling job set the floor: the crowd is nationwide
  std::vector<std::pair<double, int>> shown_details = Details(s, findings);
  // In the order the post gives them.
  std::sort(shown_details.begin(), shown_details.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (const auto& [freq, i] : shown_details) {
    const Finding& f = findings[i];
    if (!details.empty()) details += ", ";
    const bool floored = freq > *f.frequency;  // ScopedFrequency raised it to the nationwide pool
    travels = travels || floored;
    details.append(shown(f)).append(" (").append(FormatBits(-std::log2(freq))).append(" bits");
    if (floored)
      details.append(", one of about ").append(FormatCount(*f.nationwide)).append(" who travel for this work");
    details += ')';
  }
  if (details.empty()) return "Nothing here narrows down who this is.";
  std::string out;
  out.reserve(details.size() + 256);
  if (s.group) out += "A group is described together. ";
  out += "This description fits ";
  if (s.k < 1.5)
    out += "about 1 person";
  else
    out.append("about ").append(FormatCount(s.k)).append(" people");
  out += ' ';
  const std::string pop = FormatCount(s.population);
  const std::string_view kind = s.population < 50'000 ? "a town" : "a city";
  if (travels)
    out += "across the country (no place is named, and these people travel for work)";
  else if (s.clientele_scope)
    out.append("among the ").append(pop).append(" or so people who come to the practice (gossip is read by them)");
  else if (s.scope_finding >= 0 && findings[s.scope_finding].unnamed_place())
    out.append("in ").append(kind).append(" of ").append(pop);
  else if (s.scope_finding >= 0)
    out.append("in ").append(shown(findings[s.scope_finding])).append(", ").append(kind).append(" of ").append(pop);
  else if (!s.scope_name.empty())
    out.append("in ").append(s.scope_name).append(", ").append(kind).append(" of ").append(pop);
  else
    out.append("among ").append(pop).append(
        " people (no place is named, so a town of that size is assumed; set the practice location in .discreet.json)");
  // A group ("two tennis players") is found as surely as one person when its description
  // is rare, and naming it points at each member.
  out.append(" — ").append(details).append(": ").append(FormatBits(s.bits)).append(" bits where ");
  out.append(FormatBits(s.bits_needed)).append(" are enough.");
  return out;
}

std::string BestChange(const Subject& s, const std::vector<Finding>& findings,
                       const std::function<std::string(const Finding&)>& shown) {
  if (s.best_change < 0) return "";
  const Finding& f = findings[s.best_change];
  std::string what = "\u201C" + shown(f) + "\u201D";
  for (const std::string& suggestion : f.suggestions)
    if (suggestion != "remove") return "replace " + what + " with \u201C" + suggestion + "\u201D";
  return "leave out " + what;
}

void DecideDraft(RiskResult& result) {
  result.verdict = Verdict::kPass;
  result.riskiest = -1;
  double worst = -1;
  for (const Subject& s : result.subjects) {
    if (s.findings.empty()) continue;
    double rank = static_cast<int>(s.verdict) * 10 + s.kappa;
    if (rank > worst) {
      worst = rank;
      result.riskiest = s.id;
    }
    result.verdict = std::max(result.verdict, s.verdict);
  }
}

double Kappa(double k) {
  if (k <= 0) return 1;
  return -std::expm1(-k) / k;
}

namespace {

bool IsEventParticipant(const Subject& s, const std::vector<Finding>& findings) {
  bool event = false, occupation = false;
  for (int i : s.findings) {
    event = event || findings[i].rule == "event";
    occupation = occupation || findings[i].rule == "occupation";
  }
  return event && occupation;
}

void Decide(Subject& s, bool identifying, bool contact, const RiskConfig& config) {
  if (s.client && s.public_person) {
    s.verdict = Verdict::kBlock;
    s.reason = "a client who is a public figure or holds a public role: anyone can look them up";
  } else if (s.client && s.named && s.sensitive) {
    s.verdict = Verdict::kBlock;
    s.reason = "a client is named together with what they shared or went through";
  } else if (s.client && contact) {
    s.verdict = Verdict::kBlock;
    s.reason = "a client's contact details or ID number";
  } else if (s.client && s.kappa >= config.block_kappa) {
    s.verdict = Verdict::kBlock;
    s.reason = "a client who can be singled out";
  } else if (s.sensitive && identifying && s.kappa >= config.sensitive_block_kappa) {
    s.verdict = Verdict::kBlock;
    s.reason = "private details about a person who can be singled out";
  } else if (s.client && s.kappa >= config.warn_kappa) {
    s.verdict = Verdict::kWarn;
    s.reason = "a client described closely enough that people who know them may recognise them";
  } else if (s.client && s.sensitive) {
    s.verdict = Verdict::kWarn;
    s.reason = "what a client shared or went through is confidential even without a name";
  } else if (s.client && s.named) {
    s.verdict = Verdict::kWarn;
    s.reason = "a person is named near talk of a client";
  } else {
    s.verdict = Verdict::kPass;
  }
}

}  // namespace

RiskResult AssessRisk(std::vector<Finding>& findings, const std::vector<Token>& tokens, std::string_view text,
                      const RiskConfig& config, const RiskContext& context) {
  RiskResult result;
  result.consent_cue = context.consent_cue;
  SubjectLinks links = LinkSubjects(findings, tokens, text);
  result.subjects.resize(links.count);
  for (int s = 0; s < links.count; ++s) {
    result.subjects[s].id = s;
    result.subjects[s].named = links.named[s];
    result.subjects[s].group = links.group[s];
  }
  for (size_t i = 0; i < findings.size(); ++i)
    if (findings[i].subject >= 0) result.subjects[findings[i].subject].findings.push_back(static_cast<int>(i));

  for (Subject& s : result.subjects) {
    bool direct = false, contact = false;
    std::optional<double> place_population;
    for (int i : s.findings) {
      const Finding& f = findings[i];
      if (f.rule == "client-context") s.client = true;
      if (f.rule == "public-figure" || f.rule == "public-role") s.public_person = s.public_person || f.severity >= Severity::kWarning;
      if (f.category == Category::kSensitive && f.severity >= Severity::kWarning) s.sensitive = true;
      if (f.rule == "gossip" && f.severity >= Severity::kWarning) s.gossip = s.client = true;  // gossip is about a client
      if ((f.rule == "contact-info" || f.rule == "id-number") && f.severity >= Severity::kWarning) contact = true;
      if (f.population && *f.population > 0 && (!place_population || *f.population < *place_population)) {
        place_population = f.population;
        s.scope_finding = i;
      }
      if (!IsIdentifying(f) || f.severity == Severity::kInfo) continue;
      direct = direct || f.direct;
    }
    if (config.all_posts_about_clients) s.client = true;
    s.public_person = s.public_person || IsEventParticipant(s, findings);
    if (place_population) {
      s.population = *place_population;
    } else if (config.practice_population) {
      s.population = *config.practice_population;
      s.scope_name = config.practice_name;
    } else {
      s.population = config.default_population;
    }
    if (s.gossip && config.clientele < s.population) {
      s.population = config.clientele;
      s.scope_finding = -1;
      s.clientele_scope = true;
    }
    s.place_named = place_population.has_value();
    const std::vector<std::pair<double, int>> freqs = Details(s, findings);
    double log_p = 0;  // natural log of p, so long descriptions cannot underflow
    for (size_t j = 0; j < freqs.size(); ++j) {
      double weight = j == 0 ? 1.0 : config.beta;
      log_p += weight * std::log(freqs[j].first);
      s.bits += -std::log2(freqs[j].first);
    }
    if (!freqs.empty()) s.best_change = freqs.front().second;
    s.k = s.population * std::exp(log_p);
    if (direct) s.k = std::min(s.k, 1.0);
    s.kappa = Kappa(s.k);
    s.bits_needed = std::log2(s.population);

    Decide(s, !freqs.empty(), contact, config);
    if (s.verdict == Verdict::kBlock && context.consent_cue) {
      s.verdict = Verdict::kWarn;
      s.reason += " (the post mentions permission: make sure it is written and covers this)";
    }
  }
  DecideDraft(result);
  return result;
}

}  // namespace discreet
