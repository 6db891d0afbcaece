// Inline directives (DESIGN.md, "Configuration"): a writer silences a rule for one line or
// a stretch of the post, in an HTML comment (Markdown, HTML) or on a line of its own
// (plain text):
//
//   <!-- discreet-disable-next-line person-name, age -->
//   <!-- discreet-disable health --> ... <!-- discreet-enable health -->
//   # discreet-disable-next-line person-name          (plain text; also //, --, ;, %)
//
// No RULE means every rule. An id may name a catalogue rule ("person-name"), a pack rule
// ("core-en/health"), a built-in detector or a pack. Text after " -- " is a comment (the
// reason). Directives that suppressed nothing are reported back as notes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"
#include "text/document.h"

namespace discreet {

struct Directive {
  enum class Kind { kDisableNextLine, kDisable, kEnable };
  Kind kind = Kind::kDisable;
  std::vector<std::string> rules;  // empty: every rule
  Span span;                       // the comment or line that holds it
};

std::string_view DirectiveName(Directive::Kind kind);

// Parses the inside of a comment (" discreet-disable-next-line person-name "); nullopt
// when it is not a discreet directive.
std::optional<Directive> ParseDirective(std::string_view body, Span span);

// Plain text: finds directive lines and blanks them in `scan` (same offsets as `text`).
void FindTextDirectives(std::string_view text, std::string& scan, std::vector<Directive>& out);

struct DirectiveNote {
  size_t line = 0;      // 1-based
  std::string message;  // "discreet-disable-next-line person-name suppressed nothing"
};

// Removes the findings the directives silence and returns a note for every disabling
// directive that silenced nothing. `known(id)` says whether a rule id exists; an unknown
// one throws ConfigError "PATH:LINE: unknown rule 'x' in discreet-disable-next-line".
std::vector<DirectiveNote> ApplyDirectives(const std::vector<Directive>& directives, const Document& doc,
                                           const std::string& path,
                                           const std::function<bool(std::string_view)>& known,
                                           std::vector<Finding>& findings);

}  // namespace discreet
