// HTML character references (&amp; &eacute; &#8217; &#x2019;) decoded in place: the scan
// text must keep the input's length, so a decoded character is written where its reference
// was and the bytes left over are filled with default-ignorable characters (U+2060 word
// joiner, U+00AD soft hyphen) that ICU keeps inside the word and folding removes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace discreet {

// The code points `ref` ("&amp;", "&#233;", "&#xE9;"; the trailing ';' is required) stands
// for, as UTF-8; nullopt when it is not a reference this decoder knows.
std::optional<std::string> DecodeEntity(std::string_view ref);

// Copies text[from, to) into scan[from, to) (same offsets), decoding character references.
// A reference whose decoding cannot be padded to its own length stays as written.
void RevealDecoded(std::string_view text, size_t from, size_t to, std::string& scan);

// Writes the reference text[at, at + len) decoded into scan at the same place; false (and
// nothing written) when it is unknown or cannot be padded.
bool WriteDecodedEntity(std::string_view text, size_t at, size_t len, std::string& scan);

}  // namespace discreet
