// ParallelFor: every index exactly once, on more than one thread when asked, and the
// degenerate cases (no items, one job, more jobs than items).
#include "parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace discreet {
namespace {

TEST(ParallelFor, EveryIndexOnce) {
  for (unsigned jobs : {1u, 2u, 4u, 64u}) {
    std::vector<std::atomic<int>> hits(1000);
    ParallelFor(hits.size(), jobs, [&](size_t i) { hits[i].fetch_add(1); });
    for (size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i].load(), 1) << "jobs " << jobs << " index " << i;
  }
}

TEST(ParallelFor, UsesSeveralThreads) {
  std::mutex m;
  std::set<std::thread::id> ids;
  std::atomic<int> waiting{0};
  // Each of the first two items waits (briefly) for the other, so they must overlap.
  ParallelFor(2, 2, [&](size_t) {
    {
      std::lock_guard lock(m);
      ids.insert(std::this_thread::get_id());
    }
    waiting.fetch_add(1);
    for (int spin = 0; waiting.load() < 2 && spin < 200000; ++spin) std::this_thread::yield();
  });
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(waiting.load(), 2);
}

TEST(ParallelFor, NoItemsAndOneJob) {
  int calls = 0;
  ParallelFor(0, 8, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  std::vector<size_t> order;
  ParallelFor(5, 1, [&](size_t i) { order.push_back(i); });  // one job: the calling thread, in order
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4}));
  EXPECT_GE(DefaultJobs(), 1u);
}

}  // namespace
}  // namespace discreet
