// Where each value of a JSON text sits, so that a semantic error (an unknown field, a bad
// pattern) can name its line:column as a syntax error does.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace discreet {

// Byte offset of every value by JSON pointer ("/rules/3/patterns/0"), and of every object
// member's key under "<pointer>#key". `text` must be valid JSON (parse it first).
std::unordered_map<std::string, size_t> JsonPositions(std::string_view text);

// "LINE:COLUMN" (1-based; columns in code points) of a byte offset.
std::string LineColumnOf(std::string_view text, size_t offset);

// The position of `pointer` (or, for "...#key", of its value when the key is unknown) as
// "LINE:COLUMN", or "" when the pointer is not in the map.
std::string PositionOf(const std::unordered_map<std::string, size_t>& positions, std::string_view text,
                       const std::string& pointer);

}  // namespace discreet
