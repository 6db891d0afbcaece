// Baselines: accepted findings stay hidden when they move, come back when edited or
// repeated beyond their count, survive a write/load round trip and a re-record with the
// same salt, never store the text, and bad files fail with a message naming them.
#include "baseline/baseline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "error.h"

namespace discreet {
namespace {

namespace fs = std::filesystem;

struct Post {
  Document doc;
  std::vector<Finding> findings;
};

// A post with one person-name finding per occurrence of each of `names`.
Post PostWith(const std::string& text, const std::vector<std::string>& names) {
  Post p{Document(text), {}};
  for (const std::string& name : names) {
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
      Finding f;
      f.rule = "person-name";
      f.span = {at, at + name.size()};
      p.findings.push_back(f);
    }
  }
  return p;
}

class BaselineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("discreet-baseline-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "posts");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(BaselineTest, MovedFindingsStayHiddenEditedOnesReturn) {
  fs::path file = dir_ / ".discreet-baseline.json";
  std::string post = (dir_ / "posts/a.md").string();
  Baseline b = Baseline::Create(file);
  Post before = PostWith("I saw Sally today.\n", {"Sally"});
  b.Add(post, before.doc, before.findings);
  EXPECT_EQ(b.findings(), 1u);

  Post moved = PostWith("New intro.\n\nI saw Sally today, again.\n", {"Sally"});
  EXPECT_EQ(b.Filter(post, moved.doc, moved.findings), 1u);
  EXPECT_TRUE(moved.findings.empty());

  Post edited = PostWith("I saw Sadie today.\n", {"Sadie"});
  EXPECT_EQ(b.Filter(post, edited.doc, edited.findings), 0u);
  EXPECT_EQ(edited.findings.size(), 1u);

  // Accepted in posts/a.md is not accepted in another post.
  Post other = PostWith("I saw Sally today.\n", {"Sally"});
  EXPECT_EQ(b.Filter((dir_ / "posts/b.md").string(), other.doc, other.findings), 0u);

  // A second Sally is new: the baseline accepted one.
  Post twice = PostWith("Sally and Sally.\n", {"Sally"});
  EXPECT_EQ(b.Filter(post, twice.doc, twice.findings), 1u);
  EXPECT_EQ(twice.findings.size(), 1u);
}

TEST_F(BaselineTest, WriteLoadRoundTripWithoutPlaintext) {
  fs::path file = dir_ / "base.json";
  std::string post = (dir_ / "posts/a.md").string();
  Baseline b = Baseline::Create(file);
  Post p = PostWith("Mary Whitfield came in.\n", {"Mary Whitfield"});
  b.Add(post, p.doc, p.findings);
  b.Write();

  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str().find("Whitfield"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("\"path\": \"posts/a.md\""), std::string::npos) << text.str();
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::others_read, fs::perms::others_read);
  for (const auto& entry : fs::directory_iterator(dir_))  // no temporary left behind
    EXPECT_EQ(entry.path().filename().string().rfind(".base.json.", 0), std::string::npos);

  Baseline loaded = Baseline::Load(file);
  EXPECT_EQ(loaded.salt(), b.salt());
  Post again = PostWith("\nMary Whitfield came in.\n", {"Mary Whitfield"});
  EXPECT_EQ(loaded.Filter(post, again.doc, again.findings), 1u);

  // Re-recording keeps the salt, so the same finding gets the same fingerprint.
  Baseline renewed = loaded.Emptied();
  EXPECT_EQ(renewed.size(), 0u);
  renewed.Add(post, p.doc, p.findings);
  EXPECT_EQ(renewed.ToJson(), b.ToJson());
}

TEST_F(BaselineTest, SaltsDiffer) {
  Baseline a = Baseline::Create(dir_ / "a.json"), b = Baseline::Create(dir_ / "b.json");
  EXPECT_NE(a.salt(), b.salt());
  EXPECT_NE(a.Fingerprint("person-name", "p.md", "Sally"), b.Fingerprint("person-name", "p.md", "Sally"));
  EXPECT_EQ(a.Fingerprint("person-name", "p.md", "Sally"), a.Fingerprint("person-name", "p.md", "SALLY"));
}

TEST_F(BaselineTest, BadFilesThrowConfigErrorNamingThem) {
  auto message = [](const fs::path& f) {
    try {
      Baseline::Load(f);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  fs::path missing = dir_ / "missing.json";
  EXPECT_EQ(message(missing), missing.string() + ": cannot read the baseline file");
  for (std::string body : {"not json", "[1, 2]", "{\"schema\": \"other\"}", "{\"schema\": \"discreet.baseline/1\"}",
                           "{\"schema\": \"discreet.baseline/1\", \"salt\": \"x\", \"findings\": [{\"rule\": 1}]}"}) {
    fs::path f = dir_ / "bad.json";
    std::ofstream(f) << body;
    std::string m = message(f);
    EXPECT_EQ(m.rfind(f.string() + ": ", 0), 0u) << body << " → " << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
  }
}

}  // namespace
}  // namespace discreet
