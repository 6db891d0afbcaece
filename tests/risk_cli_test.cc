// End-to-end tests of the risk model through the real binary: the worked 85-year-old
// example explains itself and generalising it lowers the risk; a named client with a
// health detail blocks; gossip is judged among the practice's clientele.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "testing/run_binary.h"

namespace discreet {
namespace {

using ::testing::HasSubstr;
using testing::RunDiscreet;
using testing::TempDir;
using json = nlohmann::json;

json FileReport(const std::string& draft, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"check", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("-");
  auto r = RunDiscreet(args, draft);
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out << r.err;
  return j.is_discarded() ? json::object() : j["files"][0];
}

// The dev corpus's d06, the example the issue and docs/risk-model.md work through.
const std::string kEccentric =
    "My favorite client is an eccentric 85-year-old who drives a Porsche, dyes her hair purple, and has 50 cats. "
    "Only in our little town!\n";
const std::string kGeneralised =
    "My favorite client is an eccentric woman in her 80s who drives a sports car and dyes her hair purple. "
    "Only in our little town!\n";

TEST(RiskCli, TheEightyFiveYearOldExplainsItself) {
  json f = FileReport(kEccentric);
  EXPECT_EQ(f["verdict"], "block");
  ASSERT_FALSE(f["subjects"].empty());
  std::string why = f["subjects"][0]["explanation"].get<std::string>();
  EXPECT_THAT(why, HasSubstr("fits about 1 person"));
  for (const char* detail : {"85-year-old (", "Porsche (", "dyes her hair purple (", "50 cats ("})
    EXPECT_THAT(why, HasSubstr(detail)) << why;
  EXPECT_THAT(why, HasSubstr("bits where 16.6 are enough"));
  // The text report says the same and names the single most helpful change.
  auto text = RunDiscreet({"check", "-"}, kEccentric);
  EXPECT_THAT(text.out, HasSubstr("fits about 1 person"));
  EXPECT_THAT(text.out, HasSubstr("Biggest help: replace"));
}

TEST(RiskCli, GeneralisingTheDetailsLowersTheRisk) {
  json before = FileReport(kEccentric), after = FileReport(kGeneralised);
  EXPECT_LT(after["risk"]["kappa"].get<double>(), before["risk"]["kappa"].get<double>());
  EXPECT_LT(after["risk"]["bits"].get<double>(), before["risk"]["bits"].get<double>());
  EXPECT_GT(after["risk"]["k"].get<double>(), before["risk"]["k"].get<double>());
  EXPECT_NE(after["verdict"], "block");
}

// The product's own example: the age and the car are counted against a town's 3,000 people,
// a town the draft sizes but does not name.
TEST(RiskCli, ATownOfThreeThousandIsTheScope) {
  const std::string draft = "My client is an 85-year-old who drives a Porsche in a town of 3,000.\n";
  json f = FileReport(draft);
  EXPECT_EQ(f["verdict"], "block");
  EXPECT_EQ(f["risk"]["scope"]["population"], 3000);
  EXPECT_FALSE(f["risk"]["scope"].contains("name")) << f["risk"].dump();
  std::string why = f["subjects"][0]["explanation"].get<std::string>();
  EXPECT_THAT(why, HasSubstr("fits about 1 person in a town of 3,000 \u2014 85-year-old"));
  // Without the town, the default 100,000 people hide her better.
  json without = FileReport("My client is an 85-year-old who drives a Porsche.\n");
  EXPECT_GT(without["risk"]["k"].get<double>(), f["risk"]["k"].get<double>());
}

TEST(RiskCli, ANamedClientWithAHealthDetailBlocks) {
  EXPECT_EQ(FileReport("My client Sally is three months pregnant!! So happy for her.\n")["verdict"], "block");
  // Without the name it is a warning: the detail is confidential, but nobody is singled out.
  EXPECT_EQ(FileReport("A client of mine is three months pregnant!! So happy for her.\n")["verdict"], "warn");
  // Without the client it is news about a friend, not a breach of a client's confidence.
  EXPECT_EQ(FileReport("Sally from book club says hi.\n")["verdict"], "pass");
}

TEST(RiskCli, GossipIsJudgedAmongThePracticesClientele) {
  const std::string gossip =
      "The guy who tried to grind my table last week is back on the schedule. He drives the black Escalade. "
      "Ladies, be careful.\n";
  json f = FileReport(gossip);
  EXPECT_EQ(f["verdict"], "block");
  EXPECT_THAT(f["subjects"][0]["explanation"].get<std::string>(), HasSubstr("people who come to the practice"));
  // A big clientele (a chain's whole membership) hides him better.
  TempDir dir;
  std::string cfg = dir.Write("big.json", R"({"clientele": 5000000})");
  EXPECT_NE(FileReport(gossip, {"--config", cfg})["verdict"], "block");
}

TEST(RiskCli, AnAppointmentSlotMakesAFamousNameAClient) {
  EXPECT_EQ(FileReport("MY 3PM TODAY WAS TOM BRADY!!! still shaking\n")["verdict"], "block");
  EXPECT_EQ(FileReport("Watching Tom Brady highlights at 3pm with coffee.\n")["verdict"], "pass");
}

}  // namespace
}  // namespace discreet
