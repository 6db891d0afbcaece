// Redaction of matched text: a salted hash lets a reader tell two findings apart (and a
// baseline match them) without the text itself ever reaching the log.
#include "report/report.h"

#include <cstdio>

#include "text/fold.h"

namespace discreet {
namespace {

// FNV-1a 64: not a secret hash, only a stable short tag; the salt keeps common words
// from being looked up in a table of precomputed tags.
uint64_t Fnv1a(std::string_view data, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::string ShownText(const FileReport& report, const Finding& f, const RenderOptions& options) {
  std::string_view text = std::string_view(report.document->text()).substr(f.span.start, f.span.size());
  if (!options.redact) return std::string(text);
  uint64_t h = Fnv1a(Fold(text), Fnv1a("discreet-redaction-v1"));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06llx", static_cast<unsigned long long>(h & 0xFFFFFF));
  return "[" + f.rule + ":" + buf + "]";
}

}  // namespace discreet
