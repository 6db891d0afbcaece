// libFuzzer target over rule-pack parsing (plugin.json): any input loads or throws a
// ConfigError naming the pack file; a pack that loads has compiled every pattern, and a
// pattern whose openings are read (rules/pattern_openings.h) finds, tried only where they
// begin, what a whole scan finds (on the input's own bytes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "detect/pattern_scan.h"
#include "error.h"
#include "fuzz_check.h"
#include "rules/pack_loader.h"
#include "rules/pattern_openings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    discreet::RulePack pack = discreet::ParsePack("/fuzz/p/plugin.json", text, "/fuzz/lexicons");
    for (const discreet::PackRule& r : pack.rules) {
      CHECK(r.compiled.size() == r.patterns.size());
      for (const auto& re : r.compiled) {
        CHECK(re && re->ok());
        const auto words = discreet::PatternOpenings(re->pattern());
        if (!words) continue;
        std::vector<discreet::Span> whole, at;
        discreet::ForEachMatch(*re, text, [&](discreet::Span s) { whole.push_back(s); });
        const discreet::Openings openings(std::vector<std::string_view>(words->begin(), words->end()));
        discreet::ForEachMatchAt(*re, text, discreet::WordStarts(text), openings,
                                 [&](discreet::Span s) { at.push_back(s); });
        CHECK(at == whole);
      }
    }
  } catch (const discreet::ConfigError& e) {
    CHECK(std::string(e.what()).find("/fuzz/p/plugin.json") != std::string::npos);
  }
  return 0;
}
