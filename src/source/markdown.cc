// Markdown masking over md4c's callbacks. md4c tells what each piece of text is, not
// where the markup around it is; the scan text starts blank (line breaks kept) and each
// prose piece is copied back at its own offset.
#include "source/markdown.h"

#include <md4c.h>

#include <algorithm>

#include "source/entities.h"
#include "source/front_matter.h"
#include "source/html.h"
#include "source/source.h"

namespace discreet {
namespace {

struct State {
  std::string_view text;
  std::string& scan;
  std::vector<Directive>& directives;
  int code_blocks = 0;        // inside MD_BLOCK_CODE
  bool html_block = false;
  std::vector<Span> html_pieces{};  // the current HTML block's lines
  int tables = 0;
  Span table{std::string_view::npos, 0};
  std::vector<Span> table_ranges{};
  bool soft_break = false;    // a soft line break since the last text
  size_t last_end = 0;

  // The offset of a callback's text in the input, or npos for md4c's own strings.
  size_t OffsetOf(const MD_CHAR* p, MD_SIZE size) const {
    if (p < text.data() || p + size > text.data() + text.size()) return std::string_view::npos;
    return static_cast<size_t>(p - text.data());
  }

  void Seen(size_t at, size_t end) {
    if (tables > 0) {
      table.start = std::min(table.start, at);
      table.end = std::max(table.end, end);
    }
    // A soft break reads as a space: the rendered paragraph is one line.
    if (soft_break) {
      for (size_t i = last_end; i < at; ++i)
        if (scan[i] == '\n' || scan[i] == '\r') scan[i] = ' ';
      soft_break = false;
    }
    last_end = end;
  }

  void RevealAttribute(const MD_ATTRIBUTE& a) {
    if (a.size == 0) return;
    size_t at = OffsetOf(a.text, a.size);
    if (at == std::string_view::npos) return;
    RevealDecoded(text, at, at + a.size, scan);
  }

  void FlushHtmlBlock() {
    if (html_pieces.empty()) return;
    size_t from = html_pieces.front().start, to = html_pieces.back().end;
    // The block as one fragment (its lines are contiguous unless inside a quote or list
    // item); only bytes of the block's own lines are taken from the result.
    std::string_view fragment = text.substr(from, to - from);
    std::string piece_scan = BlankCopy(fragment);
    std::vector<Directive> found;
    MaskHtml(fragment, 0, piece_scan, found);
    for (const Span& p : html_pieces)
      std::copy(piece_scan.begin() + static_cast<long>(p.start - from), piece_scan.begin() + static_cast<long>(p.end - from),
                scan.begin() + static_cast<long>(p.start));
    for (Directive& d : found) {
      d.span.start += from;
      d.span.end += from;
      bool inside = std::any_of(html_pieces.begin(), html_pieces.end(),
                                [&](const Span& p) { return p.start <= d.span.start && d.span.start < p.end; });
      if (inside) directives.push_back(std::move(d));
    }
    html_pieces.clear();
  }
};

int EnterBlock(MD_BLOCKTYPE type, void*, void* user) {
  auto& s = *static_cast<State*>(user);
  s.soft_break = false;
  if (type == MD_BLOCK_CODE) ++s.code_blocks;
  if (type == MD_BLOCK_HTML) s.html_block = true;
  if (type == MD_BLOCK_TABLE && s.tables++ == 0) s.table = {std::string_view::npos, 0};
  return 0;
}

int LeaveBlock(MD_BLOCKTYPE type, void*, void* user) {
  auto& s = *static_cast<State*>(user);
  s.soft_break = false;
  if (type == MD_BLOCK_CODE) --s.code_blocks;
  if (type == MD_BLOCK_HTML) {
    s.FlushHtmlBlock();
    s.html_block = false;
  }
  if (type == MD_BLOCK_TABLE && --s.tables == 0 && s.table.start != std::string_view::npos)
    s.table_ranges.push_back(s.table);
  return 0;
}

int EnterSpan(MD_SPANTYPE type, void* detail, void* user) {
  auto& s = *static_cast<State*>(user);
  if (type == MD_SPAN_IMG) s.RevealAttribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->title);
  if (type == MD_SPAN_A) s.RevealAttribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->title);
  return 0;
}

int LeaveSpan(MD_SPANTYPE, void*, void*) { return 0; }

int Text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE size, void* user) {
  auto& s = *static_cast<State*>(user);
  if (type == MD_TEXT_SOFTBR) {
    s.soft_break = true;
    return 0;
  }
  size_t at = s.OffsetOf(p, size);
  if (at == std::string_view::npos || size == 0) return 0;
  s.Seen(at, at + size);
  switch (type) {
    case MD_TEXT_NORMAL:
      if (s.code_blocks == 0) std::copy(p, p + size, s.scan.begin() + static_cast<long>(at));
      break;
    case MD_TEXT_ENTITY:
      if (s.code_blocks == 0) WriteDecodedEntity(s.text, at, size, s.scan);
      break;
    case MD_TEXT_HTML:
      if (s.html_block) s.html_pieces.push_back({at, at + size});
      else MaskHtml(s.text.substr(at, size), at, s.scan, s.directives);  // an inline tag or comment
      break;
    default:  // code, NUL, LaTeX: not prose
      break;
  }
  return 0;
}

}  // namespace

void MaskMarkdown(std::string_view text, std::string& scan, std::vector<Directive>& directives) {
  size_t body = MaskFrontMatter(text, scan, directives);
  State state{.text = text, .scan = scan, .directives = directives};
  state.last_end = body;
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = EnterBlock;
  parser.leave_block = LeaveBlock;
  parser.enter_span = EnterSpan;
  parser.leave_span = LeaveSpan;
  parser.text = Text;
  md_parse(text.data() + body, static_cast<MD_SIZE>(text.size() - body), &parser, &state);
  state.FlushHtmlBlock();

  // Table cells: the '|' between two cells is a sentence break, so that "| Sally | Jones |"
  // is two cells, not a full name. Escaped pipes inside a cell were revealed and stay.
  for (Span t : state.table_ranges) {
    size_t from = text.rfind('\n', t.start);
    from = from == std::string_view::npos ? body : from + 1;
    size_t to = text.find('\n', t.end);
    if (to == std::string_view::npos) to = text.size();
    for (size_t i = from; i < to; ++i)
      if (text[i] == '|' && scan[i] == ' ') scan[i] = '\n';
  }
}

}  // namespace discreet
