// Tests of the consent ledger: loading errors, and what a consent covers.
#include "risk/consent.h"

#include <gtest/gtest.h>

#include "error.h"

namespace discreet {
namespace {

constexpr const char* kLedger = R"({"entries": [
  {"name": "Jane Doe", "aliases": ["Jane", "@janeruns"], "covers": ["identity", "health"],
   "evidence": "signed testimonial 2026-03-01"},
  {"name": "Tom Price", "covers": ["identity"], "evidence": "his own public review"}]})";

std::vector<std::string> Remaining(const std::string& text, std::vector<std::pair<std::string, std::string>> found) {
  std::vector<Finding> findings;
  for (const auto& [phrase, rule] : found) {
    Finding f;
    f.rule = rule;
    size_t at = text.find(phrase);
    f.span = {at, at + phrase.size()};
    findings.push_back(f);
  }
  ConsentLedger::Parse("ledger.json", kLedger).Apply(findings, Tokenize(text), text);
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(text.substr(f.span.start, f.span.size()));
  return out;
}

TEST(ConsentTest, CoveredNameAndHealthAreNotFlagged) {
  EXPECT_EQ(Remaining("So proud of Jane Doe after her knee surgery, she lives on Maple Street.",
                      {{"Jane Doe", "person-name"}, {"knee surgery", "health"}, {"Maple Street", "place"}}),
            std::vector<std::string>{"Maple Street"});
}

TEST(ConsentTest, AliasesAndHandlesMatch) {
  EXPECT_EQ(Remaining("Thanks @janeruns for the review!", {{"@janeruns", "contact-info"}}), std::vector<std::string>{});
  EXPECT_EQ(Remaining("JANE's shoulder surgery went well.", {{"JANE's", "person-name"}, {"shoulder surgery", "health"}}),
            std::vector<std::string>{});
}

TEST(ConsentTest, WhatIsNotCoveredIsStillFlagged) {
  EXPECT_EQ(Remaining("Tom Price has diabetes.", {{"Tom Price", "person-name"}, {"diabetes", "health"}}),
            std::vector<std::string>{"diabetes"});
  EXPECT_EQ(Remaining("Mary Smith has diabetes.", {{"Mary Smith", "person-name"}, {"diabetes", "health"}}),
            (std::vector<std::string>{"Mary Smith", "diabetes"}));
}

TEST(ConsentTest, BadLedgersAreRefusedWithTheReason) {
  struct Bad {
    const char* json;
    const char* message;
  };
  const Bad bad[] = {
      {"not json", "not valid JSON"},
      {R"({"entries": [1e99999]})", "a number is too large"},  // found by ledger_corpus_fuzz's sibling targets
      {"[]", "expected an object"},
      {R"({"entries": [], "extra": 1})", "unknown key \"extra\""},
      {R"({"entries": [{"covers": ["identity"], "evidence": "x"}]})", "\"name\" is required"},
      {R"({"entries": [{"name": "A", "evidence": "x"}]})", "\"covers\" is required"},
      {R"({"entries": [{"name": "A", "covers": ["identity"]}]})", "\"evidence\" is required"},
      {R"({"entries": [{"name": "A", "covers": ["everything"], "evidence": "x"}]})", "unknown \"everything\""},
      {R"({"entries": [{"name": "A", "covers": ["identity"], "evidence": "x", "note": 1}]})", "unexpected \"note\""},
  };
  for (const Bad& b : bad) {
    try {
      ConsentLedger::Parse("ledger.json", b.json);
      ADD_FAILURE() << b.json;
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find("ledger.json"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(b.message), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace discreet
