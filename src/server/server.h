// `discreet serve`: an HTTP/1.1 server on Boost.Beast for the local browser extension and
// LanguageTool-compatible clients. One I/O thread parses and writes; a fixed pool of
// workers runs checks against one shared, immutable Linter through a bounded queue, and
// the I/O thread takes small checks from that queue itself while it has no I/O to do.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "linter.h"

namespace discreet::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 7463;                       // 0: any free port (printed when listening)
  bool allow_remote = false;                  // bind a non-loopback address
  size_t workers = 0;                         // 0: one per hardware thread but the I/O thread's
  size_t queue = 128;                         // checks waiting for a worker; beyond: 503
  size_t max_connections = 256;               // beyond: the connection is closed at once
  size_t max_body = 256 * 1024;               // bytes; beyond: 413
  size_t max_header = 16 * 1024;              // request line + headers; beyond: 431
  std::chrono::milliseconds read_timeout{10'000};   // whole request, first byte to last
  std::chrono::milliseconds idle_timeout{30'000};   // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{10'000};
  std::chrono::milliseconds shutdown_timeout{10'000};  // then connections are cut
  bool access_log = false;                    // method, path, status, duration to stderr
  bool lt_no_token = false;                   // /v2/check without the token
  std::vector<std::string> extension_origins; // CORS allowlist (exact origins)
  std::string token;                          // the pairing token
  std::chrono::milliseconds test_worker_delay{0};  // tests only: hold each check this long
};

// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns 0.
// `on_listening` receives the address actually bound ("127.0.0.1:7463") once accepting.
// Throws ConfigError when the address cannot be bound.
int RunServer(const Linter& linter, const ServerOptions& options,
              const std::function<void(const std::string&)>& on_listening);

// True when `host` (an address or "localhost") names this machine only.
bool IsLoopbackHost(const std::string& host);

}  // namespace discreet::server
