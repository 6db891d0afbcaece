// Where each value of a JSON text sits, so that a semantic error (an unknown field, a bad
// pattern) can name its line:column as a syntax error does.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace discreet {

// Byte offset of every value by JSON pointer ("/rules/3/patterns/0"), and of every object
// member's key under "<pointer>#key". `text` must be valid JSON (parse it first).
std::unordered_map<std::string, size_t> JsonPositions(std::string_view text);

// "LINE:COLUMN" (1-based; columns in code points) of byte offsets in one text: the line
// starts are found once, so naming every rule of a large pack stays linear.
class LineColumns {
 public:
  explicit LineColumns(std::string_view text);
  std::string Of(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// The same for a single offset.
std::string LineColumnOf(std::string_view text, size_t offset);

// The position of `pointer` (or, for "...#key", of its value when the key is unknown) as
// "LINE:COLUMN", or "" when the pointer is not in the map.
std::string PositionOf(const std::unordered_map<std::string, size_t>& positions, std::string_view text,
                       const std::string& pointer);

}  // namespace discreet
