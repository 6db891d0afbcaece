// TSV tables as lexicons and rule packs store them: optional "# " comment lines, one
// header line, then TAB-separated rows with exactly the header's number of cells.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace discreet {

class TsvTable {
 public:
  // Reads and checks the file; throws ConfigError "PATH:LINE: what is wrong".
  static TsvTable Read(const std::filesystem::path& path);
  // Parses text already in memory; `path` is used in messages only.
  static TsvTable Parse(std::string path, std::string data);

  const std::string& path() const { return path_; }
  const std::vector<std::string_view>& header() const { return header_; }
  size_t rows() const { return ncols_ == 0 ? 0 : cells_.size() / ncols_; }
  size_t columns() const { return ncols_; }
  std::string_view Cell(size_t row, size_t column) const { return cells_[row * ncols_ + column]; }
  size_t LineOf(size_t row) const { return lines_[row]; }
  // Index of the column named `name`, if there is one.
  std::optional<size_t> Column(std::string_view name) const;
  // The cell as a number; throws ConfigError naming the file, line and column when it is
  // not one.
  double Number(size_t row, size_t column) const;

  TsvTable(TsvTable&&) noexcept = default;
  TsvTable& operator=(TsvTable&&) noexcept = default;

 private:
  TsvTable() = default;
  std::string path_;
  std::unique_ptr<std::string> data_;  // the cells point into it; a pointer keeps it put when moved
  std::vector<std::string_view> header_;
  std::vector<std::string_view> cells_;  // row-major
  std::vector<size_t> lines_;            // 1-based line number of each row
  size_t ncols_ = 0;
};

// Splits a multi-valued cell ("Dolphins|the Fins") on '|', dropping empty parts.
std::vector<std::string_view> SplitAliases(std::string_view cell);

}  // namespace discreet
