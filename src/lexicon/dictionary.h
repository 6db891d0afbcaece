// The dictionary that tells ordinary words from names, compiled at build time. The build
// asks Hunspell (en_US, and en_GB for British spellings) about every form its dictionaries
// generate (`unmunch`) and writes the answers into an image that a process memory-maps.
// Loading Hunspell itself cost a cold `discreet check` ~350 M instructions, three
// quarters of its time; the image costs nothing to open, and a lookup takes no lock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace discreet {

class MappedFile;

enum class WordClass : uint8_t {
  kUnknown,     // neither form is a word ("Lefèvre", "Nguyễn"): name evidence
  kProperOnly,  // known only capitalised ("Kevin", "Daniels"): name evidence
  kCommon,      // its lowercase form is an ordinary word ("rose", "will", "frank")
};

// The forms a word is looked up in: "McDonald" → "mcdonald" and "Mcdonald" (lower case,
// then the first letter upper case), with ICU's case mapping beyond ASCII.
void CaseForms(std::string_view word, std::string& lower, std::string& title);

class Dictionary {
 public:
  // Maps the image at `path`. Null when there is no file; throws ConfigError naming the
  // file when it is not a dictionary image or is cut short.
  static std::shared_ptr<const Dictionary> Load(const std::filesystem::path& path);
  // The same for an image already in memory; `path` is used in messages only.
  static std::shared_ptr<const Dictionary> Parse(const std::filesystem::path& path, std::string image);

  // As Hunspell answers: kCommon when the lower-case form is a word of en_US, or of
  // en_GB for an ASCII word; else kProperOnly when the capitalised form is one of en_US;
  // else kUnknown. `word` is a token's text in any case.
  WordClass Classify(std::string_view word) const;
  // The class recorded for exactly these bytes, if any.
  std::optional<WordClass> Find(std::string_view form) const;
  size_t size() const { return entries_; }

  // Writes an image of `forms` (each with its class; a form listed twice keeps its first
  // class) to `out`, atomically: a temporary file, then a rename. Throws ConfigError.
  static void Write(const std::vector<std::pair<std::string, WordClass>>& forms, const std::filesystem::path& out);

  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

 private:
  Dictionary() = default;
  // Reads the image's pieces (mapped or owned); throws ConfigError naming `path`.
  void Index(const std::filesystem::path& path, std::string_view image);

  std::string owned_;  // the image, when parsed from memory
  std::shared_ptr<const MappedFile> mapping_;  // the image, when mapped from a file
  const uint32_t* slots_ = nullptr;  // open addressing on KeyHash: 1 + an entry's offset, 0 when empty
  uint64_t slot_mask_ = 0;
  std::string_view pool_;  // entries: class byte, length byte, the form's bytes
  size_t entries_ = 0;
};

// Where the image is looked for: $DISCREET_DICTIONARY_IMAGE, else
// <prefix>/share/discreet/dictionary.bin beside an installed binary, else the build tree
// the library was built in.
std::filesystem::path DictionaryImagePath();

}  // namespace discreet
