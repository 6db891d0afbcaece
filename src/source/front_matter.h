// Front matter at the top of a Markdown post (Jekyll, Hugo, Eleventy): YAML between
// "---" lines or TOML between "+++" lines. A small line reader, not a YAML parser: it
// reveals the string values of the keys a reader sees (title, subtitle, description,
// summary, excerpt, tags, keywords, categories, caption) — quoted, plain, block scalars,
// flow lists ["a", "b"] and block lists ("- a") — at their exact bytes, and reads
// `# discreet-disable-next-line RULE` comment lines as directives.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source/directives.h"

namespace discreet {

// When `text` starts (after an optional BOM) with front matter, reveals its values into
// `scan` and returns the offset where the Markdown body starts; otherwise returns 0.
size_t MaskFrontMatter(std::string_view text, std::string& scan, std::vector<Directive>& directives);

}  // namespace discreet
