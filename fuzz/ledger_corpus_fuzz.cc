// libFuzzer target over the consent ledger and the labelled-corpus (JSON Lines) parsers:
// bad input is a ConfigError or InputError naming the file, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "error.h"
#include "eval/eval.h"
#include "fuzz_check.h"
#include "risk/consent.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    discreet::ConsentLedger ledger = discreet::ConsentLedger::Parse("/fuzz/consent.json", text);
    for (const auto& e : ledger.entries()) CHECK(!e.covers.empty());
  } catch (const discreet::ConfigError& e) {
    CHECK(std::string(e.what()).find("/fuzz/consent.json") != std::string::npos);
  }
  try {
    (void)discreet::ParseCorpus("/fuzz/corpus.jsonl", text);
  } catch (const discreet::InputError& e) {
    CHECK(std::string(e.what()).find("/fuzz/corpus.jsonl") != std::string::npos);
  }
  return 0;
}
