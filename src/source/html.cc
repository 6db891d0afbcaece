// HTML masking over gumbo's tree. Element boundaries become '\n' (a sentence break) or
// "\n\n" (a paragraph break) in the blanked markup, never in revealed text.
#include "source/html.h"

#include <gumbo.h>

#include <cstring>
#include <memory>

#include "source/entities.h"

namespace discreet {
namespace {

enum class Break { kNone, kSentence, kParagraph };

Break BreakOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_PRE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS:
      return Break::kParagraph;
    case GUMBO_TAG_LI: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BR: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: case GUMBO_TAG_OPTION: case GUMBO_TAG_IMG:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LABEL: case GUMBO_TAG_BUTTON: case GUMBO_TAG_AREA:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_META:
      return Break::kSentence;
    default:
      return Break::kNone;
  }
}

// Content a reader does not see as prose.
bool Skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD ||
         tag == GUMBO_TAG_SAMP || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_NOFRAMES ||
         tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT;
}

bool EqualsIgnoreCase(const char* a, std::string_view b) {
  if (std::strlen(a) != b.size()) return false;
  for (size_t i = 0; i < b.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

struct Masker {
  std::string_view html;
  size_t base;
  std::string& scan;
  std::vector<Directive>& directives;

  // The offset of `piece` in `html`, or npos when gumbo made it up.
  size_t OffsetOf(const GumboStringPiece& piece) const {
    if (piece.data == nullptr || piece.length == 0) return std::string_view::npos;
    if (piece.data < html.data() || piece.data + piece.length > html.data() + html.size()) return std::string_view::npos;
    return static_cast<size_t>(piece.data - html.data());
  }

  void Reveal(size_t from, size_t to) {
    // `scan` is indexed like the whole input; reveal via a view shifted by `base`.
    std::string_view whole(html.data() - base, base + html.size());
    RevealDecoded(whole, base + from, base + to, scan);
  }

  void MarkBreak(const GumboStringPiece& tag, Break b) {
    size_t at = OffsetOf(tag);
    if (at == std::string_view::npos || b == Break::kNone) return;
    size_t n = b == Break::kParagraph ? 2 : 1;
    for (size_t i = 0; i < n && i < tag.length; ++i) {
      char& c = scan[base + at + i];
      if (c == ' ') c = '\n';
    }
    if (tag.length > 1) {  // and at its end, so that an attribute's text stands alone
      char& c = scan[base + at + tag.length - 1];
      if (c == ' ') c = '\n';
    }
  }

  void RevealAttribute(const GumboAttribute* a) {
    size_t at = OffsetOf(a->original_value);
    if (at == std::string_view::npos) return;
    size_t from = at, to = at + a->original_value.length;
    char q = html[from];
    if ((q == '"' || q == '\'') && to - from >= 2 && html[to - 1] == q) {
      ++from;
      --to;
    }
    Reveal(from, to);
  }

  void Element(const GumboElement& e) {
    MarkBreak(e.original_tag, BreakOf(e.tag));
    MarkBreak(e.original_end_tag, BreakOf(e.tag));
    const GumboVector& attrs = e.attributes;
    bool meta_prose = false;
    if (e.tag == GUMBO_TAG_META) {
      for (unsigned i = 0; i < attrs.length; ++i) {
        auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
        if ((EqualsIgnoreCase(a->name, "name") || EqualsIgnoreCase(a->name, "property")) &&
            (EqualsIgnoreCase(a->value, "description") || EqualsIgnoreCase(a->value, "keywords") ||
             EqualsIgnoreCase(a->value, "og:title") || EqualsIgnoreCase(a->value, "og:description") ||
             EqualsIgnoreCase(a->value, "twitter:title") || EqualsIgnoreCase(a->value, "twitter:description")))
          meta_prose = true;
      }
    }
    for (unsigned i = 0; i < attrs.length; ++i) {
      auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
      if (EqualsIgnoreCase(a->name, "alt") || EqualsIgnoreCase(a->name, "title") ||
          (meta_prose && EqualsIgnoreCase(a->name, "content")))
        RevealAttribute(a);
    }
  }

  void Walk(const GumboNode* root) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      switch (node->type) {
        case GUMBO_NODE_DOCUMENT:
          for (unsigned i = node->v.document.children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(node->v.document.children.data[i]));
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& e = node->v.element;
          Element(e);
          if (Skipped(e.tag)) break;
          for (unsigned i = e.children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
          break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA: {
          size_t at = OffsetOf(node->v.text.original_text);
          if (at != std::string_view::npos) Reveal(at, at + node->v.text.original_text.length);
          break;
        }
        case GUMBO_NODE_COMMENT: {
          size_t at = OffsetOf(node->v.text.original_text);
          if (at == std::string_view::npos) break;
          Span span{base + at, base + at + node->v.text.original_text.length};
          if (auto d = ParseDirective(node->v.text.text, span)) directives.push_back(std::move(*d));
          break;
        }
        case GUMBO_NODE_WHITESPACE:
          break;
      }
    }
  }
};

}  // namespace

void MaskHtml(std::string_view html, size_t base, std::string& scan, std::vector<Directive>& directives) {
  if (html.empty()) return;
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!out) return;
  Masker m{html, base, scan, directives};
  m.Walk(out->document);
}

}  // namespace discreet
