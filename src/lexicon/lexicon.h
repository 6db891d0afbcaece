// Lexicons: the data files under lexicons/<locale>/ loaded into one immutable
// LexiconSet that every thread shares. Each file is a TsvTable plus a PhraseIndex over
// its key columns, so detectors look entries up by folded token n-grams.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/phrase_index.h"
#include "lexicon/tsv.h"

namespace discreet {

// What a known lexicon file must contain: its columns (in order), the columns whose
// cells are phrases to index (an "aliases" column is split on '|'), and the columns that
// must hold numbers in (0, 1] (shares) or above 0 (counts).
struct LexiconSchema {
  std::string_view name;
  std::vector<std::string_view> columns;
  std::vector<std::string_view> key_columns;
  std::vector<std::string_view> share_columns;
  std::vector<std::string_view> count_columns;
  std::vector<std::string_view> flag_columns;  // 0 or 1
};
// The schema of a known lexicon, or null (unknown files index their first column).
const LexiconSchema* FindLexiconSchema(std::string_view name);
std::span<const LexiconSchema> LexiconSchemas();

class Lexicon {
 public:
  // Checks the table against its schema and indexes it; throws ConfigError.
  Lexicon(std::string name, TsvTable table);
  // A lexicon checked and indexed earlier (a compiled image), with its number columns
  // already read (Numbers).
  Lexicon(std::string name, TsvTable table, PhraseIndex index, std::vector<std::span<const double>> numbers);

  const std::string& name() const { return name_; }
  const TsvTable& table() const { return table_; }
  const PhraseIndex& index() const { return index_; }
  PhraseIndex& mutable_index() { return index_; }
  size_t rows() const { return table_.rows(); }

  // The cell of `row` in the column named `column` ("" when the column is absent).
  std::string_view Get(size_t row, std::string_view column) const;
  // The number in that cell, when the column exists and the cell is not empty.
  std::optional<double> GetNumber(size_t row, std::string_view column) const;
  // The schema's share, count and flag columns read once, a value per row (NaN for an
  // empty cell), so that GetNumber at nearly every token parses nothing; empty for the
  // others.
  std::span<const double> Numbers(size_t column) const {
    return column < numbers_.size() ? numbers_[column] : std::span<const double>();
  }

 private:
  std::optional<size_t> ColumnIndex(std::string_view column) const;
  std::string name_;
  TsvTable table_;
  PhraseIndex index_;
  std::vector<std::pair<std::string, size_t>> columns_;  // a few columns: a scan beats a map
  std::vector<std::span<const double>> numbers_;          // by column (Numbers)
  std::vector<std::vector<double>> own_numbers_;          // what numbers_ views, when parsed here
};

class LexiconSet {
 public:
  // Loads every *.tsv file in `dir` (lexicons/en); throws ConfigError naming the file.
  // Uses the compiled image (lexicon_image.h) when one matches the files, which turns a
  // ~100 ms parse into a memory map.
  static std::shared_ptr<const LexiconSet> Load(const std::filesystem::path& dir);
  // Parses the TSV files, ignoring any image.
  static std::shared_ptr<LexiconSet> LoadText(const std::filesystem::path& dir);
  // An empty set, for tests of code that runs without data.
  LexiconSet() = default;

  const Lexicon* Find(std::string_view name) const;
  const std::filesystem::path& dir() const { return dir_; }
  std::vector<std::string> names() const;

  void Add(std::unique_ptr<Lexicon> lexicon);
  void set_dir(std::filesystem::path dir) { dir_ = std::move(dir); }

  // Sets each word token's Token::lexicon_starts: a detector asks ~20 lexicons at every
  // token, and most answer no; after this, each of those answers is one AND.
  void MarkFirstKeys(std::vector<Token>& tokens) const;

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::unique_ptr<Lexicon>, std::less<>> lexicons_;
  // The first 32 lexicons added have a bit each. first_keys_[FilterBit(h, kFirstKeyWords)]
  // holds the bits of the lexicons whose first-key filter may hold hash h (the filters
  // folded onto one table, so it errs only as they do: never a missed phrase).
  static constexpr size_t kFirstKeyWords = 1024;  // 65,536 slots, 256 KB
  std::vector<uint32_t> first_keys_;
  uint32_t bits_used_ = 0;
};

// The *.tsv files of a lexicon directory, sorted by name.
std::vector<std::filesystem::path> LexiconFiles(const std::filesystem::path& dir);

}  // namespace discreet
