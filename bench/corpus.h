// A generated English corpus for benchmarks: social-post-like sentences from a fixed
// seed, so every run measures the same bytes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace discreet::bench {

inline std::string GeneratePosts(size_t bytes, uint64_t seed = 42) {
  static const char* kSentences[] = {
      "Had a great session with a regular client this morning, her shoulders were so tight! ",
      "Book 3 sessions in January and get the 4th free. ",
      "Did you know the psoas connects your spine to your legs? ",
      "Tight hip flexors can cause lower back pain, so stretch between meetings. ",
      "Call us at (503) 555-0147 or email hello@studio.example to book. ",
      "We are closed Monday for Memorial Day; online booking stays open. ",
      "My client Sally is training for the Chicago Marathon and her calves are a mess. ",
      "World Cup fever is here! Come in for a pre-game stretch session. ",
      "An 85-year-old who drives a red Porsche came in for a 90-minute deep tissue massage. ",
      "Thanks @jenny_runs for the kind review 🙌 #SelfCareSunday ",
      "Crystal, Amber and Jade are our new essential oil blends. ",
      "Frank talk: if something feels wrong during a session, say so. ",
      "Gift cards are available at the front desk through December 24. ",
      "Pregnancy massage is safe after the first trimester with the right positioning. ",
      "Our founder started this studio 15 years ago in Tucson. Thank you for growing with us!\n\n",
  };
  constexpr size_t n = sizeof kSentences / sizeof kSentences[0];
  std::string out;
  out.reserve(bytes + 128);
  uint64_t x = seed;
  while (out.size() < bytes) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    out += kSentences[x % n];
  }
  // Cut on a code point boundary.
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

// English prose, the kind of text DESIGN.md's throughput budget names: the licence texts
// every Debian system carries (base-files' /usr/share/common-licenses, one copy each,
// in name order) repeated to `bytes`. Empty when the folder is missing.
inline std::string EnglishProse(size_t bytes) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/share/common-licenses", ec))
    if (entry.is_regular_file() && !entry.is_symlink()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    all += "\n\n";
  }
  if (all.empty()) return all;
  std::string out;
  while (out.size() < bytes) out += all;
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

}  // namespace discreet::bench
