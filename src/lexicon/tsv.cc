// TSV parsing in one pass over the file held in memory. A table keeps the bytes and one
// offset per row; cells are found when asked for, so a 130,000-row gazetteer costs one
// small vector, and a compiled image can be used in place without parsing.
#include "lexicon/tsv.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include "error.h"
#include "text/swar.h"
#include "text/utf8.h"

namespace discreet {
namespace {

std::string_view LineAt(std::string_view data, size_t start) {
  size_t end = data.find('\n', start);
  std::string_view line = data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

size_t CountTabs(std::string_view line) {
  size_t n = 0;
  for (const char* p = line.data(), *end = p + line.size();
       (p = static_cast<const char*>(std::memchr(p, '\t', static_cast<size_t>(end - p)))) != nullptr; ++p)
    ++n;
  return n;
}

}  // namespace

TsvTable TsvTable::Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(path.string(), std::move(buf).str());
}

void TsvTable::ParseHeader(size_t header_start) {
  std::string_view line = LineAt(data_, header_start);
  while (true) {
    size_t tab = line.find('\t');
    header_.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
}

TsvTable TsvTable::Parse(std::string path, std::string data) {
  TsvTable t;
  t.path_ = std::move(path);
  auto owned = std::make_shared<const std::string>(std::move(data));
  t.data_ = *owned;
  t.owner_ = owned;
  if (auto bad = FindInvalidUtf8(t.data_))
    throw ConfigError(t.path_ + ": invalid UTF-8 at byte " + std::to_string(*bad));
  if (t.data_.size() > UINT32_MAX) throw ConfigError(t.path_ + ": larger than 4 GiB");
  size_t pos = 0, line_no = 0;
  bool have_header = false;
  size_t tabs = 0;
  while (pos < t.data_.size()) {
    size_t start = pos;
    std::string_view line = LineAt(t.data_, start);
    size_t nl = t.data_.find('\n', start);
    pos = nl == std::string_view::npos ? t.data_.size() : nl + 1;
    ++line_no;
    if (line.empty() || (!have_header && line.starts_with("#"))) continue;
    if (!have_header) {
      t.ParseHeader(start);
      tabs = t.header_.size() - 1;
      have_header = true;
      continue;
    }
    size_t got = CountTabs(line);
    if (got != tabs)
      throw ConfigError(t.path_ + ":" + std::to_string(line_no) + ": " + std::to_string(got + 1) +
                        " cells where the header has " + std::to_string(tabs + 1));
    t.own_row_starts_.push_back(static_cast<uint32_t>(start));
  }
  if (!have_header) throw ConfigError(t.path_ + ": no header line");
  t.row_starts_ = t.own_row_starts_;
  return t;
}

TsvTable TsvTable::View(std::string path, std::string_view data, std::span<const uint32_t> row_starts,
                        std::shared_ptr<const void> owner) {
  TsvTable t;
  t.path_ = std::move(path);
  t.owner_ = std::move(owner);
  t.data_ = data;
  t.row_starts_ = row_starts;
  size_t pos = 0;
  while (pos < data.size()) {  // the header is the first line that is not a comment
    std::string_view line = LineAt(data, pos);
    if (!line.empty() && !line.starts_with("#")) break;
    size_t nl = data.find('\n', pos);
    pos = nl == std::string_view::npos ? data.size() : nl + 1;
  }
  t.ParseHeader(pos);
  return t;
}

// Detectors read cells at nearly every token, so this walks the row once, up to the cell,
// instead of finding the line's end first.
std::string_view TsvTable::Cell(size_t row, size_t column) const {
  const size_t n = data_.size();
  // Detectors read cells at check time: the end of a cell eight bytes at a time.
  auto cell_end = [&](size_t from) {
    for (; from + 8 <= n; from += 8) {
      const uint64_t x = swar::Load(data_.data() + from);
      if (const uint64_t ends = swar::Equal(x, '\t') | swar::Equal(x, '\n')) return from + swar::FirstByte(ends);
    }
    while (from < n && data_[from] != '\t' && data_[from] != '\n') ++from;
    return from;
  };
  size_t pos = row_starts_[row];
  for (size_t c = 0; c < column; ++c) {
    size_t end = cell_end(pos);
    if (end >= n || data_[end] == '\n') break;  // a short row (rejected at load) stays on its last cell
    pos = end + 1;
  }
  size_t end = cell_end(pos);
  std::string_view cell = data_.substr(pos, end - pos);
  if (!cell.empty() && cell.back() == '\r' && (end >= n || data_[end] == '\n')) cell.remove_suffix(1);
  return cell;
}

size_t TsvTable::LineOf(size_t row) const {
  std::string_view before = data_.substr(0, row_starts_[row]);
  return 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
}

std::optional<size_t> TsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  return std::nullopt;
}

double TsvTable::Number(size_t row, size_t column) const { return Number(row, column, Cell(row, column)); }

double TsvTable::Number(size_t row, size_t column, std::string_view cell) const {
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
