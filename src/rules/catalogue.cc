// The rule catalogue as one table. Adding a rule id is one row here; adding a way to find
// it is a detector (src/detect/) or a rule pack (plugins/).
#include "rules/catalogue.h"

namespace discreet {
namespace {

using C = Category;
using S = Severity;

constexpr RuleInfo kRules[] = {
    {"person-name", C::kIdentifier, S::kError, "A person's name or a handle used as one.", "I massaged Mary Jones today."},
    {"public-figure", C::kIdentifier, S::kError, "A celebrity or other public figure.", "Guess who was on my table: Tom Brady!"},
    {"public-role", C::kIdentifier, S::kError, "A role only one or a few people hold.", "The CEO of the Miami Dolphins came in."},
    {"contact-info", C::kIdentifier, S::kError, "A phone number, email address, personal URL or handle.", "Text me at 415-555-0182."},
    {"id-number", C::kIdentifier, S::kError, "An identifying number: SSN, medical record, health plan, licence plate.", "Her MRN is 00123456."},
    {"exact-date", C::kIdentifier, S::kError, "A date of birth or a dated visit tied to a person.", "Born 03/14/1961, she came in on 2026-11-02."},
    {"age", C::kQuasiIdentifier, S::kWarning, "An age: narrows who the person can be.", "an 85-year-old client"},
    {"place", C::kQuasiIdentifier, S::kWarning, "A town, street, school or workplace tied to a person.", "Mary from down the street"},
    {"vehicle", C::kQuasiIdentifier, S::kWarning, "The car someone drives.", "drives a red Porsche"},
    {"occupation", C::kQuasiIdentifier, S::kWarning, "What someone does for a living.", "a local firefighter"},
    {"appearance", C::kQuasiIdentifier, S::kWarning, "How someone looks or gets around.", "dyes her hair purple"},
    {"household", C::kQuasiIdentifier, S::kWarning, "Family, pets and home life.", "mother of triplets, has 50 cats"},
    {"event", C::kQuasiIdentifier, S::kInfo, "An event a person took part in.", "a player from the Super Bowl champions"},
    {"time", C::kQuasiIdentifier, S::kInfo, "When someone came in.", "my 10am every Tuesday"},
    {"health", C::kSensitive, S::kWarning, "A health detail about a person.", "my client is three months pregnant"},
    {"intimate", C::kSensitive, S::kWarning, "Intimate or sexual detail.", "he tried to grind my table"},
    {"personal-life", C::kSensitive, S::kWarning, "Private life: divorce, debts, arrest, religion, sexuality.", "going through a nasty custody battle"},
    {"session-content", C::kSensitive, S::kWarning, "Something said or done in a session.", "she told me she's leaving her job"},
    {"gossip", C::kSensitive, S::kWarning, "Complaining or bragging about a client.", "the creepy guy who comes in every Tuesday"},
    {"client-context", C::kContext, S::kInfo, "Says the post is about a client.", "on my table today"},
    {"identifying-description", C::kCombination, S::kError, "Details that together fit very few people.",
     "an 85-year-old who drives a Porsche in a town of 3,000"},
};

}  // namespace

std::span<const RuleInfo> RuleCatalogue() { return kRules; }

const RuleInfo* FindRule(std::string_view id) {
  for (const RuleInfo& r : kRules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace discreet
