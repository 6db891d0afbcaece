// `discreet init`: writes a commented starting `.discreet.json` in the current folder (or
// at --output), refusing to overwrite one unless --force. The comments teach each key.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "config/config.h"
#include "error.h"

namespace discreet::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInitHelp = R"(Usage: discreet init [--output FILE] [--force]

Writes a starting .discreet.json (comments explain each setting) in the current folder.
discreet finds it from any file below that folder, like .editorconfig.

  --output FILE   write it here instead
  --force         replace an existing file
)";

constexpr const char* kStarterConfig = R"({
  // discreet settings for this practice. Comments (// and /* */) are allowed.
  // Every key is optional; remove what you do not need. `discreet check --help` has more.

  // Where the practice is: the risk model counts how many people a description could fit
  // among the people who live there. A small town needs far less detail to single someone
  // out than a city. Give a name from the gazetteer ("Pinedale, WY", "Springfield, IL",
  // "Zurich, CH"), a population, or both (a population you give wins).
  // "practice_location": {"name": "Pinedale, WY"},

  // How many people come to the practice (clients and staff). Gossip about a client is
  // read by them, and they can tell who "the guy with the black Escalade" is.
  "clientele": 2000,

  // Set this when every post is about your clients (a clinic blog): then any identifying
  // detail counts, even when the post never says "my client".
  "all_posts_about_clients": false,

  // When a draft is blocked or warned about. kappa is the chance that someone who guesses
  // among the people matching the description guesses right (0.2 = one in five).
  "thresholds": {
    "block_kappa": 0.2,            // a client described this closely: block
    "warn_kappa": 0.05,            // a client described less closely: warn
    "sensitive_block_kappa": 0.05  // a health or other sensitive detail about someone: block
  },

  // How much the second and later details count (1 = fully; lower allows for details
  // that go together, like age and widowhood).
  "beta": 0.8,

  // Rule packs: every pack in discreet's plugins/ and in .discreet/plugins/ beside this
  // file loads unless switched off here. `discreet rules` lists packs and rules.
  "packs": {
    "disable": []
  },

  // Rule levels by id: "off", "info", "warning" or "error". Ids from `discreet rules`.
  "rules": {
    // "event": "off"
  }

  // People who gave written consent (or made the detail public themselves), and what the
  // consent covers. See README, "Consent ledger".
  // , "consent_ledger": "consent.json"
}
)";

}  // namespace

int RunInit(Args& args) {
  fs::path out = kConfigFileName;
  bool force = false;
  while (!args.Done()) {
    if (args.Flag("--help") || args.Flag("-h")) {
      std::fputs(kInitHelp, stdout);
      return kExitOk;
    }
    if (auto v = args.Option("--output")) out = *v;
    else if (args.Flag("--force")) force = true;
    else throw UsageError{"unknown argument '" + args.Peek() + "'"};
  }
  std::error_code ec;
  if (fs::exists(out, ec) && !force)
    throw ConfigError(out.string() + ": already exists (use --force to replace it)");
  // Write beside it and rename, so a failed write never leaves half a config.
  fs::path tmp = out;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << kStarterConfig;
    if (!f.flush()) {
      fs::remove(tmp, ec);
      throw ConfigError(out.string() + ": cannot write");
    }
  }
  fs::rename(tmp, out, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw ConfigError(out.string() + ": cannot write (" + ec.message() + ")");
  }
  LoadConfig(out);  // what we wrote must load: a broken starter config is a bug
  std::printf("wrote %s\n", out.c_str());
  return kExitOk;
}

}  // namespace discreet::cli
