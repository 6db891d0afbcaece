// discreet-lexc DIR OUT: compiles the lexicon directory DIR (lexicons/<locale>) into the
// image OUT that discreet memory-maps at start-up. Run by the build; see lexicon_image.h.
#include <cstdio>

#include "error.h"
#include "lexicon/lexicon_image.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: discreet-lexc LEXICON_DIR OUT.bin\n");
    return 2;
  }
  try {
    discreet::WriteLexiconImage(argv[1], argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "discreet-lexc: %s\n", e.what());
    return 2;
  }
  return 0;
}
