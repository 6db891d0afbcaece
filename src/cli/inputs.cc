// Input reading. A file named explicitly that is binary or too large is an error; inside
// a directory such files are skipped, as ripgrep skips them, since a blog folder holds
// images too.
#include "cli/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace discreet::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPostExtensions[] = {".txt", ".text", ".md", ".markdown", ".mdx", ".html", ".htm"};

bool IsPostFile(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(std::begin(kPostExtensions), std::end(kPostExtensions), ext) != std::end(kPostExtensions);
}

std::optional<size_t> FindNul(const std::string& bytes) {
  size_t at = bytes.find('\0');
  if (at == std::string::npos) return std::nullopt;
  return at;
}

// Reads a regular file whole; returns an error message or nullopt.
std::optional<std::string> ReadFile(const std::string& path, std::string& out) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxInputBytes)
    return path + ": too large (" + std::to_string(size) + " bytes; the limit is " +
           std::to_string(kMaxInputBytes >> 20) + " MiB)";
  std::ifstream in(path, std::ios::binary);
  if (!in) return path + ": " + std::strerror(errno);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return path + ": read error";
  out = std::move(buf).str();
  return std::nullopt;
}

void AddFile(const std::string& path, bool named, InputSet& set) {
  InputFile f;
  f.path = path;
  if (auto error = ReadFile(path, f.bytes)) {
    if (named || error->find("too large") == std::string::npos) set.errors.push_back(*error);
    return;
  }
  if (auto nul = FindNul(f.bytes)) {
    if (named) set.errors.push_back(path + ": binary file (NUL byte at " + std::to_string(*nul) + ")");
    return;
  }
  f.format = FormatForPath(path);
  set.files.push_back(std::move(f));
}

}  // namespace

bool IsPostPath(const std::string& path) { return IsPostFile(fs::path(path)); }

InputFormat FormatForPath(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".md" || ext == ".markdown" || ext == ".mdx") return InputFormat::kMarkdown;
  if (ext == ".html" || ext == ".htm") return InputFormat::kHtml;
  return InputFormat::kText;
}

InputSet ReadInputs(const std::vector<std::string>& paths) {
  InputSet set;
  bool stdin_read = false;
  for (const std::string& path : paths) {
    if (path == "-") {
      if (stdin_read) continue;
      stdin_read = true;
      InputFile f;
      f.path = "<stdin>";
      std::ostringstream buf;
      buf << std::cin.rdbuf();
      f.bytes = std::move(buf).str();
      if (f.bytes.size() > kMaxInputBytes) {
        set.errors.push_back("<stdin>: too large (" + std::to_string(f.bytes.size()) + " bytes; the limit is " +
                             std::to_string(kMaxInputBytes >> 20) + " MiB)");
      } else if (auto nul = FindNul(f.bytes)) {
        set.errors.push_back("<stdin>: binary input (NUL byte at " + std::to_string(*nul) + ")");
      } else {
        set.files.push_back(std::move(f));
      }
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      set.errors.push_back(path + ": No such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        if (it->is_directory(ec) && name.size() > 1 && name[0] == '.') {
          it.disable_recursion_pending();  // .git, .cache: not posts
          continue;
        }
        if (it->is_regular_file(ec) && IsPostFile(p)) found.push_back(p.string());
      }
      if (ec) set.errors.push_back(path + ": " + ec.message());
      std::sort(found.begin(), found.end());
      for (const std::string& f : found) AddFile(f, false, set);
      continue;
    }
    AddFile(path, true, set);
  }
  return set;
}

}  // namespace discreet::cli
