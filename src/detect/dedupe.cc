// Same-rule overlap removal (see dedupe.h).
#include "detect/dedupe.h"

#include <algorithm>
#include <numeric>

namespace discreet {
namespace {

// Whether `a` should be kept over `b`.
bool Better(const Finding& a, const Finding& b) {
  if (a.severity != b.severity) return a.severity > b.severity;
  if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
  if (a.frequency.has_value() != b.frequency.has_value()) return a.frequency.has_value();
  bool a_builtin = a.source.starts_with("builtin/"), b_builtin = b.source.starts_with("builtin/");
  if (a_builtin != b_builtin) return a_builtin;
  if (a.frequency && b.frequency && *a.frequency != *b.frequency) return *a.frequency < *b.frequency;
  return false;
}

}  // namespace

void DedupeFindings(std::vector<Finding>& findings) {
  const size_t n = findings.size();
  if (n < 2) return;
  // Group by rule, in span order; overlapping runs are small clusters, each settled by
  // visiting its best findings first (linear in the number of findings outside clusters).
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Finding& x = findings[a];
    const Finding& y = findings[b];
    if (x.rule != y.rule) return x.rule < y.rule;
    return x.span.start < y.span.start;
  });
  std::vector<bool> drop(n, false);
  std::vector<size_t> cluster;
  auto settle = [&] {
    if (cluster.size() > 1) {
      std::stable_sort(cluster.begin(), cluster.end(), [&](size_t a, size_t b) { return Better(findings[a], findings[b]); });
      for (size_t ci = 0; ci < cluster.size(); ++ci) {
        if (drop[cluster[ci]]) continue;
        for (size_t cj = ci + 1; cj < cluster.size(); ++cj)
          if (!drop[cluster[cj]] && findings[cluster[cj]].span.Overlaps(findings[cluster[ci]].span)) drop[cluster[cj]] = true;
      }
    }
    cluster.clear();
  };
  size_t cluster_end = 0;
  for (size_t k = 0; k < n; ++k) {
    const Finding& f = findings[order[k]];
    if (!cluster.empty() && (f.rule != findings[cluster.front()].rule || f.span.start >= cluster_end)) settle();
    if (cluster.empty()) cluster_end = f.span.end;
    cluster.push_back(order[k]);
    cluster_end = std::max(cluster_end, f.span.end);
  }
  settle();
  size_t w = 0;
  for (size_t i = 0; i < n; ++i)
    if (!drop[i]) {
      if (w != i) findings[w] = std::move(findings[i]);
      ++w;
    }
  findings.resize(w);
}

}  // namespace discreet
