// Names of categories and severities as they appear in config files and reports.
#include "finding.h"

#include <cmath>

namespace discreet {

std::string_view CategoryName(Category c) {
  switch (c) {
    case Category::kIdentifier: return "identifier";
    case Category::kQuasiIdentifier: return "quasi-identifier";
    case Category::kSensitive: return "sensitive";
    case Category::kContext: return "context";
    case Category::kCombination: return "combination";
  }
  return "?";
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "?";
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (Category c : {Category::kIdentifier, Category::kQuasiIdentifier, Category::kSensitive, Category::kContext,
                     Category::kCombination})
    if (CategoryName(c) == name) return c;
  return std::nullopt;
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError})
    if (SeverityName(s) == name) return s;
  return std::nullopt;
}

std::optional<double> Finding::bits() const {
  if (!frequency || *frequency <= 0) return std::nullopt;
  return -std::log2(*frequency);
}

}  // namespace discreet
