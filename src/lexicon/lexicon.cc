// Loading and checking lexicon files against the schema table below: adding a lexicon
// file with known meaning is one row here.
#include "lexicon/lexicon.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "error.h"
#include "lexicon/lexicon_image.h"
#include "text/word_set.h"

namespace discreet {
namespace {

// One lexicon per line:
// clang-format off
const std::vector<LexiconSchema>& Schemas() {
  static const std::vector<LexiconSchema> kSchemas = {
      {"given_names", {"name", "frequency", "female_share", "common_word"}, {"name"}, {"frequency"}, {}, {"common_word"}},
      {"surnames", {"name", "frequency", "common_word"}, {"name"}, {"frequency"}, {}, {"common_word"}},
      {"places", {"name", "ascii_name", "population", "country", "admin1", "feature"}, {"name", "ascii_name"}, {}, {"population"}, {}},
      {"us_states", {"name", "abbreviation", "population"}, {"name"}, {}, {"population"}, {}},
      {"place_words", {"word", "kind"}, {"word"}, {}, {}, {}},
      {"public_figures", {"name", "aliases", "occupation", "birth_year", "source"}, {"name", "aliases"}, {}, {}, {}},
      {"wordnet_instances", {"name", "kind"}, {"name"}, {}, {}, {}},
      {"organisations", {"name", "aliases", "kind", "league", "city", "country"}, {"name", "aliases"}, {}, {}, {}},
      {"roles", {"role", "aliases", "holders", "kind", "suggestion", "local"}, {"role", "aliases"}, {}, {"holders"}, {"local"}},
      {"events", {"name", "aliases", "kind", "month", "participants"}, {"name", "aliases"}, {}, {"participants"}, {}},
      {"holidays", {"name", "aliases", "month"}, {"name", "aliases"}, {}, {}, {}},
      {"vehicle_makes", {"make", "aliases", "share", "class", "suggestion"}, {"make", "aliases"}, {"share"}, {}, {}},
      {"vehicle_models", {"make", "model", "aliases", "share", "class"}, {"model", "aliases"}, {"share"}, {}, {}},
      {"colours", {"colour", "frequency"}, {"colour"}, {"frequency"}, {}, {}},
      {"occupations", {"occupation", "aliases", "share", "suggestion", "travels"}, {"occupation", "aliases"}, {"share"}, {}, {}},
      {"ages", {"age", "share"}, {}, {"share"}, {}, {}},
      {"attributes", {"phrase", "rule", "frequency", "basis", "suggestion"}, {"phrase"}, {"frequency"}, {}, {}},
      {"health", {"term", "group", "kind"}, {"term"}, {}, {}, {}},
      {"consent_cues", {"phrase", "note"}, {"phrase"}, {}, {}, {}},
      {"proper_adjectives", {"word", "kind"}, {"word"}, {}, {}, {}},
      {"countries", {"name", "aliases", "us_residents_born_there"}, {"name", "aliases"}, {}, {"us_residents_born_there"}, {}},
  };
  return kSchemas;
}
// clang-format on

std::string Where(const TsvTable& t, size_t row) { return t.path() + ":" + std::to_string(t.LineOf(row)); }

}  // namespace

const LexiconSchema* FindLexiconSchema(std::string_view name) {
  for (const LexiconSchema& s : Schemas())
    if (s.name == name) return &s;
  return nullptr;
}

std::span<const LexiconSchema> LexiconSchemas() { return Schemas(); }

Lexicon::Lexicon(std::string name, TsvTable table) : name_(std::move(name)), table_(std::move(table)) {
  for (size_t c = 0; c < table_.columns(); ++c) columns_.emplace_back(std::string(table_.header()[c]), c);
  const LexiconSchema* schema = FindLexiconSchema(name_);
  std::vector<size_t> keys;
  if (schema) {
    std::vector<std::string_view> got(table_.header().begin(), table_.header().end());
    if (got != schema->columns) {
      std::string want;
      for (auto c : schema->columns) want += (want.empty() ? "" : ", ") + std::string(c);
      throw ConfigError(table_.path() + ": expected the columns " + want);
    }
    for (auto c : schema->key_columns) keys.push_back(*table_.Column(c));
    own_numbers_.resize(table_.columns());
    auto read_numbers = [&](std::string_view c, auto&& check) {
      size_t col = *table_.Column(c);
      std::vector<double>& values = own_numbers_[col];
      values.assign(table_.rows(), std::numeric_limits<double>::quiet_NaN());
      for (size_t r = 0; r < table_.rows(); ++r) {
        std::string_view cell = table_.Cell(r, col);
        if (cell.empty()) continue;
        values[r] = table_.Number(r, col, cell);
        check(r, values[r]);
      }
    };
    for (auto c : schema->share_columns)
      read_numbers(c, [&](size_t r, double v) {
        if (!(v > 0 && v <= 1)) throw ConfigError(Where(table_, r) + ": " + std::string(c) + " must be in (0, 1]");
      });
    for (auto c : schema->count_columns)
      read_numbers(c, [&](size_t r, double v) {
        if (!(v > 0)) throw ConfigError(Where(table_, r) + ": " + std::string(c) + " must be above 0");
      });
    for (auto c : schema->flag_columns)
      read_numbers(c, [&](size_t r, double v) {
        if (v != 0 && v != 1) throw ConfigError(Where(table_, r) + ": " + std::string(c) + " must be 0 or 1");
      });
    for (const std::vector<double>& values : own_numbers_) numbers_.emplace_back(values);
  } else if (table_.columns() > 0) {
    keys.push_back(0);
  }
  index_.Reserve(table_.rows() * keys.size());
  for (size_t r = 0; r < table_.rows(); ++r) {
    for (size_t col : keys) {
      std::string_view cell = table_.Cell(r, col);
      if (table_.header()[col] == "aliases") {
        for (std::string_view alias : SplitAliases(cell)) index_.Add(alias, static_cast<uint32_t>(r));
      } else if (!cell.empty()) {
        index_.Add(cell, static_cast<uint32_t>(r));
      }
    }
  }
}

Lexicon::Lexicon(std::string name, TsvTable table, PhraseIndex index, std::vector<std::span<const double>> numbers)
    : name_(std::move(name)), table_(std::move(table)), index_(std::move(index)), numbers_(std::move(numbers)) {
  for (size_t c = 0; c < table_.columns(); ++c) columns_.emplace_back(std::string(table_.header()[c]), c);
}

std::optional<size_t> Lexicon::ColumnIndex(std::string_view column) const {
  for (const auto& [name, index] : columns_)
    if (SameWord(name, column)) return index;
  return std::nullopt;
}

std::string_view Lexicon::Get(size_t row, std::string_view column) const {
  auto c = ColumnIndex(column);
  return c ? table_.Cell(row, *c) : std::string_view();
}

std::optional<double> Lexicon::GetNumber(size_t row, std::string_view column) const {
  auto c = ColumnIndex(column);
  if (!c) return std::nullopt;
  if (std::span<const double> values = Numbers(*c); !values.empty()) {
    const double v = values[row];
    return std::isnan(v) ? std::nullopt : std::optional<double>(v);
  }
  const std::string_view cell = table_.Cell(row, *c);
  if (cell.empty()) return std::nullopt;
  return table_.Number(row, *c, cell);
}

std::vector<std::filesystem::path> LexiconFiles(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw ConfigError(dir.string() + ": lexicon directory not found");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::shared_ptr<LexiconSet> LexiconSet::LoadText(const std::filesystem::path& dir) {
  auto set = std::make_shared<LexiconSet>();
  set->dir_ = dir;
  for (const auto& f : LexiconFiles(dir)) set->Add(std::make_unique<Lexicon>(f.stem().string(), TsvTable::Read(f)));
  return set;
}

std::shared_ptr<const LexiconSet> LexiconSet::Load(const std::filesystem::path& dir) {
  if (auto image = LoadLexiconImage(LexiconImagePath(dir.filename().string()), dir)) return image;
  return LoadText(dir);
}

const Lexicon* LexiconSet::Find(std::string_view name) const {
  auto it = lexicons_.find(name);
  return it == lexicons_.end() ? nullptr : it->second.get();
}

std::vector<std::string> LexiconSet::names() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : lexicons_) out.push_back(name);
  return out;
}

void LexiconSet::Add(std::unique_ptr<Lexicon> lexicon) {
  std::string name = lexicon->name();
  if (bits_used_ < 32) {
    const uint32_t bit = uint32_t{1} << bits_used_++;
    if (first_keys_.empty()) first_keys_.assign(kFirstKeyWords * 64, 0);
    // Filter bit b of a filter with `bits` bits covers the slots s with s ≡ b (mod bits).
    // A filter larger than the table is first folded word by word onto the table's size
    // (word w onto word w mod kFirstKeyWords keeps every bit's slot), so a 300,000-phrase
    // gazetteer costs one pass over its words, not one step per set bit.
    std::span<const uint64_t> filter = lexicon->index().first_key_filter();
    std::vector<uint64_t> folded;
    if (filter.size() > kFirstKeyWords) {
      folded.assign(kFirstKeyWords, 0);
      for (size_t w = 0; w < filter.size(); ++w) folded[w & (kFirstKeyWords - 1)] |= filter[w];
      filter = folded;
    }
    const size_t bits = filter.size() * 64, slots = first_keys_.size();
    for (size_t w = 0; w < filter.size(); ++w)
      for (uint64_t word = filter[w]; word != 0; word &= word - 1) {
        const size_t b = w * 64 + static_cast<size_t>(std::countr_zero(word));
        for (size_t s = b; s < slots; s += bits) first_keys_[s] |= bit;
      }
    lexicon->mutable_index().set_lexicon_bit(bit);
  }
  lexicons_[name] = std::move(lexicon);
}

void LexiconSet::MarkFirstKeys(std::vector<Token>& tokens) const {
  if (first_keys_.empty()) return;
  for (Token& t : tokens)
    t.lexicon_starts = t.is_word() ? first_keys_[PhraseIndex::FilterBit(t.key_hash, kFirstKeyWords)] : 0;
}

}  // namespace discreet
