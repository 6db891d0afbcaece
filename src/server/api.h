// What `discreet serve` answers, without the HTTP machinery: the native API (/v1) and the
// LanguageTool-compatible API (/v2) as functions from a request's body to a response.
// The transport (server.cc) has already checked Host, Origin, token, size and encoding.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linter.h"

namespace discreet::server {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, ...)
};

// {"error": code, "message": message} with `status`.
ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message);

class Api {
 public:
  explicit Api(const Linter& linter);

  // POST /v1/check: JSON {text, format, locale, options{redact, lossy}, path}.
  ApiResponse Check(std::string_view body) const;
  // GET /v1/health, GET /v1/rules, GET /v2/languages: built once, never change.
  const ApiResponse& Health() const { return health_; }
  const ApiResponse& Rules() const { return rules_; }
  const ApiResponse& Languages() const { return languages_; }
  // POST /v2/check: an application/x-www-form-urlencoded body.
  ApiResponse LanguageToolCheck(std::string_view body) const;

 private:
  const Linter& linter_;
  ApiResponse health_, rules_, languages_;
};

// Decodes an application/x-www-form-urlencoded body into (name, value) pairs in order.
// Returns false on a malformed percent escape.
bool ParseForm(std::string_view body, std::vector<std::pair<std::string, std::string>>& out);

// The value of `name` in a parsed form (the first one), or nullptr.
const std::string* FormValue(const std::vector<std::pair<std::string, std::string>>& form, std::string_view name);

// True when `json` nests arrays/objects deeper than `max_depth` (checked before parsing
// so no hostile body can exhaust the stack or the allocator).
bool JsonTooDeep(std::string_view json, int max_depth);

}  // namespace discreet::server
