// discreet-dictc: the build step that compiles the dictionary image (lexicon/dictionary.h).
//   discreet-dictc OUT HUNSPELL_DIR US_FORMS GB_FORMS
// US_FORMS and GB_FORMS are `unmunch` listings of en_US and en_GB: every form their affix
// rules generate (en_GB's listing also holds forms Hunspell rejects; they are dropped).
// With the stems of each .dic they are the candidates, and Hunspell itself decides each
// candidate's class, asked exactly what the detectors need to know (Dictionary::Classify),
// so the image answers as Hunspell does for every word the dictionaries can produce.
#include <hunspell/hunspell.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "error.h"
#include "lexicon/dictionary.h"
#include "text/utf8.h"

// Hunspell's own, exported by libhunspell but not in its installed headers: sets up the
// case table every UTF-8 dictionary shares.
int initialize_utf_tbl();

namespace {

using discreet::WordClass;

void ReadLines(const std::string& path, std::vector<std::string>& out) {
  std::ifstream f(path);
  if (!f) throw discreet::ConfigError(path + ": cannot read");
  for (std::string line; std::getline(f, line);)
    if (!line.empty()) out.push_back(line);
}

// The stems of a .dic file: each line after the count, up to its flags ('/') or its
// morphological fields (a tab).
void ReadStems(const std::string& path, std::vector<std::string>& out) {
  std::ifstream f(path);
  if (!f) throw discreet::ConfigError(path + ": cannot read");
  std::string line;
  std::getline(f, line);  // the word count
  while (std::getline(f, line)) {
    size_t end = line.find_first_of("/\t");
    std::string stem = line.substr(0, end);
    if (!stem.empty()) out.push_back(stem);
  }
}

Hunhandle* Open(const std::string& dir, const std::string& name) {
  std::string aff = dir + "/" + name + ".aff", dic = dir + "/" + name + ".dic";
  if (!std::ifstream(aff) || !std::ifstream(dic))
    throw discreet::ConfigError(dic +
                                ": Hunspell dictionary not found (apt-get install hunspell-en-us hunspell-en-gb)");
  return Hunspell_create(aff.c_str(), dic.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: discreet-dictc OUT HUNSPELL_DIR US_FORMS GB_FORMS\n";
    return 2;
  }
  try {
    const std::string dir = argv[2];
    initialize_utf_tbl();
    Hunhandle* us = Open(dir, "en_US");
    Hunhandle* gb = Open(dir, "en_GB");

    std::vector<std::string> candidates;
    ReadLines(argv[3], candidates);
    ReadLines(argv[4], candidates);
    ReadStems(dir + "/en_US.dic", candidates);
    ReadStems(dir + "/en_GB.dic", candidates);
    // Hunspell reads a typographic apostrophe as a straight one (en_US's ICONV), and drafts
    // use both: "don’t" is as much a word as "don't".
    for (size_t i = 0, n = candidates.size(); i < n; ++i) {
      std::string curly;
      for (char c : candidates[i]) curly += c == '\'' ? std::string("\u2019") : std::string(1, c);
      if (curly != candidates[i]) candidates.push_back(std::move(curly));
    }

    std::vector<std::pair<std::string, WordClass>> forms;
    std::unordered_set<std::string> asked;
    std::string lower, title;
    for (const std::string& c : candidates) {
      discreet::CaseForms(c, lower, title);
      if (!asked.insert(lower).second) continue;
      if (Hunspell_spell(us, lower.c_str()) || (discreet::IsAscii(lower) && Hunspell_spell(gb, lower.c_str())))
        forms.emplace_back(lower, WordClass::kCommon);
      else if (!title.empty() && Hunspell_spell(us, title.c_str()))
        forms.emplace_back(title, WordClass::kProperOnly);
    }
    Hunspell_destroy(us);  // before the exit, for LeakSanitizer in the sanitizer build
    Hunspell_destroy(gb);
    discreet::Dictionary::Write(forms, argv[1]);
    std::cout << "discreet-dictc: " << forms.size() << " forms from " << candidates.size() << " candidates\n";
    return 0;
  } catch (const discreet::ConfigError& e) {
    std::cerr << "discreet-dictc: " << e.what() << "\n";
    return 1;
  }
}
