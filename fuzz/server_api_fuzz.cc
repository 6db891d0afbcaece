// libFuzzer target over what `discreet serve` parses from hostile requests: form bodies,
// the JSON depth guard, and both check endpoints' bodies. Every answer is a JSON object
// (or LanguageTool's plain-text error) with a status the API documents.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "linter.h"
#include "server/api.h"

DISCREET_FUZZ_LINTER

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string>> form;
  discreet::server::ParseForm(body, form);
  (void)discreet::server::JsonTooDeep(body, 64);

  static const discreet::server::Api api(discreet::fuzzing::SharedLinter());
  for (const discreet::server::ApiResponse& r : {api.Check(body), api.LanguageToolCheck(body)}) {
    CHECK(r.status == 200 || (r.status >= 400 && r.status < 600));
    if (r.content_type.rfind("application/json", 0) == 0) {
      nlohmann::json j = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
      CHECK(!j.is_discarded() && j.is_object());
    }
  }
  return 0;
}
