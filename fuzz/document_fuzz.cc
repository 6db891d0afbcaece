// libFuzzer target over the scanning core: UTF-8 validation and repair → Document offset
// maps → Tokenize → Linter::Check → both report formats. Each stage's invariants are
// checked with __builtin_trap() so a violation is a crash the fuzzer keeps.
//
//   scripts/fuzz 600        (builds build-fuzz with clang and runs for 600 seconds)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "linter.h"
#include "report/json.h"
#include "report/text.h"
#include "text/document.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace {


bool IsBoundary(std::string_view s, size_t at) {
  return at == s.size() || (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80);
}

// Walks the text code point by code point and checks every offset map against a count
// made here, independently of the Document's checkpoints.
void CheckDocument(const std::string& text) {
  const discreet::Document doc(text);
  const bool bom = text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0;
  CHECK(doc.has_bom() == bom);
  size_t pos = bom ? 3 : 0, cps = 0, units = 0, line = 1, column = 1, line_start = pos;
  CHECK(doc.Utf16Offset(0) == 0 && doc.CodePointOffset(0) == 0);
  size_t prev_units = 0, prev_cps = 0;
  while (true) {
    CHECK(doc.Utf16Offset(pos) == units);
    CHECK(doc.CodePointOffset(pos) == cps);
    CHECK(units >= prev_units && cps >= prev_cps);
    prev_units = units;
    prev_cps = cps;
    discreet::LineColumn lc = doc.Position(pos);
    CHECK(lc.line == line);
    CHECK(lc.column == column);
    CHECK(doc.LineStart(line) == (line == 1 ? 0 : line_start));
    if (pos >= text.size()) break;
    const size_t at = pos;
    const char32_t cp = discreet::DecodeUtf8(text, pos);
    CHECK(pos > at && pos <= text.size());
    ++cps;
    units += cp >= 0x10000 ? 2 : 1;
    const bool crlf = cp == '\r' && pos < text.size() && text[pos] == '\n';
    if (cp == '\n' || (cp == '\r' && !crlf)) {
      // The line just ended: Line() must give its text without the terminator.
      std::string_view shown = doc.Line(line);
      const size_t from = line_start;
      size_t to = cp == '\n' && at > 0 && text[at - 1] == '\r' ? at - 1 : at;
      CHECK(to >= from && shown == std::string_view(text).substr(from, to - from));
      ++line;
      column = 1;
      line_start = pos;
    } else {
      ++column;
    }
  }
  CHECK(doc.line_count() == line);
}

void CheckTokens(const std::string& text) {
  const std::vector<discreet::Token> tokens = discreet::Tokenize(text);
  size_t prev_end = 0;
  uint32_t sentence = 0, paragraph = 0;
  for (const discreet::Token& t : tokens) {
    CHECK(t.span.start < t.span.end);
    CHECK(t.span.end <= text.size());
    CHECK(t.span.start >= prev_end);
    CHECK(IsBoundary(text, t.span.start) && IsBoundary(text, t.span.end));
    CHECK(t.sentence >= sentence && t.paragraph >= paragraph);
    CHECK(!discreet::FindInvalidUtf8(t.key));
    prev_end = t.span.end;
    sentence = t.sentence;
    paragraph = t.paragraph;
  }
}

}  // namespace

DISCREET_FUZZ_LINTER

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);

  // Validation and repair agree: valid input is left alone, repaired input is valid and
  // keeps every byte before the first bad one.
  const auto bad = discreet::FindInvalidUtf8(bytes);
  const std::string repaired = discreet::RepairUtf8(bytes);
  CHECK(!discreet::FindInvalidUtf8(repaired));
  if (!bad) {
    CHECK(repaired == bytes);
  } else {
    CHECK(*bad < bytes.size());
    CHECK(repaired.compare(0, *bad, bytes, 0, *bad) == 0);
  }

  CheckDocument(repaired);
  CheckTokens(repaired);

  const discreet::Linter& linter = discreet::fuzzing::SharedLinter();
  discreet::FileReport report;
  try {
    report = linter.Check({.path = "fuzz", .bytes = bytes, .lossy = true});
  } catch (const discreet::ConfigError&) {
    return 0;  // a directive naming an unknown rule: a clear error by design, not a crash
  }
  const std::string& text = report.document->text();
  CHECK(text == repaired);
  for (const discreet::Finding& f : report.findings) {
    CHECK(f.span.start < f.span.end && f.span.end <= text.size());
    CHECK(IsBoundary(text, f.span.start) && IsBoundary(text, f.span.end));
  }
  for (bool redact : {false, true}) {
    discreet::RenderOptions options;
    options.redact = redact;
    std::string out = discreet::RenderText(report, options);
    out += discreet::RenderJson({report}, options);
    CHECK(!out.empty());
  }
  return 0;
}
