// Compiled lexicons: the build turns lexicons/<locale>/*.tsv into one image file that a
// process memory-maps instead of parsing and indexing ~330,000 rows at start-up. The
// image records each source file's size and modification time; an image that does not
// match the files is ignored, so a stale build never changes what is detected.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "lexicon/lexicon.h"

namespace discreet {

// Where the image for `locale` is looked for: $DISCREET_LEXICON_IMAGE, else
// <prefix>/share/discreet/lexicons/<locale>.bin beside an installed binary, else the
// build tree the library was built in.
std::filesystem::path LexiconImagePath(const std::string& locale);

// Parses `dir` and writes its image to `out` (atomically: a temporary file, then rename).
// Throws ConfigError.
void WriteLexiconImage(const std::filesystem::path& dir, const std::filesystem::path& out);

// The lexicons of `dir` from the image at `image`, or null when there is no image or it
// does not match the files in `dir`.
std::shared_ptr<const LexiconSet> LoadLexiconImage(const std::filesystem::path& image,
                                                   const std::filesystem::path& dir);

}  // namespace discreet
