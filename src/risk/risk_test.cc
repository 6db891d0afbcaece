// Tests of the risk model with hand-made findings, so they pin the arithmetic and the
// verdict rules independently of what the detectors find.
#include "risk/risk.h"

#include <gtest/gtest.h>

#include <cmath>

#include "text/tokenizer.h"

namespace discreet {
namespace {

Finding Make(std::string rule, Category category, Span span, std::optional<double> frequency = std::nullopt,
             Severity severity = Severity::kWarning) {
  Finding f;
  f.rule = std::move(rule);
  f.category = category;
  f.span = span;
  f.frequency = frequency;
  f.severity = severity;
  return f;
}

Span SpanOf(const std::string& text, const std::string& phrase) {
  size_t at = text.find(phrase);
  EXPECT_NE(at, std::string::npos) << phrase;
  return {at, at + phrase.size()};
}

struct Draft {
  std::string text;
  std::vector<Token> tokens;
  std::vector<Finding> findings;
  explicit Draft(std::string t) : text(std::move(t)), tokens(Tokenize(text)) {}
  Draft& Add(std::string rule, Category c, const std::string& phrase, std::optional<double> f = std::nullopt,
             Severity s = Severity::kWarning) {
    findings.push_back(Make(std::move(rule), c, SpanOf(text, phrase), f, s));
    return *this;
  }
  RiskResult Assess(const RiskConfig& config = {}, RiskContext context = {}) {
    return AssessRisk(findings, tokens, text, config, context);
  }
};

TEST(KappaTest, MatchesTheClosedForm) {
  EXPECT_DOUBLE_EQ(Kappa(0), 1);
  for (double k : {0.01, 0.5, 1.0, 5.0, 20.0, 1e6}) {
    double expected = (1 - std::exp(-k)) / k;
    EXPECT_NEAR(Kappa(k), expected, 1e-9) << k;
  }
  // Where 1 − e^−k cancels, the series 1 − k/2 + k²/6 is the truth; expm1 keeps it.
  for (double k : {1e-12, 1e-9, 1e-6}) EXPECT_NEAR(Kappa(k), 1 - k / 2 + k * k / 6, 1e-15) << k;
  EXPECT_NEAR(Kappa(5), 0.1987, 1e-4);   // the block threshold sits near k = 5
  EXPECT_NEAR(Kappa(20), 0.05, 1e-4);    // the warn threshold near k = 20
}

TEST(RiskTest, ProductOfFrequenciesWithDiscountForAllButTheRarest) {
  Draft d("My client is an 85-year-old who drives a Porsche.");
  d.Add("client-context", Category::kContext, "My client", std::nullopt, Severity::kInfo)
      .Add("age", Category::kQuasiIdentifier, "85-year-old", 0.004)
      .Add("vehicle", Category::kQuasiIdentifier, "Porsche", 0.0025);
  RiskConfig config;
  config.beta = 0.8;
  config.default_population = 100'000;
  RiskResult r = d.Assess(config);
  ASSERT_EQ(r.subjects.size(), 1u);
  const Subject& s = r.subjects[0];
  double expected_k = 100'000 * 0.0025 * std::pow(0.004, 0.8);
  EXPECT_NEAR(s.k, expected_k, 1e-9 * expected_k);
  EXPECT_NEAR(s.kappa, Kappa(expected_k), 1e-12);
  EXPECT_NEAR(s.bits, std::log2(1 / 0.004) + std::log2(1 / 0.0025), 1e-9);
  EXPECT_NEAR(s.bits_needed, std::log2(100'000), 1e-9);
  EXPECT_TRUE(s.client);
  EXPECT_EQ(s.best_change, 2);  // the rarer detail: the Porsche
}

TEST(RiskTest, SmallTownBlocksWhatABigCityPasses) {
  auto assess = [](double population) {
    Draft d("My client is an 85-year-old with purple hair.");
    d.Add("client-context", Category::kContext, "My client", std::nullopt, Severity::kInfo)
        .Add("age", Category::kQuasiIdentifier, "85-year-old", 0.004)
        .Add("appearance", Category::kQuasiIdentifier, "purple hair", 0.005);
    RiskConfig config;
    config.practice_population = population;
    config.practice_name = "test";
    return d.Assess(config);
  };
  EXPECT_EQ(assess(1'500).verdict, Verdict::kBlock);
  EXPECT_EQ(assess(2'000'000).verdict, Verdict::kPass);
}

TEST(RiskTest, TheSmallestPlaceNamedSetsTheScope) {
  Draft d("A client from Pinedale, Wyoming, who is 67 came in.");
  d.Add("client-context", Category::kContext, "A client", std::nullopt, Severity::kInfo)
      .Add("place", Category::kQuasiIdentifier, "Pinedale", 0.5)
      .Add("place", Category::kQuasiIdentifier, "Wyoming", 0.5)
      .Add("age", Category::kQuasiIdentifier, "67", 0.013);
  d.findings[1].population = 1'800;
  d.findings[2].population = 577'000;
  RiskResult r = d.Assess();
  ASSERT_EQ(r.subjects.size(), 1u);
  EXPECT_EQ(r.subjects[0].population, 1'800);
  EXPECT_EQ(r.subjects[0].scope_finding, 1);
}

// "A pro hockey player" fits any of the league's ~730, wherever the practice is; in a named
// small town it fits almost nobody.
TEST(RiskTest, ATravellingJobNarrowsToItsNationwidePoolUnlessAPlaceIsNamed) {
  Draft d("My client is a pro hockey player.");
  d.Add("client-context", Category::kContext, "My client", std::nullopt, Severity::kInfo)
      .Add("occupation", Category::kQuasiIdentifier, "pro hockey player", 0.0000022);
  d.findings[1].nationwide = 726;
  RiskResult anywhere = d.Assess();
  ASSERT_EQ(anywhere.subjects.size(), 1u);
  EXPECT_NEAR(anywhere.subjects[0].k, 726, 1e-6);
  EXPECT_EQ(anywhere.verdict, Verdict::kPass);
  auto shown = [&](const Finding& f) { return d.text.substr(f.span.start, f.span.size()); };
  std::string e = ExplainSubject(anywhere.subjects[0], d.findings, shown);
  EXPECT_NE(e.find("about 726 people across the country"), std::string::npos) << e;
  EXPECT_NE(e.find("pro hockey player (7.1 bits, one of about 726 who travel for this work)"), std::string::npos) << e;

  Draft town("My client is a pro hockey player from Pinedale.");
  town.Add("client-context", Category::kContext, "My client", std::nullopt, Severity::kInfo)
      .Add("occupation", Category::kQuasiIdentifier, "pro hockey player", 0.0000022)
      .Add("place", Category::kQuasiIdentifier, "Pinedale", 0.5);
  town.findings[1].nationwide = 726;
  town.findings[2].population = 1'800;
  RiskResult named = town.Assess();
  ASSERT_EQ(named.subjects.size(), 1u);
  EXPECT_LT(named.subjects[0].k, 0.01);
  EXPECT_EQ(named.verdict, Verdict::kBlock);
}

// The whole explanation, word for word: the scope named by a finding, and a group.
TEST(RiskTest, ExplanationReadsInFull) {
  Draft d("My client is a pro hockey player from Pinedale.");
  d.Add("client-context", Category::kContext, "My client", std::nullopt, Severity::kInfo)
      .Add("occupation", Category::kQuasiIdentifier, "pro hockey player", 0.0000022)
      .Add("place", Category::kQuasiIdentifier, "Pinedale", 0.5);
  d.findings[2].population = 1'800;
  RiskResult r = d.Assess();
  ASSERT_EQ(r.subjects.size(), 1u);
  auto shown = [&](const Finding& f) { return d.text.substr(f.span.start, f.span.size()); };
  EXPECT_EQ(ExplainSubject(r.subjects[0], d.findings, shown),
            "This description fits about 1 person in Pinedale, a town of 1,800 — pro hockey player (18.8 bits), "
            "Pinedale (1.0 bits): 19.8 bits where 10.8 are enough.");
  r.subjects[0].group = true;
  r.subjects[0].k = 2'500;
  EXPECT_TRUE(ExplainSubject(r.subjects[0], d.findings, shown)
                  .starts_with("A group is described together. This description fits about 2,500 people in Pinedale"));
}

// A handle found as contact info and as a person's name is one detail, not two.
TEST(RiskTest, TwoRulesOnTheSameWordsCountOnce) {
  Draft d("Thanks @sarah.runs.far for coming in!");
  d.Add("client-context", Category::kContext, "for coming in", std::nullopt, Severity::kInfo)
      .Add("contact-info", Category::kIdentifier, "@sarah.runs.far", 1e-6)
      .Add("person-name", Category::kIdentifier, "@sarah.runs.far", 1e-4);
  RiskResult r = d.Assess();
  ASSERT_EQ(r.subjects.size(), 1u);
  EXPECT_NEAR(r.subjects[0].bits, -std::log2(1e-6), 1e-9);
  EXPECT_NEAR(r.subjects[0].k, 100'000 * 1e-6, 1e-12);
  auto shown = [&](const Finding& f) { return d.text.substr(f.span.start, f.span.size()); };
  std::string e = ExplainSubject(r.subjects[0], d.findings, shown);
  EXPECT_EQ(e.find("@sarah.runs.far"), e.rfind("@sarah.runs.far")) << e;
}

TEST(RiskTest, DirectIdentifierCapsKAtOne) {
  Draft d("Thanks to my client, text 503-555-0147.");
  d.Add("client-context", Category::kContext, "my client", std::nullopt, Severity::kInfo)
      .Add("contact-info", Category::kIdentifier, "503-555-0147", 0.9, Severity::kError);
  d.findings[1].direct = true;
  RiskResult r = d.Assess();
  EXPECT_LE(r.subjects[0].k, 1.0);
  EXPECT_EQ(r.verdict, Verdict::kBlock);
}

TEST(RiskTest, NoClientNoSensitivePasses) {
  Draft d("Super Bowl Sunday special: 20% off in Tucson!");
  d.Add("event", Category::kQuasiIdentifier, "Super Bowl", 0.001, Severity::kInfo)
      .Add("place", Category::kQuasiIdentifier, "Tucson", 0.003, Severity::kInfo);
  EXPECT_EQ(d.Assess().verdict, Verdict::kPass);
}

TEST(RiskTest, SessionContentAboutAClientWithNoDetailWarns) {
  Draft d("A client told me today she's been having a rough month.");
  d.Add("client-context", Category::kContext, "A client", std::nullopt, Severity::kInfo)
      .Add("session-content", Category::kSensitive, "told me");
  RiskResult r = d.Assess();
  EXPECT_EQ(r.verdict, Verdict::kWarn);
  EXPECT_FALSE(r.subjects[r.riskiest].reason.empty());
}

TEST(RiskTest, SensitiveAboutAnIdentifiablePersonBlocksEvenWithoutClientContext) {
  Draft d("Our neighbour Mary Jones has cancer.");
  d.Add("person-name", Category::kIdentifier, "Mary Jones", 1e-7, Severity::kError)
      .Add("health", Category::kSensitive, "cancer");
  d.findings[0].direct = true;
  EXPECT_EQ(d.Assess().verdict, Verdict::kBlock);
}

TEST(RiskTest, ClientWhoIsAPublicPersonBlocks) {
  Draft d("Guess who was on my table? The CEO of the Miami Dolphins!");
  d.Add("client-context", Category::kContext, "on my table", std::nullopt, Severity::kInfo)
      .Add("public-role", Category::kIdentifier, "CEO of the Miami Dolphins", 3e-9, Severity::kError);
  RiskResult r = d.Assess();
  EXPECT_EQ(r.verdict, Verdict::kBlock);
  EXPECT_TRUE(r.subjects[0].public_person);
}

TEST(RiskTest, PlayerOfANamedEventIsAPublicPerson) {
  Draft d("Massaged a player from the Super Bowl champions.");
  d.Add("client-context", Category::kContext, "Massaged", std::nullopt, Severity::kInfo)
      .Add("occupation", Category::kQuasiIdentifier, "player", 1e-5)
      .Add("event", Category::kQuasiIdentifier, "Super Bowl", 1e-4, Severity::kInfo);
  EXPECT_EQ(d.Assess().verdict, Verdict::kBlock);
}

TEST(RiskTest, ConsentCueTurnsBlockIntoWarn) {
  Draft d("Reposting with permission: my client Sally Jones ran her first marathon!");
  d.Add("client-context", Category::kContext, "my client", std::nullopt, Severity::kInfo)
      .Add("person-name", Category::kIdentifier, "Sally Jones", 1e-7, Severity::kError);
  d.findings[1].direct = true;
  EXPECT_EQ(d.Assess().verdict, Verdict::kBlock);
  RiskContext consent;
  consent.consent_cue = true;
  for (Finding& f : d.findings) f.subject = -1;
  RiskResult r = d.Assess({}, consent);
  EXPECT_EQ(r.verdict, Verdict::kWarn);
  EXPECT_NE(r.subjects[r.riskiest].reason.find("permission"), std::string::npos);
}

TEST(RiskTest, AllPostsAboutClientsMakesEverySubjectAClient) {
  Draft d("The 85-year-old with purple hair and 50 cats.");
  d.Add("age", Category::kQuasiIdentifier, "85-year-old", 0.004)
      .Add("appearance", Category::kQuasiIdentifier, "purple hair", 0.005)
      .Add("household", Category::kQuasiIdentifier, "50 cats", 1e-5);
  EXPECT_EQ(d.Assess().verdict, Verdict::kPass);
  RiskConfig config;
  config.all_posts_about_clients = true;
  for (Finding& f : d.findings) f.subject = -1;
  EXPECT_EQ(d.Assess(config).verdict, Verdict::kBlock);
}

TEST(RiskTest, ExplanationNamesTheDetailsBitsAndScope) {
  Draft d("My client is an 85-year-old who drives a Porsche.");
  d.Add("client-context", Category::kContext, "My client", std::nullopt, Severity::kInfo)
      .Add("age", Category::kQuasiIdentifier, "85-year-old", 0.004)
      .Add("vehicle", Category::kQuasiIdentifier, "Porsche", 0.0025);
  RiskConfig config;
  config.practice_population = 5'000;
  config.practice_name = "Smalltown";
  RiskResult r = d.Assess(config);
  auto shown = [&](const Finding& f) { return d.text.substr(f.span.start, f.span.size()); };
  std::string e = ExplainSubject(r.subjects[0], d.findings, shown);
  EXPECT_NE(e.find("about 1 person in Smalltown, a town of 5,000"), std::string::npos) << e;
  EXPECT_NE(e.find("85-year-old (8.0 bits)"), std::string::npos) << e;
  EXPECT_NE(e.find("Porsche (8.6 bits)"), std::string::npos) << e;
  EXPECT_NE(e.find("16.6 bits where 12.3 are enough"), std::string::npos) << e;
  d.findings[2].suggestions = {"a sports car", "a car"};
  EXPECT_EQ(BestChange(r.subjects[0], d.findings, shown), "replace \u201CPorsche\u201D with \u201Ca sports car\u201D");
}

// "in a town of 3,000": a place the draft sizes but does not name is called by its size,
// and the details are counted against its people.
TEST(RiskTest, AnUnnamedTownIsCalledByItsSize) {
  Draft d("My client is an 85-year-old who drives a Porsche in a town of 3,000.");
  d.Add("client-context", Category::kContext, "My client", std::nullopt, Severity::kInfo)
      .Add("age", Category::kQuasiIdentifier, "85-year-old", 0.004)
      .Add("vehicle", Category::kQuasiIdentifier, "Porsche", 0.0025)
      .Add("place", Category::kQuasiIdentifier, "a town of 3,000");
  d.findings.back().population = 3'000;
  RiskResult r = d.Assess(RiskConfig{});
  auto shown = [&](const Finding& f) { return d.text.substr(f.span.start, f.span.size()); };
  std::string e = ExplainSubject(r.subjects[0], d.findings, shown);
  EXPECT_NE(e.find("about 1 person in a town of 3,000 \u2014 85-year-old"), std::string::npos) << e;
  EXPECT_EQ(e.find("a town of 3,000, a town"), std::string::npos) << e;
  EXPECT_EQ(r.verdict, Verdict::kBlock);
}

}  // namespace
}  // namespace discreet
