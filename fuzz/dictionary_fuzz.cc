// libFuzzer target over the dictionary image reader: a damaged image is a ConfigError
// naming the file, and lookups in whatever it accepts stay inside the image and end.
#include <cstddef>
#include <cstdint>
#include <string>

#include "error.h"
#include "fuzz_check.h"
#include "lexicon/dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string image(reinterpret_cast<const char*>(data), size);
  try {
    auto d = discreet::Dictionary::Parse("/fuzz/dictionary.bin", std::move(image));
    CHECK(d != nullptr);
    for (const char* word : {"rose", "Tucson", "café", "don’t", "a", "Nguyễn"}) (void)d->Classify(word);
  } catch (const discreet::ConfigError& e) {
    CHECK(std::string(e.what()).find("/fuzz/dictionary.bin") != std::string::npos);
  }
  return 0;
}
