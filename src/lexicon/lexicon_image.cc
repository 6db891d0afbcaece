// Writing and memory-mapping compiled lexicon images.
#include "lexicon/lexicon_image.h"

#include <sys/stat.h>

#include <cstdio>

#include "data_dir.h"
#include "error.h"
#include "lexicon/image_io.h"
#include "lexicon/mapped_file.h"

namespace discreet {
namespace {

constexpr std::string_view kMagic = "DSCLEX05";

// One line per source file: name, size and modification time in nanoseconds.
std::string Fingerprint(const std::filesystem::path& dir) {
  std::string out;
  for (const auto& f : LexiconFiles(dir)) {
    struct stat st;
    if (stat(f.c_str(), &st) != 0) continue;
    long long mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
    out += f.filename().string() + "\t" + std::to_string(st.st_size) + "\t" + std::to_string(mtime) + "\n";
  }
  return out;
}

}  // namespace

std::filesystem::path LexiconImagePath(const std::string& locale) {
  return BuiltFilePath("DISCREET_LEXICON_IMAGE", std::filesystem::path("lexicons") / (locale + ".bin"));
}

void WriteLexiconImage(const std::filesystem::path& dir, const std::filesystem::path& out) {
  std::string fingerprint = Fingerprint(dir);
  std::shared_ptr<LexiconSet> set = LexiconSet::LoadText(dir);
  std::string image(kMagic);
  image_io::Append(image, fingerprint);
  std::vector<std::string> names = set->names();
  uint64_t count = names.size();
  image_io::Append(image, &count, sizeof count);
  for (const std::string& name : names) {
    const Lexicon& lex = *set->Find(name);
    image_io::Append(image, name);
    image_io::Append(image, lex.table().path());
    image_io::Append(image, lex.table().data());
    image_io::Append(image, lex.table().row_starts().data(), lex.table().row_starts().size_bytes());
    lex.index().AppendImage(image);
    for (size_t c = 0; c < lex.table().columns(); ++c)
      image_io::Append(image, lex.Numbers(c).data(), lex.Numbers(c).size_bytes());
  }
  image_io::WriteAtomically(out, image);
}

std::shared_ptr<const LexiconSet> LoadLexiconImage(const std::filesystem::path& path,
                                                   const std::filesystem::path& dir) {
  const std::shared_ptr<const MappedFile> mapping = MappedFile::Map(path);
  if (!mapping) return nullptr;

  std::string_view image = mapping->bytes();
  if (!image.starts_with(kMagic)) return nullptr;
  image.remove_prefix(kMagic.size());
  auto fingerprint = image_io::Take(image);
  if (!fingerprint || *fingerprint != Fingerprint(dir)) return nullptr;  // stale: parse the files instead
  auto count_piece = image_io::Take(image);
  if (!count_piece || count_piece->size() != 8) return nullptr;
  uint64_t count;
  std::memcpy(&count, count_piece->data(), sizeof count);

  auto set = std::make_shared<LexiconSet>();
  set->set_dir(dir);
  for (uint64_t i = 0; i < count; ++i) {
    auto name = image_io::Take(image);
    auto source = image_io::Take(image);
    auto data = image_io::Take(image);
    auto rows = image_io::Take(image);
    if (!name || !source || !data || !rows || rows->size() % 4) return nullptr;
    auto index = PhraseIndex::FromImage(image);
    if (!index) return nullptr;
    std::span<const uint32_t> row_starts(reinterpret_cast<const uint32_t*>(rows->data()), rows->size() / 4);
    for (uint32_t start : row_starts)
      if (start >= data->size()) return nullptr;
    TsvTable table = TsvTable::View(std::string(*source), *data, row_starts, mapping);
    std::vector<std::span<const double>> numbers;
    for (size_t c = 0; c < table.columns(); ++c) {
      auto values = image_io::Take(image);
      if (!values || (!values->empty() && values->size() != row_starts.size() * sizeof(double))) return nullptr;
      numbers.emplace_back(reinterpret_cast<const double*>(values->data()), values->size() / sizeof(double));
    }
    set->Add(std::make_unique<Lexicon>(std::string(*name), std::move(table), std::move(*index), std::move(numbers)));
  }
  return set;
}

}  // namespace discreet
