// libFuzzer target over rule-pack parsing (plugin.json): any input loads or throws a
// ConfigError naming the pack file; a pack that loads has compiled every pattern.
#include <cstddef>
#include <cstdint>
#include <string>

#include "error.h"
#include "fuzz_check.h"
#include "rules/pack_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    discreet::RulePack pack = discreet::ParsePack("/fuzz/p/plugin.json", text, "/fuzz/lexicons");
    for (const discreet::PackRule& r : pack.rules) {
      CHECK(r.compiled.size() == r.patterns.size());
      for (const auto& re : r.compiled) CHECK(re && re->ok());
    }
  } catch (const discreet::ConfigError& e) {
    CHECK(std::string(e.what()).find("/fuzz/p/plugin.json") != std::string::npos);
  }
  return 0;
}
