// The CLI's subcommands, one file each; main.cc dispatches by name.
#pragma once

#include "cli/args.h"

namespace discreet::cli {

int RunCheck(Args& args);
int RunBaseline(Args& args);
int RunRules(Args& args);
int RunEval(Args& args);
int RunServe(Args& args);
int RunToken(Args& args);
int RunInit(Args& args);

}  // namespace discreet::cli
