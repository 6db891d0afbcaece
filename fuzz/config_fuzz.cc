// libFuzzer target over `.discreet.json` parsing: any input either parses or throws a
// ConfigError whose message starts with the file's name; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "error.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    discreet::Config c = discreet::ParseConfig("/fuzz/.discreet.json", text);
    CHECK(c.file == "/fuzz/.discreet.json");
    if (c.beta) CHECK(*c.beta > 0 && *c.beta <= 1);
  } catch (const discreet::ConfigError& e) {
    CHECK(std::string(e.what()).rfind("/fuzz/.discreet.json", 0) == 0);
  }
  return 0;
}
