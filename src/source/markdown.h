// The Markdown source (CommonMark + GFM tables, strikethrough, task lists, autolinks)
// parsed with md4c, whose text callbacks point into the input, so revealed text keeps its
// offsets. Read as prose: headings, paragraphs, lists, table cells, link text, image alt
// text and titles, autolinked URLs and emails (one URL/email token each, which only the
// contact-info rule reads), and front-matter values (see front_matter.h). Not read: fenced
// and indented code, inline code, link and image destinations, HTML comments. Raw HTML
// (blocks and inline tags) goes through the HTML source.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/directives.h"

namespace discreet {

// Reveals the prose of the Markdown `text` into `scan` (blank, same length) and collects
// directives from HTML comments and front-matter comments.
void MaskMarkdown(std::string_view text, std::string& scan, std::vector<Directive>& directives);

}  // namespace discreet
