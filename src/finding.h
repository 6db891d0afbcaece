// Findings: what a detector reports. One struct for every rule, so the risk model and the
// report formats never need to know which detector produced a finding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace discreet {

enum class Category { kIdentifier, kQuasiIdentifier, kSensitive, kContext, kCombination };
enum class Severity { kInfo, kWarning, kError };

std::string_view CategoryName(Category c);
std::string_view SeverityName(Severity s);
std::optional<Category> ParseCategory(std::string_view name);
std::optional<Severity> ParseSeverity(std::string_view name);

struct Finding {
  std::string rule;    // catalogue rule id: "contact-info", "age", ...
  std::string source;  // what produced it: a built-in detector's or a pack rule's id
  Category category = Category::kIdentifier;
  Severity severity = Severity::kWarning;
  std::string message;  // plain words for a therapist
  Span span;            // bytes of the original input
  // Share of people the detail fits; set for identifiers and quasi-identifiers.
  std::optional<double> frequency;
  // A direct identifier (full name, public figure, unique role, contact or id number)
  // singles a person out by itself, whatever the population.
  bool direct = false;
  // For place findings: how many people live there (becomes the subject's scope).
  std::optional<double> population;

  // For a detail whose holders work all over the country rather than in one town (league
  // players): how many hold it nationwide. Unless the post names the subject's place, the
  // detail narrows the description to no fewer people than that.
  std::optional<double> nationwide;
  int subject = -1;  // index into the report's subjects, or -1
  std::vector<std::string> suggestions;

  // log2(1/frequency): the information the detail carries.
  std::optional<double> bits() const;
  // A place the draft sizes but does not name ("a town of 3,000"): it has a population but
  // no frequency of its own, and the summary calls the scope by its size alone.
  bool unnamed_place() const { return population.has_value() && !frequency.has_value(); }
};

}  // namespace discreet
