// Dictionary image: "discreet-dictionary/1\n" padded to 8 bytes, then three image_io
// pieces: the number of entries, the slots (a power-of-two count of uint32) and the pool
// of entries they point into.
#include "lexicon/dictionary.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "data_dir.h"
#include "error.h"
#include "lexicon/image_io.h"
#include "lexicon/mapped_file.h"
#include "text/fold.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace discreet {
namespace {

constexpr std::string_view kMagic = "discreet-dictionary/1\n";

}  // namespace

void CaseForms(std::string_view word, std::string& lower, std::string& title) {
  if (IsAscii(word)) {
    FoldInto(word, lower);  // for ASCII, folding is lowercasing
    title = lower;
    if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 32);
    return;
  }
  lower.clear();
  title.clear();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString l = u;
  l.toLower();
  l.toUTF8String(lower);
  if (l.length() > 0) {
    icu::UnicodeString t = l;
    UChar32 c = t.char32At(0);
    t.replace(0, U16_LENGTH(c), icu::UnicodeString(u_toupper(c)));
    t.toUTF8String(title);
  }
}

std::shared_ptr<const Dictionary> Dictionary::Load(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return nullptr;
  std::shared_ptr<Dictionary> d(new Dictionary);
  d->mapping_ = MappedFile::Map(path);
  if (!d->mapping_) throw ConfigError(path.string() + ": not a usable dictionary image (cannot be mapped or is empty)");
  d->Index(path, d->mapping_->bytes());
  return d;
}

std::shared_ptr<const Dictionary> Dictionary::Parse(const std::filesystem::path& path, std::string image) {
  std::shared_ptr<Dictionary> d(new Dictionary);
  d->owned_ = std::move(image);
  d->Index(path, d->owned_);
  return d;
}

void Dictionary::Index(const std::filesystem::path& path, std::string_view image) {
  auto broken = [&](const std::string& what) {
    return ConfigError(path.string() + ": not a usable dictionary image (" + what + "); rebuild it with the build");
  };
  if (image.empty()) throw broken("empty");
  if (!image.starts_with(kMagic)) throw broken("wrong header");
  image.remove_prefix(kMagic.size());
  // The header is 22 bytes; padded to 8, the pieces after it stay 8-byte aligned from the
  // start of the image, so the slots can be read in place.
  if (image.size() < (8 - kMagic.size() % 8) % 8) throw broken("cut short");
  image.remove_prefix((8 - kMagic.size() % 8) % 8);
  auto entries = image_io::Take(image);
  auto slots = image_io::Take(image);
  auto pool = image_io::Take(image);
  if (!entries || !slots || !pool || entries->size() != sizeof(uint64_t)) throw broken("cut short");
  const size_t count = slots->size() / sizeof(uint32_t);
  if (slots->size() % sizeof(uint32_t) != 0 || count == 0 || !std::has_single_bit(count))
    throw broken("bad slot table");
  if (reinterpret_cast<uintptr_t>(slots->data()) % alignof(uint32_t) != 0) throw broken("misaligned");
  slots_ = reinterpret_cast<const uint32_t*>(slots->data());
  slot_mask_ = count - 1;
  pool_ = *pool;
  uint64_t n;
  std::memcpy(&n, entries->data(), sizeof n);
  entries_ = static_cast<size_t>(n);
}

std::optional<WordClass> Dictionary::Find(std::string_view form) const {
  if (form.empty() || form.size() > 255) return std::nullopt;
  // At most every slot: a damaged image with no empty one must still end.
  uint64_t i = KeyHash(form) & slot_mask_;
  for (uint64_t probes = 0; probes <= slot_mask_; ++probes, i = (i + 1) & slot_mask_) {
    const uint32_t slot = slots_[i];
    if (slot == 0) return std::nullopt;
    const size_t at = slot - 1;
    // Every read stays inside the pool, so a damaged image can give wrong answers but
    // never read outside the mapping.
    if (at + 2 > pool_.size()) return std::nullopt;
    const auto size = static_cast<unsigned char>(pool_[at + 1]);
    if (size == form.size() && at + 2 + size <= pool_.size() && pool_.compare(at + 2, size, form) == 0) {
      const auto c = static_cast<unsigned char>(pool_[at]);
      return c <= static_cast<unsigned char>(WordClass::kCommon) ? std::optional(static_cast<WordClass>(c))
                                                                 : std::nullopt;
    }
  }
  return std::nullopt;
}

WordClass Dictionary::Classify(std::string_view word) const {
  std::string lower, title;
  CaseForms(word, lower, title);
  if (Find(lower) == WordClass::kCommon) return WordClass::kCommon;
  if (Find(title) == WordClass::kProperOnly) return WordClass::kProperOnly;
  return WordClass::kUnknown;
}

void Dictionary::Write(const std::vector<std::pair<std::string, WordClass>>& forms, const std::filesystem::path& out) {
  // At most half full, so that a miss ends after a probe or two.
  const size_t count = std::bit_ceil(std::max<size_t>(2 * forms.size(), 16));
  std::vector<uint32_t> slots(count, 0);
  std::string pool;
  uint64_t entries = 0;
  for (const auto& [form, word_class] : forms) {
    if (form.empty() || form.size() > 255) continue;
    uint64_t i = KeyHash(form) & (count - 1);
    bool listed = false;
    for (; slots[i] != 0; i = (i + 1) & (count - 1)) {
      const size_t at = slots[i] - 1;
      if (static_cast<unsigned char>(pool[at + 1]) == form.size() && pool.compare(at + 2, form.size(), form) == 0) {
        listed = true;
        break;
      }
    }
    if (listed) continue;
    if (pool.size() + form.size() + 2 >= UINT32_MAX) throw ConfigError(out.string() + ": dictionary too large");
    slots[i] = static_cast<uint32_t>(pool.size() + 1);
    pool += static_cast<char>(word_class);
    pool += static_cast<char>(form.size());
    pool += form;
    ++entries;
  }
  std::string image(kMagic);
  image.append((8 - kMagic.size() % 8) % 8, '\0');
  image_io::Append(image, &entries, sizeof entries);
  image_io::Append(image, slots.data(), slots.size() * sizeof(uint32_t));
  image_io::Append(image, pool);
  image_io::WriteAtomically(out, image);
}

std::filesystem::path DictionaryImagePath() { return BuiltFilePath("DISCREET_DICTIONARY_IMAGE", "dictionary.bin"); }

}  // namespace discreet
