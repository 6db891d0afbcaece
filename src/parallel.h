// A small fork-join loop for independent work items (the files of `discreet check DIR`):
// the Linter is immutable and thread-safe, so each file can be checked on its own core.
#pragma once

#include <cstddef>
#include <functional>

namespace discreet {

// Calls fn(i) once for every i in [0, n), on up to `jobs` threads (the calling thread is
// one of them), and returns when all calls have returned. fn must not throw: callers keep
// each item's exception themselves so that reporting stays in input order.
void ParallelFor(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

// The default for `jobs`: the machine's hardware threads (at least 1).
unsigned DefaultJobs();

}  // namespace discreet
