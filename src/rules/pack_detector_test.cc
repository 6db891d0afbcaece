// PackDetector on rules built in the test: what `not_in_names` keeps out (a term inside a
// business's or a charity's capitalised name) and what it keeps in (a person's condition,
// a condition's own capitalised name, a sentence whose capitals say nothing).
#include "rules/pack_detector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/document.h"
#include "text/tokenizer.h"

namespace discreet {
namespace {

PackRule HealthRule(bool not_in_names) {
  PackRule r;
  r.id = "test/health";
  r.pack = "test";
  r.rule = "health";
  r.category = Category::kSensitive;
  r.message = "health";
  r.description = "health";
  for (const char* t : {"physical therapy", "arthritis", "parkinson's", "crohn's", "cancer"})
    r.terms.push_back({t, std::nullopt});
  r.not_in_names = not_in_names;
  return r;
}

std::vector<std::string> Found(bool not_in_names, const std::string& text) {
  auto detector = MakePackDetector({HealthRule(not_in_names)});
  Document doc(text);
  std::vector<Token> tokens = Tokenize(doc);
  ScanInput in{.doc = doc, .text = doc.scan_text(), .tokens = tokens};
  std::vector<Finding> out;
  detector->Detect(in, out);
  std::vector<std::string> spans;
  for (const Finding& f : out) spans.push_back(text.substr(f.span.start, f.span.size()));
  return spans;
}

using Spans = std::vector<std::string>;

TEST(PackDetectorNotInNames, ATermInsideACapitalisedNameIsTheName) {
  EXPECT_EQ(Found(true, "Congrats to our friends at Summit Physical Therapy on their new location!"), Spans{});
  EXPECT_EQ(Found(true, "Thanks to the Riverside Arthritis Foundation for having us."), Spans{});
  EXPECT_EQ(Found(true, "We ran a booth at the Valley Cancer Walk this weekend."), Spans{});
  // Without the flag the same rule reports them.
  EXPECT_EQ(Found(false, "Congrats to our friends at Summit Physical Therapy on their new location!"),
            Spans{"Physical Therapy"});
}

TEST(PackDetectorNotInNames, APersonsConditionIsStillReported) {
  EXPECT_EQ(Found(true, "Sally's Parkinson's is getting worse, she told me."), Spans{"Parkinson's"});
  EXPECT_EQ(Found(true, "My client has Crohn's Disease and a lot of stress."), Spans{"Crohn's"});
  EXPECT_EQ(Found(true, "my client was diagnosed with cancer last spring"), Spans{"cancer"});
  EXPECT_EQ(Found(true, "She finished Physical Therapy last week."), Spans{"Physical Therapy"});
  // Title case and ALL CAPS say nothing about names.
  EXPECT_EQ(Found(true, "My Client Beat Breast Cancer This Year"), Spans{"Cancer"});
  EXPECT_EQ(Found(true, "MY CLIENT BEAT BREAST CANCER"), Spans{"CANCER"});
}

}  // namespace
}  // namespace discreet
