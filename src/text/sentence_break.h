// Sentence boundaries: UAX #29's sentence rules (SB1–SB998), the ones ICU's root sentence
// iterator applies. Tokens carry the number of the sentence they start in, and detectors
// keep their cues inside one sentence.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace discreet {

// The byte offsets strictly inside `text` (valid UTF-8) where a sentence starts, in
// ascending order. The same offsets as ICU's sentence iterator, without its cost: a table
// lookup and a few comparisons per code point, where ICU's iterator over UTF-8 spent ~85
// instructions a byte.
std::vector<size_t> SentenceBreaks(std::string_view text);

// The same found by ICU's root sentence iterator: the reference SentenceBreaks is tested
// against, and what TokenizeWithIcuOnly uses.
std::vector<size_t> SentenceBreaksWithIcu(std::string_view text);

}  // namespace discreet
