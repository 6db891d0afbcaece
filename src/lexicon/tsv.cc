// TSV parsing in one pass over the file held in memory; cells are views, not copies, so
// loading a 100,000-row gazetteer allocates a handful of vectors.
#include "lexicon/tsv.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "error.h"
#include "text/utf8.h"

namespace discreet {

TsvTable TsvTable::Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(path.string(), std::move(buf).str());
}

TsvTable TsvTable::Parse(std::string path, std::string data) {
  TsvTable t;
  t.path_ = std::move(path);
  t.data_ = std::make_unique<std::string>(std::move(data));
  if (auto bad = FindInvalidUtf8(*t.data_))
    throw ConfigError(t.path_ + ": invalid UTF-8 at byte " + std::to_string(*bad));
  std::string_view rest = *t.data_;
  size_t line_no = 0;
  bool have_header = false;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!have_header && (line.empty() || line.starts_with("#"))) continue;
    if (have_header && line.empty()) continue;
    size_t before = have_header ? t.cells_.size() : 0;
    std::vector<std::string_view>& dest = have_header ? t.cells_ : t.header_;
    while (true) {
      size_t tab = line.find('\t');
      dest.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (!have_header) {
      have_header = true;
      t.ncols_ = t.header_.size();
      continue;
    }
    size_t got = t.cells_.size() - before;
    if (got != t.ncols_)
      throw ConfigError(t.path_ + ":" + std::to_string(line_no) + ": " + std::to_string(got) + " cells where the header has " +
                        std::to_string(t.ncols_));
    t.lines_.push_back(line_no);
  }
  if (!have_header) throw ConfigError(t.path_ + ": no header line");
  return t;
}

std::optional<size_t> TsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  return std::nullopt;
}

double TsvTable::Number(size_t row, size_t column) const {
  std::string_view cell = Cell(row, column);
  double value = 0;
  auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (ec != std::errc() || end != cell.data() + cell.size())
    throw ConfigError(path_ + ":" + std::to_string(LineOf(row)) + ": column '" + std::string(header_[column]) +
                      "' is not a number: '" + std::string(cell) + "'");
  return value;
}

std::vector<std::string_view> SplitAliases(std::string_view cell) {
  std::vector<std::string_view> out;
  while (!cell.empty()) {
    size_t bar = cell.find('|');
    std::string_view part = cell.substr(0, bar);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    if (bar == std::string_view::npos) break;
    cell.remove_prefix(bar + 1);
  }
  return out;
}

}  // namespace discreet
