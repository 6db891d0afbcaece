// TSV tables as lexicons and rule packs store them: optional "# " comment lines, one
// header line, then TAB-separated rows with exactly the header's number of cells.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
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
  // A table over bytes and row offsets checked earlier (a compiled lexicon image);
  // `owner` keeps them alive.
  static TsvTable View(std::string path, std::string_view data, std::span<const uint32_t> row_starts,
                       std::shared_ptr<const void> owner);

  const std::string& path() const { return path_; }
  std::string_view data() const { return data_; }
  std::span<const uint32_t> row_starts() const { return row_starts_; }
  const std::vector<std::string_view>& header() const { return header_; }
  size_t rows() const { return row_starts_.size(); }
  size_t columns() const { return header_.size(); }
  std::string_view Cell(size_t row, size_t column) const;
  // 1-based line number of a row, for messages (counts lines; not for hot paths).
  size_t LineOf(size_t row) const;
  // Index of the column named `name`, if there is one.
  std::optional<size_t> Column(std::string_view name) const;
  // The cell as a number; throws ConfigError naming the file, line and column when it is
  // not one.
  double Number(size_t row, size_t column) const;
  // The same, with the cell already read (Cell(row, column)).
  double Number(size_t row, size_t column, std::string_view cell) const;

  TsvTable(TsvTable&&) noexcept = default;
  TsvTable& operator=(TsvTable&&) noexcept = default;

 private:
  TsvTable() = default;
  void ParseHeader(size_t header_start);

  std::string path_;
  std::shared_ptr<const void> owner_;  // what data_ and row_starts_ point into
  std::string_view data_;
  std::vector<std::string_view> header_;
  std::vector<uint32_t> own_row_starts_;
  std::span<const uint32_t> row_starts_;  // byte offset of each row in data_
};

// Splits a multi-valued cell ("Dolphins|the Fins") on '|', dropping empty parts.
std::vector<std::string_view> SplitAliases(std::string_view cell);

}  // namespace discreet
