// PatternOpenings: reads the start of an RE2 pattern, as far as the first thing that is
// not a literal letter, a digit class or a group of alternatives, and gives up on anything
// else. Giving up is always safe; a wrong opening would lose findings.
#include "rules/pattern_openings.h"

namespace discreet {
namespace {

constexpr size_t kMaxOpenings = 16;

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
// What makes the item before it optional or repeatable from zero.
bool OpensOptional(std::string_view rest) {
  return !rest.empty() && (rest[0] == '?' || rest[0] == '*' || rest.starts_with("{0"));
}

// The ']' that closes the class opening at `open`, or the end of `p`: a ']' first (after
// any '^') is a literal, as are escaped bytes, and "[:alpha:]" nests.
size_t ClassEnd(std::string_view p, size_t open) {
  size_t i = open + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;
  for (; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p.substr(i).starts_with("[:")) {
      const size_t end = p.find(":]", i + 2);
      if (end == std::string_view::npos) return p.size();
      i = end + 1;
    } else if (p[i] == ']') {
      return i;
    }
  }
  return p.size();
}

// From `from`, the first ')' that closes no group opened after `from`, or npos; `bars`
// gets the offset just past each '|' at that level.
size_t LevelEnd(std::string_view p, size_t from, std::vector<size_t>& bars) {
  int depth = 0;
  for (size_t i = from; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      i = ClassEnd(p, i);
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth == 0) return i;
      --depth;
    } else if (c == '|' && depth == 0) {
      bars.push_back(i + 1);
    }
  }
  return std::string_view::npos;
}

// The end of the group that opens at `open` (a '('), or npos; `alternatives` gets the
// offsets where each top-level alternative of the group starts.
size_t GroupEnd(std::string_view p, size_t open, std::vector<size_t>& alternatives) {
  size_t body = open + 1;
  if (p.substr(body).starts_with("?:")) {
    body += 2;
  } else if (p.substr(body).starts_with("?i:") || p.substr(body).starts_with("?-i:")) {
    body = p.find(':', body) + 1;
  } else if (body < p.size() && p[body] == '?') {
    return std::string_view::npos;  // named groups, flags: not followed here
  }
  alternatives.push_back(body);
  return LevelEnd(p, body, alternatives);
}

// Appends the openings of the pattern text starting at `at`; false when they are unknown.
bool OpeningsAt(std::string_view p, size_t at, std::vector<std::string>& out) {
  if (at >= p.size()) return false;
  if (p.substr(at).starts_with("\\d")) {
    if (OpensOptional(p.substr(at + 2))) return false;
    out.emplace_back("#");
    return true;
  }
  if (IsAsciiDigit(p[at])) {
    out.emplace_back("#");
    return true;
  }
  if (IsAsciiLetter(p[at])) {
    size_t end = at;
    while (end < p.size() && IsAsciiLetter(p[end])) ++end;
    if (OpensOptional(p.substr(end)) || (end < p.size() && p[end] == '{')) --end;  // "colou?r", "s{2}"
    if (end == at) return false;
    std::string opening(p.substr(at, end - at));
    for (char& c : opening) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    out.push_back(std::move(opening));
    return true;
  }
  if (p[at] == '(') {
    std::vector<size_t> alternatives;
    const size_t close = GroupEnd(p, at, alternatives);
    if (close == std::string_view::npos || OpensOptional(p.substr(close + 1))) return false;
    for (size_t alt : alternatives)
      if (!OpeningsAt(p.substr(0, close), alt, out)) return false;
    return true;
  }
  return false;
}

// Whether `p` is an alternation at its top level ("\\bfoo|bar": "bar" may begin anywhere).
bool HasTopLevelBar(std::string_view p) {
  std::vector<size_t> bars;
  LevelEnd(p, 0, bars);
  return !bars.empty();
}

}  // namespace

std::optional<std::vector<std::string>> PatternOpenings(std::string_view pattern) {
  if (pattern.starts_with("(?i)")) pattern.remove_prefix(4);
  if (!pattern.starts_with("\\b") || HasTopLevelBar(pattern)) return std::nullopt;
  std::vector<std::string> openings;
  if (!OpeningsAt(pattern, 2, openings) || openings.size() > kMaxOpenings) return std::nullopt;
  return openings;
}

}  // namespace discreet
