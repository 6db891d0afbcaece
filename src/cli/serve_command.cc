// `discreet serve` and `discreet token`: options, the pairing token, then the server.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/linter_setup.h"
#include "linter.h"
#include "server/server.h"
#include "server/token.h"

namespace discreet::cli {
namespace {

constexpr const char* kServeHelp = R"(Usage: discreet serve [options]

Answers checks over HTTP on this machine for the browser extension and for editors and
add-ons that speak LanguageTool's API. Prints "listening on http://ADDRESS/" on the first
line of standard output once it accepts connections; stops on Ctrl-C or SIGTERM after
finishing the requests in flight.

Endpoints:
  POST /v1/check      {"text": "...", "format": "text|markdown|html"} → the JSON report's
                      file object (matched text shown: the answer goes only to the caller)
  GET  /v1/health     GET /v1/rules
  POST /v2/check      LanguageTool's check (form fields text or data, language, ...)
  GET  /v2/languages

Every /v1 endpoint except /v1/health, and /v2/check, needs the pairing token (`discreet
token`) as "Authorization: Bearer TOKEN" (LanguageTool clients may send it as apiKey).

Options:
  --port N              TCP port (default 7463; 0 picks a free one)
  --host ADDRESS        address to listen on (default 127.0.0.1; loopback only)
  --allow-remote        allow a --host that other machines can reach (not recommended)
  --allow-origin ORIGIN CORS for a browser extension, e.g. chrome-extension://ID or
                        moz-extension://UUID (repeatable); web pages are never served
  --lt-no-token         serve /v2/check without the token (see README, "Server")
  --workers N           checking threads besides the I/O thread, which checks small
                        drafts itself when idle (default: hardware threads - 1, at least 1)
  --queue N             checks waiting for a thread before 503 (default 128)
  --max-body BYTES      largest request body (default 262144; K and M suffixes)
  --max-connections N   open connections (default 256)
  --read-timeout SECS   time to send a whole request (default 10)
  --idle-timeout SECS   keep-alive wait for the next request (default 30)
  --access-log          log method, path, status and duration to stderr (never bodies)
%s  -h, --help            this help

The configuration is the .discreet.json above the working directory (or --config): its
settings apply to every check, and its server.extension_origins add to --allow-origin.
)";

size_t ParseCount(const std::string& option, const std::string& v, size_t min, size_t max) {
  size_t mult = 1;
  std::string digits = v;
  if (!digits.empty() && (digits.back() == 'K' || digits.back() == 'k')) mult = 1024, digits.pop_back();
  else if (!digits.empty() && (digits.back() == 'M' || digits.back() == 'm')) mult = 1024 * 1024, digits.pop_back();
  if (digits.empty() || digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError{option + " expects a number, not '" + v + "'"};
  size_t n = std::stoull(digits) * mult;
  if (n < min || n > max)
    throw UsageError{option + " must be between " + std::to_string(min) + " and " + std::to_string(max)};
  return n;
}

std::chrono::milliseconds ParseSeconds(const std::string& option, const std::string& v) {
  char* end = nullptr;
  double s = std::strtod(v.c_str(), &end);
  if (v.empty() || end == nullptr || *end != '\0' || !(s > 0) || s > 86400)
    throw UsageError{option + " expects seconds (e.g. 10 or 0.5), not '" + v + "'"};
  return std::chrono::milliseconds(static_cast<long long>(s * 1000));
}

// Browser-extension origins only: a web origin here would hand any page the user's drafts.
void CheckOrigin(const std::string& origin) {
  for (const char* scheme : {"chrome-extension://", "moz-extension://", "safari-web-extension://"}) {
    std::string s = scheme;
    if (origin.rfind(s, 0) == 0) {
      std::string id = origin.substr(s.size());
      if (!id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") ==
                             std::string::npos)
        return;
    }
  }
  throw UsageError{"--allow-origin '" + origin +
                   "' is not a browser-extension origin (chrome-extension://ID, moz-extension://UUID, "
                   "safari-web-extension://ID)"};
}

}  // namespace

int RunServe(Args& args) {
  server::ServerOptions options;
  SetupFlags setup_flags;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::printf(kServeHelp, kSetupFlagsHelp);
      return kExitOk;
    }
    if (ParseSetupFlag(args, setup_flags)) {
      continue;
    } else if (auto v = args.Option("--port")) {
      options.port = static_cast<uint16_t>(ParseCount("--port", *v, 0, 65535));
    } else if (auto v = args.Option("--host")) {
      options.host = *v;
    } else if (args.Flag("--allow-remote")) {
      options.allow_remote = true;
    } else if (auto v = args.Option("--allow-origin")) {
      CheckOrigin(*v);
      options.extension_origins.push_back(*v);
    } else if (args.Flag("--lt-no-token")) {
      options.lt_no_token = true;
    } else if (auto v = args.Option("--workers")) {
      options.workers = ParseCount("--workers", *v, 1, 256);
    } else if (auto v = args.Option("--queue")) {
      options.queue = ParseCount("--queue", *v, 1, 1'000'000);
    } else if (auto v = args.Option("--max-body")) {
      options.max_body = ParseCount("--max-body", *v, 1, kMaxInputBytes);
    } else if (auto v = args.Option("--max-connections")) {
      options.max_connections = ParseCount("--max-connections", *v, 1, 100'000);
    } else if (auto v = args.Option("--read-timeout")) {
      options.read_timeout = ParseSeconds("--read-timeout", *v);
    } else if (auto v = args.Option("--idle-timeout")) {
      options.idle_timeout = ParseSeconds("--idle-timeout", *v);
    } else if (args.Flag("--access-log")) {
      options.access_log = true;
    } else {
      throw UsageError{"unknown option '" + args.Peek() + "'"};
    }
  }
  if (!server::IsLoopbackHost(options.host) && !options.allow_remote)
    throw UsageError{"--host " + options.host +
                     " can be reached from other machines; drafts must stay on this one (use a loopback "
                     "address, or --allow-remote if you really mean it)"};
  if (options.allow_remote && !server::IsLoopbackHost(options.host))
    std::fprintf(stderr, "discreet serve: warning: listening on %s, reachable from other machines\n",
                 options.host.c_str());
  // Tests only: hold each check so a request is reliably in flight.
  if (const char* delay = std::getenv("DISCREET_TEST_WORKER_DELAY_MS"))
    options.test_worker_delay = std::chrono::milliseconds(std::atoi(delay));

  LinterSetup setup(std::move(setup_flags));
  const std::filesystem::path here = std::filesystem::current_path();
  for (const std::string& origin : setup.ConfigFor(here).extension_origins) {
    CheckOrigin(origin);
    options.extension_origins.push_back(origin);
  }
  const Linter& linter = setup.LinterFor(here);
  options.token = server::LoadOrCreateToken(server::TokenPath());
  return server::RunServer(linter, options, [](const std::string& address) {
    std::printf("discreet: listening on http://%s/\n", address.c_str());
    std::fflush(stdout);
  });
}

int RunToken(Args& args) {
  bool rotate = false, path_only = false;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::puts(
          "Usage: discreet token [--rotate] [--path]\n\n"
          "Prints the pairing token that `discreet serve` requires (Authorization: Bearer TOKEN),\n"
          "creating it on first use in $XDG_CONFIG_HOME/discreet/token (~/.config/discreet/token).\n\n"
          "  --rotate   replace it with a new one (paired extensions must be given the new token;\n"
          "             a running server keeps the old one until restarted)\n"
          "  --path     print where the token is stored instead");
      return kExitOk;
    }
    if (args.Flag("--rotate")) rotate = true;
    else if (args.Flag("--path")) path_only = true;
    else throw UsageError{"unknown argument '" + args.Peek() + "'"};
  }
  std::filesystem::path path = server::TokenPath();
  if (path_only) {
    std::printf("%s\n", path.c_str());
    return kExitOk;
  }
  std::printf("%s\n", server::LoadOrCreateToken(path, rotate).c_str());
  return kExitOk;
}

}  // namespace discreet::cli
