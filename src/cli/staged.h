// `discreet check --staged`: the staged version of each staged post (what `git commit`
// would record), read from git's index rather than the working tree, so a draft fixed but
// not re-added is still refused and an unstaged edit cannot hide a staged name.
#pragma once

#include <string>
#include <vector>

#include "cli/inputs.h"

namespace discreet::cli {

// The staged posts (added, copied, modified or renamed; .md/.html/.txt and the other post
// extensions) under `pathspecs` (all when empty), in git's order, with paths relative to
// the working directory as `git status` shows them. Throws UsageError when the working
// directory is not inside a git work tree or git cannot be run.
InputSet ReadStaged(const std::vector<std::string>& pathspecs);

}  // namespace discreet::cli
