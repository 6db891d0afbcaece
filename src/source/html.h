// The HTML source: what a reader of the page sees as prose. Text nodes, `alt` and `title`
// attributes (and a page's meta description and title), character references decoded in
// place; never script, style, code or comments. Parsed with gumbo (WHATWG tree building),
// whose nodes point back into the input, so every revealed byte keeps its offset.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/directives.h"

namespace discreet {

// Reveals the prose of `html` (which starts at byte `base` of the whole input) into
// `scan` (the whole input's scan text, blank where nothing is revealed). Block elements
// leave line breaks in the scan text so that text from two cells, items or paragraphs is
// never read as one phrase. Discreet directives in comments are appended to `directives`.
void MaskHtml(std::string_view html, size_t base, std::string& scan, std::vector<Directive>& directives);

}  // namespace discreet
