// Folding: the key under which tokens and lexicon entries are compared, so that
// "Beyoncé", "BEYONCE" and "beyonce" are one name.
#pragma once

#include <string>
#include <string_view>

namespace discreet {

// NFKC case folding (ICU's nfkc_cf), then accents removed (canonical decomposition with
// nonspacing marks dropped), then typographic apostrophes made ASCII. Default-ignorable
// characters (soft hyphen, zero-width joiners) vanish. ASCII input takes a fast path.
std::string Fold(std::string_view utf8);

// Folds `utf8` into `out` (cleared first); lets hot loops reuse one buffer.
void FoldInto(std::string_view utf8, std::string& out);

}  // namespace discreet
