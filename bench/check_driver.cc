// The driver behind bench/instructions.sh: runs one stage of discreet on one input N
// times, so that the difference of two runs under callgrind gives the instructions of
// one run, free of start-up (loading lexicons, compiling patterns).
//   discreet_check_driver check|render|api N INPUT
// check: Linter::Check; render: the check and the CLI's JSON report; api: a /v1/check
// request body through server::Api::Check (parse, check, render), as `discreet serve`
// answers it. INPUT: post:BYTES (bench/corpus.h's posts), prose:BYTES (its licence
// prose), own:CHARS (the drafts of tests/corpus/own.jsonl joined by newlines while they
// fit in CHARS code points: bench/serve_load.sh's draft with own:1024), or a file.
// Prints a checksum so that nothing is optimised away.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "corpus.h"
#include "linter.h"
#include "report/json.h"
#include "server/api.h"

namespace {

std::string Input(std::string_view spec) {
  if (spec.starts_with("post:")) return discreet::bench::GeneratePosts(std::stoul(std::string(spec.substr(5))));
  if (spec.starts_with("prose:")) return discreet::bench::EnglishProse(std::stoul(std::string(spec.substr(6))));
  if (spec.starts_with("own:")) {
    const size_t limit = std::stoul(std::string(spec.substr(4)));
    auto code_points = [](std::string_view s) {
      size_t n = 0;
      for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      return n;
    };
    std::ifstream corpus("tests/corpus/own.jsonl");
    std::string joined, line;
    size_t joined_points = 0;
    while (std::getline(corpus, line)) {
      const std::string text = nlohmann::json::parse(line).at("text").get<std::string>();
      const size_t points = code_points(text);
      if (joined_points + points > limit) break;
      joined += text + "\n";
      joined_points += points + 1;
    }
    return joined;
  }
  std::ifstream in{std::string(spec), std::ios::binary};
  if (!in) {
    std::fprintf(stderr, "check_driver: cannot read %.*s\n", static_cast<int>(spec.size()), spec.data());
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: discreet_check_driver check|render|api N post:BYTES|prose:BYTES|own:CHARS|FILE\n");
    return 2;
  }
  const std::string_view mode = argv[1];
  const long runs = std::strtol(argv[2], nullptr, 10);
  const std::string text = Input(argv[3]);
  if (text.empty() || runs < 0 || (mode != "check" && mode != "render" && mode != "api")) {
    std::fprintf(stderr, "check_driver: nothing to run (mode %s, %ld runs, %zu bytes)\n", argv[1], runs, text.size());
    return 2;
  }
  const discreet::Linter linter{discreet::LinterOptions{}};
  const discreet::server::Api api(linter);
  const std::string body = nlohmann::json{{"text", text}, {"format", "text"}}.dump();
  size_t checksum = 0;
  for (long i = 0; i < runs; ++i) {
    if (mode == "api") {
      checksum += api.Check(body).body.size();
      continue;
    }
    const discreet::FileReport report = linter.Check({.path = "bench", .bytes = text});
    checksum += report.findings.size();
    if (mode == "render") checksum += discreet::RenderJson({report}, {}).size();
  }
  std::printf("%zu\n", checksum);
  return 0;
}
