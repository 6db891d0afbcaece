// Front matter: a line reader that knows just enough YAML and TOML to find the bytes of
// the values a reader sees. Keys it does not know stay blank (dates, layout, permalink,
// author: the writer's own name is not a client's).
#include "source/front_matter.h"

#include <algorithm>
#include <array>

#include "source/entities.h"

namespace discreet {
namespace {

constexpr std::array<std::string_view, 10> kProseKeys = {"title",    "subtitle", "description", "summary", "excerpt",
                                                         "tags",     "keywords", "categories",  "caption", "alt"};

bool IsProseKey(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(kProseKeys.begin(), kProseKeys.end(), lower) != kProseKeys.end();
}

struct Line {
  size_t start, end;  // without the line break
};

std::vector<Line> SplitLines(std::string_view text, size_t from) {
  std::vector<Line> lines;
  size_t start = from;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t trimmed = end > start && text[end - 1] == '\r' ? end - 1 : end;
    lines.push_back({start, trimmed});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

class Reader {
 public:
  Reader(std::string_view text, std::string& scan, std::vector<Directive>& directives)
      : text_(text), scan_(scan), directives_(directives) {}

  void Reveal(size_t from, size_t to) {
    if (from < to) RevealDecoded(text_.substr(0, to), from, to, scan_);
  }

  // [from, to) without surrounding spaces.
  void TrimRange(size_t& from, size_t& to) const {
    while (from < to && (text_[from] == ' ' || text_[from] == '\t')) ++from;
    while (to > from && (text_[to - 1] == ' ' || text_[to - 1] == '\t')) --to;
  }

  // One scalar: "quoted", 'quoted', or plain (up to a " #" comment).
  void RevealScalar(size_t from, size_t to) {
    TrimRange(from, to);
    if (from >= to) return;
    char q = text_[from];
    if (q == '"' || q == '\'') {
      size_t close = from + 1;
      while (close < to && !(text_[close] == q && (q == '\'' || text_[close - 1] != '\\'))) ++close;
      Reveal(from + 1, close);
      return;
    }
    if (q == '|' || q == '>') return;  // a block scalar: its lines follow
    if (q == '[') {
      RevealFlowList(from + 1, to);
      return;
    }
    size_t comment = std::string_view::npos;
    for (size_t i = from; i + 1 < to; ++i)
      if ((text_[i] == ' ' || text_[i] == '\t') && text_[i + 1] == '#') {
        comment = i;
        break;
      }
    if (comment != std::string_view::npos) to = comment;
    TrimRange(from, to);
    Reveal(from, to);
  }

  // Items of [a, "b", c] up to ']' or the end of the line; each item its own sentence.
  void RevealFlowList(size_t from, size_t to) {
    size_t item = from;
    char quote = 0;
    for (size_t i = from; i <= to; ++i) {
      char c = i < to ? text_[i] : ']';
      if (quote) {
        if (c == quote && text_[i - 1] != '\\') quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ',' || c == ']') {
        RevealScalar(item, i);
        if (i < to && scan_[i] == ' ') scan_[i] = '\n';
        item = i + 1;
        if (c == ']') return;
      }
    }
  }

  bool CommentDirective(size_t from, size_t to) {
    TrimRange(from, to);
    if (from >= to || text_[from] != '#') return false;
    size_t body = from;
    while (body < to && text_[body] == '#') ++body;
    if (auto d = ParseDirective(text_.substr(body, to - body), {from, to})) directives_.push_back(std::move(*d));
    return true;
  }

  void Yaml(const std::vector<Line>& lines) {
    bool prose = false;
    for (const Line& l : lines) {
      if (CommentDirective(l.start, l.end)) continue;
      size_t indent = l.start;
      while (indent < l.end && text_[indent] == ' ') ++indent;
      if (indent == l.end) continue;
      bool item = text_[indent] == '-' && (indent + 1 == l.end || text_[indent + 1] == ' ');
      if (indent == l.start && !item) {
        size_t colon = text_.find(':', l.start);
        prose = false;
        if (colon == std::string_view::npos || colon >= l.end) continue;
        size_t kf = l.start, kt = colon;
        TrimRange(kf, kt);
        if (kt > kf && (text_[kf] == '"' || text_[kf] == '\'')) ++kf, --kt;
        prose = IsProseKey(text_.substr(kf, kt - kf));
        if (prose) RevealScalar(colon + 1, l.end);
        continue;
      }
      if (!prose) continue;
      size_t from = indent;
      if (item) from = indent + 1;
      RevealScalar(from, l.end);
    }
  }

  void Toml(const std::vector<Line>& lines) {
    bool prose = false;   // inside a multi-line value of a prose key
    std::string_view closer;  // "]" or """ or ''' while inside one
    for (const Line& l : lines) {
      if (closer.empty() && CommentDirective(l.start, l.end)) continue;
      size_t from = l.start, to = l.end;
      if (!closer.empty()) {
        size_t close = text_.substr(0, to).find(closer, from);
        size_t stop = close == std::string_view::npos ? to : close;
        if (prose) {
          if (closer == "]") RevealQuoted(from, stop);
          else Reveal(from, stop);
        }
        if (close != std::string_view::npos) closer = {};
        continue;
      }
      size_t eq = text_.find('=', from);
      if (eq == std::string_view::npos || eq >= to) continue;
      size_t kf = from, kt = eq;
      TrimRange(kf, kt);
      if (kt > kf && (text_[kf] == '"' || text_[kf] == '\'')) ++kf, --kt;
      std::string_view key = text_.substr(kf, kt - kf);
      if (size_t dot = key.rfind('.'); dot != std::string_view::npos) key.remove_prefix(dot + 1);
      prose = IsProseKey(key);
      size_t vf = eq + 1, vt = to;
      TrimRange(vf, vt);
      std::string_view value = text_.substr(vf, vt - vf);
      for (std::string_view triple : {std::string_view("\"\"\""), std::string_view("'''")}) {
        if (value.starts_with(triple)) {
          size_t close = value.find(triple, 3);
          if (prose) Reveal(vf + 3, close == std::string_view::npos ? vt : vf + close);
          if (close == std::string_view::npos) closer = triple;
          value = {};
          break;
        }
      }
      if (value.empty()) continue;
      if (value.front() == '[') {
        if (prose) RevealQuoted(vf + 1, vt);
        if (value.find(']') == std::string_view::npos) closer = "]";
      } else if (prose) {
        RevealQuoted(vf, vt);
      }
    }
  }

  // Every "..." or '...' string in [from, to); the text between them stays blank, commas
  // become sentence breaks.
  void RevealQuoted(size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      char q = text_[i];
      if (q == ',' && scan_[i] == ' ') scan_[i] = '\n';
      if (q == '#') return;
      if (q != '"' && q != '\'') continue;
      size_t close = i + 1;
      while (close < to && !(text_[close] == q && (q == '\'' || text_[close - 1] != '\\'))) ++close;
      Reveal(i + 1, close);
      i = close;
    }
  }

 private:
  std::string_view text_;
  std::string& scan_;
  std::vector<Directive>& directives_;
};

std::string_view Rstrip(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

size_t MaskFrontMatter(std::string_view text, std::string& scan, std::vector<Directive>& directives) {
  size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::vector<Line> lines = SplitLines(text, start);
  if (lines.size() < 2) return 0;
  std::string_view open = Rstrip(text.substr(lines[0].start, lines[0].end - lines[0].start));
  bool yaml = open == "---", toml = open == "+++";
  if (!yaml && !toml) return 0;
  size_t close = 0;
  for (size_t i = 1; i < lines.size() && close == 0; ++i) {
    std::string_view l = Rstrip(text.substr(lines[i].start, lines[i].end - lines[i].start));
    if ((yaml && (l == "---" || l == "...")) || (toml && l == "+++")) close = i;
  }
  if (close == 0) return 0;
  std::vector<Line> body(lines.begin() + 1, lines.begin() + static_cast<long>(close));
  Reader reader(text, scan, directives);
  if (yaml) reader.Yaml(body);
  else reader.Toml(body);
  // The closing fence ends a paragraph: the post's first lines are not the title's.
  scan[lines[close].start] = '\n';
  size_t end = lines[close].end;
  while (end < text.size() && (text[end] == '\r' || text[end] == '\n')) {
    bool lf = text[end] == '\n';
    ++end;
    if (lf) break;
  }
  return end;
}

}  // namespace discreet
