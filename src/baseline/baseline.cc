// Baseline files: fingerprints in, fingerprints out, never the text.
#include "baseline/baseline.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "baseline/sha256.h"
#include "error.h"
#include "text/fold.h"

namespace discreet {
namespace fs = std::filesystem;

namespace {

std::string RandomSalt() {
  std::random_device rd;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 32; ++i) s += kHex[rd() & 15];
  return s;
}

fs::path RootOf(const fs::path& file) {
  return fs::absolute(file).lexically_normal().parent_path();
}

}  // namespace

Baseline Baseline::Create(const fs::path& file) {
  Baseline b;
  b.file_ = file;
  b.root_ = RootOf(file);
  b.salt_ = RandomSalt();
  return b;
}

Baseline Baseline::Load(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": cannot read the baseline file");
  Baseline b;
  b.file_ = file;
  b.root_ = RootOf(file);
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (j.value("schema", "") != "discreet.baseline/1")
      throw ConfigError(file.string() + ": not a discreet baseline (schema discreet.baseline/1 expected)");
    b.salt_ = j.at("salt").get<std::string>();
    for (const auto& e : j.at("findings")) {
      Entry entry{e.at("rule").get<std::string>(), e.at("path").get<std::string>(), e.value("count", size_t{1})};
      b.entries_[e.at("fingerprint").get<std::string>()] = std::move(entry);
    }
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(file.string() + ": malformed baseline: " + e.what());
  }
  return b;
}

Baseline Baseline::Emptied() const {
  Baseline b;
  b.file_ = file_;
  b.root_ = root_;
  b.salt_ = salt_;
  return b;
}

size_t Baseline::findings() const {
  size_t n = 0;
  for (const auto& [fp, e] : entries_) n += e.count;
  return n;
}

std::string Baseline::PathKey(std::string_view path) const {
  if (path == "-" || path == "<stdin>") return "<stdin>";
  fs::path p = fs::absolute(fs::path(path)).lexically_normal();
  fs::path rel = p.lexically_relative(root_);
  if (rel.empty()) rel = p;
  return rel.generic_string();
}

std::string Baseline::Fingerprint(std::string_view rule, std::string_view path_key, std::string_view matched) const {
  std::string data = "discreet-baseline-v1";
  const std::string folded = Fold(matched);  // named: a temporary would die before the loop body
  for (std::string_view part : {std::string_view(salt_), rule, path_key, std::string_view(folded)}) {
    data += '\0';
    data += part;
  }
  return Sha256Hex(data).substr(0, 32);
}

void Baseline::Add(std::string_view path, const Document& doc, const std::vector<Finding>& findings) {
  std::string key = PathKey(path);
  for (const Finding& f : findings) {
    std::string_view text = std::string_view(doc.text()).substr(f.span.start, f.span.size());
    Entry& e = entries_[Fingerprint(f.rule, key, text)];
    e.rule = f.rule;
    e.path = key;
    ++e.count;
  }
}

std::vector<bool> Baseline::Accepted(std::string_view path, const Document& doc,
                                     const std::vector<Finding>& findings) const {
  std::vector<bool> accepted(findings.size(), false);
  if (entries_.empty()) return accepted;
  std::string key = PathKey(path);
  std::map<std::string, size_t> used;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    std::string_view text = std::string_view(doc.text()).substr(f.span.start, f.span.size());
    std::string fp = Fingerprint(f.rule, key, text);
    auto it = entries_.find(fp);
    if (it == entries_.end() || used[fp] >= it->second.count) continue;
    ++used[fp];
    accepted[i] = true;
  }
  return accepted;
}

size_t Baseline::Filter(std::string_view path, const Document& doc, std::vector<Finding>& findings) const {
  std::vector<bool> accepted = Accepted(path, doc, findings);
  size_t i = 0, removed = 0;
  std::erase_if(findings, [&](const Finding&) {
    bool gone = accepted[i++];
    removed += gone;
    return gone;
  });
  return removed;
}

std::string Baseline::ToJson() const {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  // Sorted by path then rule, so that a re-run over the same posts gives a small diff.
  std::vector<std::pair<std::string, const Entry*>> sorted;
  for (const auto& [fp, e] : entries_) sorted.emplace_back(fp, &e);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second->path, a.second->rule, a.first) < std::tie(b.second->path, b.second->rule, b.first);
  });
  for (const auto& [fp, e] : sorted)
    findings.push_back({{"rule", e->rule}, {"path", e->path}, {"fingerprint", fp}, {"count", e->count}});
  nlohmann::ordered_json root = {{"schema", "discreet.baseline/1"},
                                 {"salt", salt_},
                                 {"findings", std::move(findings)}};
  return root.dump(2) + "\n";
}

void Baseline::Write() const {
  std::string data = ToJson();
  fs::path dir = fs::absolute(file_).parent_path();
  std::string tmpl = (dir / ("." + file_.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) throw ConfigError(file_.string() + ": cannot create a temporary file in " + dir.string());
  size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  // mkstemp makes the file private; a baseline is meant to be committed.
  bool ok = written == data.size() && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmpl.c_str(), file_.c_str()) != 0) {
    std::remove(tmpl.c_str());
    throw ConfigError(file_.string() + ": cannot write the baseline file");
  }
}

}  // namespace discreet
