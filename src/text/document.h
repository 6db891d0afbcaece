// The checked input and its offset maps: UTF-8 byte offsets ↔ UTF-16 code units ↔
// 1-based line/column. Every position any output reports goes through here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace discreet {

// A half-open byte range [start, end) into the original input.
struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool Overlaps(Span o) const { return start < o.end && o.start < end; }
  bool Contains(Span o) const { return start <= o.start && o.end <= end; }
  friend bool operator==(Span, Span) = default;
};

struct LineColumn {
  size_t line = 1;    // 1-based
  size_t column = 1;  // 1-based, in Unicode code points
};

class Document {
 public:
  // `text` must be valid UTF-8 (see FindInvalidUtf8); the Document keeps it byte for byte.
  explicit Document(std::string text);

  // The original input. Byte offsets everywhere refer to this string.
  const std::string& text() const { return text_; }

  // What detectors read: the same length as text(), with the bytes a source (Markdown,
  // HTML) found not to be prose blanked to spaces, so offsets need no translation.
  std::string_view scan_text() const { return scan_text_.empty() ? text_ : scan_text_; }
  // Installs a masked copy; `masked` must have text().size() bytes and be valid UTF-8.
  void SetScanText(std::string masked);

  bool has_bom() const { return bom_; }

  // Offsets and positions of a byte offset that lies on a code point boundary. A leading
  // BOM is not counted: a browser's string and an editor's columns do not include it.
  size_t Utf16Offset(size_t byte) const;
  size_t CodePointOffset(size_t byte) const;
  LineColumn Position(size_t byte) const;
  // Position and Utf16Offset at once, counting the bytes before `byte` once (a report
  // gives both for both ends of every finding).
  struct Location {
    LineColumn position;
    size_t utf16 = 0;
  };
  Location Locate(size_t byte) const;

  // Lines end at "\n", "\r\n" or a lone "\r"; Line() excludes the terminator.
  size_t line_count() const { return line_starts_.size(); }
  std::string_view Line(size_t line) const;  // 1-based
  size_t LineStart(size_t line) const { return line_starts_[line - 1]; }

 private:
  struct Checkpoint {
    uint32_t code_points;  // code points that start before this block
    uint32_t utf16_units;  // UTF-16 code units of those code points
    bool ascii = true;     // the block holds only ASCII: offsets in it need no count
  };
  static constexpr size_t kBlock = 64;
  // Code points and UTF-16 units before `byte` (clamped to the text), the BOM not counted:
  // the count every offset function shares.
  struct Counts {
    size_t code_points;
    size_t utf16_units;
  };
  Counts CountsBefore(size_t byte) const;

  std::string text_;
  std::string scan_text_;
  bool bom_ = false;
  std::vector<size_t> line_starts_;
  std::vector<Checkpoint> checkpoints_;  // one per kBlock bytes
};

}  // namespace discreet
