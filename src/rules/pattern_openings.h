// Where a rule pack's pattern can begin: for a pattern that opens with \b and a word
// ("(?i)\bthank(?:s|\s+you)…", "\b(?i:account|acct)…"), the lower-case letters every
// match starts with. The pack detector then tries the pattern anchored at the word starts
// that begin so (pattern_scan.h's ForEachMatchAt idea) instead of scanning the whole draft
// once more for each pattern the RE2::Set pass reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace discreet {

// The openings of `pattern` in the form pattern_scan.h's Openings takes (lower-case ASCII;
// "#" for a digit), at most 16 of them; nullopt when the pattern may begin some other way
// or the syntax is more than this reader follows (then the caller scans the whole text).
// Never narrower than RE2 is: an opening is a prefix of every match that starts with it.
std::optional<std::vector<std::string>> PatternOpenings(std::string_view pattern);

}  // namespace discreet
