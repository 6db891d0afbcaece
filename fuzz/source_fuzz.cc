// libFuzzer target over the Markdown and HTML sources and the inline directives: the scan
// text keeps the input's length and only blanks bytes, directive spans stay inside the input,
// and the whole check (with the format) keeps every finding on code point boundaries.
#include <cstddef>
#include <cstdint>
#include <string>

#include "error.h"
#include "fuzz_check.h"
#include "linter.h"
#include "source/source.h"
#include "text/utf8.h"

DISCREET_FUZZ_LINTER

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const discreet::InputFormat format = data[0] % 3 == 0   ? discreet::InputFormat::kText
                                       : data[0] % 3 == 1 ? discreet::InputFormat::kMarkdown
                                                          : discreet::InputFormat::kHtml;
  const std::string text = discreet::RepairUtf8(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  discreet::SourceText source = discreet::ReadSource(text, format);
  if (!source.scan.empty()) {
    CHECK(source.scan.size() == text.size());
    // Every byte is kept or blanked: a space, or a line break where a Markdown table cell
    // ends (a soft line break inside a paragraph reads as a space).
    for (size_t i = 0; i < text.size(); ++i)
      CHECK(source.scan[i] == text[i] || source.scan[i] == ' ' || source.scan[i] == '\n');
    CHECK(!discreet::FindInvalidUtf8(source.scan));
  }
  for (const discreet::Directive& d : source.directives) CHECK(d.span.start <= d.span.end && d.span.end <= text.size());

  const discreet::Linter& linter = discreet::fuzzing::SharedLinter();
  try {
    discreet::FileReport r = linter.Check({.path = "fuzz", .bytes = text, .format = format});
    for (const discreet::Finding& f : r.findings) {
      CHECK(f.span.start < f.span.end && f.span.end <= text.size());
      CHECK(f.span.end == text.size() || (static_cast<unsigned char>(text[f.span.end]) & 0xC0) != 0x80);
    }
  } catch (const discreet::ConfigError&) {
    // A directive naming an unknown rule: a clear error, not a crash.
  }
  return 0;
}
