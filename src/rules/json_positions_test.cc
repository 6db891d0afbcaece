// Tests of JSON positions and LINE:COLUMN offsets, which every pack and config error names.
#include "rules/json_positions.h"

#include <gtest/gtest.h>

namespace discreet {
namespace {

TEST(LineColumns, CountsLinesFromOneAndColumnsInCodePoints) {
  const std::string text = "{\n  \"id\": \"caf\xC3\xA9\",\n\n  \"x\": 1\n}";
  LineColumns lines(text);
  EXPECT_EQ(lines.Of(0), "1:1");
  EXPECT_EQ(lines.Of(1), "1:2");                          // the newline ends line 1
  EXPECT_EQ(lines.Of(2), "2:1");
  EXPECT_EQ(lines.Of(text.find("\",\n")), "2:14");         // after é (two bytes, one column)
  EXPECT_EQ(lines.Of(text.find("\n\n") + 1), "3:1");       // an empty line
  EXPECT_EQ(lines.Of(text.find("\"x\"")), "4:3");
  EXPECT_EQ(lines.Of(text.size() + 10), "5:2");            // past the end: the end
  EXPECT_EQ(LineColumnOf(text, text.find("\"x\"")), "4:3");
}

TEST(JsonPositions, FindsValuesAndKeysByPointer) {
  const std::string text = R"({"rules": [{"id": "a/b"}, {"id": "a/c"}]})";
  auto positions = JsonPositions(text);
  EXPECT_EQ(positions.at("/rules/1/id"), text.find("\"a/c\""));
  EXPECT_EQ(PositionOf(positions, text, "/rules/1/id"), "1:" + std::to_string(text.find("\"a/c\"") + 1));
  EXPECT_EQ(PositionOf(positions, text, "/nope"), "");
}

}  // namespace
}  // namespace discreet
