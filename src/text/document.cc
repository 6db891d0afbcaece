// Offset maps for Document: line starts plus a checkpoint every 64 bytes, so any offset
// converts in O(64) whatever the input's size or line lengths.
#include "text/document.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "text/swar.h"

namespace discreet {
namespace {

bool IsLeadByte(unsigned char b) { return (b & 0xC0) != 0x80; }

// The lead bytes (code points) in [p, p + n), and of them the 4-byte leads (two UTF-16
// units each), eight bytes at a time: a report converts six offsets per finding. In a
// block of only ASCII (`ascii`, most blocks of most drafts) every byte is one of each.
struct Leads {
  size_t code_points = 0;
  size_t astral = 0;
};
Leads CountLeads(const char* p, size_t n, bool ascii) {
  if (ascii) return {n, 0};
  Leads leads;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t x = swar::Load(p + i);
    const uint64_t continuation = x & ~(x << 1) & swar::kHighs;               // 10xxxxxx
    const uint64_t four = x & (x << 1) & (x << 2) & (x << 3) & swar::kHighs;  // 1111xxxx
    leads.code_points += 8 - swar::Count(continuation);
    leads.astral += swar::Count(four);
  }
  for (; i < n; ++i) {
    const auto b = static_cast<unsigned char>(p[i]);
    leads.code_points += IsLeadByte(b);
    leads.astral += b >= 0xF0;
  }
  return leads;
}

}  // namespace

Document::Document(std::string text) : text_(std::move(text)) {
  bom_ = text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0;
  line_starts_.push_back(0);
  const size_t n = text_.size();
  // A line starts after "\n", and after a "\r" that no "\n" follows.
  auto line_start_after = [&](size_t i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 >= n || text_[i + 1] != '\n'))) line_starts_.push_back(i + 1);
  };
  checkpoints_.reserve(n / kBlock + 1);
  uint32_t cps = 0, units = 0;
  for (size_t block = 0; block < n; block += kBlock) {
    checkpoints_.push_back({cps, units});
    const size_t end = std::min(n, block + kBlock);
    // A branch-free count, which the compiler vectorises: most blocks hold no line break
    // and no 4-byte character.
    uint32_t leads = 0, astral = 0, high = 0, breaks = 0;
    for (size_t i = block; i < end; ++i) {
      const unsigned char b = static_cast<unsigned char>(text_[i]);
      leads += IsLeadByte(b);
      astral += b >= 0xF0;
      high += b >= 0x80;
      breaks += b == '\n' || b == '\r';
    }
    checkpoints_.back().ascii = high == 0;
    cps += leads;
    units += leads + astral;
    if (breaks == 0) continue;
    // Prose has a line break in most blocks: eight bytes at a time, visiting only the breaks.
    size_t i = block;
    for (; i + 8 <= end; i += 8) {
      const uint64_t x = swar::Load(text_.data() + i);
      for (uint64_t hits = swar::Equal(x, '\n') | swar::Equal(x, '\r'); hits != 0; hits &= hits - 1)
        line_start_after(i + swar::FirstByte(hits));
    }
    for (; i < end; ++i) line_start_after(i);
  }
  checkpoints_.push_back({cps, units});  // for offsets at the very end
}

void Document::SetScanText(std::string masked) {
  if (masked.size() != text_.size()) throw std::logic_error("scan text must keep the input's length");
  scan_text_ = std::move(masked);
}

Document::Counts Document::CountsBefore(size_t byte) const {
  byte = std::min(byte, text_.size());
  const size_t block = std::min(byte / kBlock, checkpoints_.size() - 1);
  const Leads leads = CountLeads(text_.data() + block * kBlock, byte - block * kBlock, checkpoints_[block].ascii);
  size_t cps = checkpoints_[block].code_points + leads.code_points;
  size_t units = checkpoints_[block].utf16_units + leads.code_points + leads.astral;
  if (bom_ && cps > 0) --cps;
  if (bom_ && units > 0) --units;
  return {cps, units};
}

size_t Document::CodePointOffset(size_t byte) const { return CountsBefore(byte).code_points; }

size_t Document::Utf16Offset(size_t byte) const { return CountsBefore(byte).utf16_units; }

LineColumn Document::Position(size_t byte) const {
  byte = std::min(byte, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  // A byte inside "\r\n" belongs to the line it ends.
  size_t column = CodePointOffset(byte) - CodePointOffset(start) + 1;
  return {line, column};
}

Document::Location Document::Locate(size_t byte) const {
  byte = std::min(byte, text_.size());
  const Counts counts = CountsBefore(byte);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  const size_t line = static_cast<size_t>(it - line_starts_.begin());
  return {{line, counts.code_points - CodePointOffset(line_starts_[line - 1]) + 1}, counts.utf16_units};
}

std::string_view Document::Line(size_t line) const {
  size_t start = line_starts_.at(line - 1);
  size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view v(text_.data() + start, end - start);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
  if (line == 1 && bom_) v.remove_prefix(3);
  return v;
}

}  // namespace discreet
