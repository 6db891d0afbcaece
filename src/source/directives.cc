// Directive parsing and application.
#include "source/directives.h"

#include <algorithm>

#include "error.h"

namespace discreet {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool Matches(const Directive& d, const Finding& f) {
  if (d.rules.empty()) return true;
  std::string_view source = f.source;
  std::string_view pack = source.substr(0, source.find('/'));
  for (const std::string& r : d.rules)
    if (r == f.rule || r == source || (source.find('/') != std::string_view::npos && r == pack)) return true;
  return false;
}

std::string Describe(const Directive& d) {
  std::string s(DirectiveName(d.kind));
  for (size_t i = 0; i < d.rules.size(); ++i) s += (i ? ", " : " ") + d.rules[i];
  return s;
}

}  // namespace

std::string_view DirectiveName(Directive::Kind kind) {
  switch (kind) {
    case Directive::Kind::kDisableNextLine: return "discreet-disable-next-line";
    case Directive::Kind::kDisable: return "discreet-disable";
    case Directive::Kind::kEnable: return "discreet-enable";
  }
  return "";
}

std::optional<Directive> ParseDirective(std::string_view body, Span span) {
  body = Trim(body);
  constexpr std::string_view kPrefix = "discreet-";
  if (!body.starts_with(kPrefix)) return std::nullopt;
  body.remove_prefix(kPrefix.size());
  Directive d;
  d.span = span;
  std::string_view rest;
  for (auto kind : {Directive::Kind::kDisableNextLine, Directive::Kind::kDisable, Directive::Kind::kEnable}) {
    std::string_view name = DirectiveName(kind).substr(kPrefix.size());
    if (body.starts_with(name) && (body.size() == name.size() || IsSpace(body[name.size()]))) {
      d.kind = kind;
      rest = body.substr(name.size());
      break;
    }
    if (kind == Directive::Kind::kEnable) return std::nullopt;
  }
  if (size_t reason = rest.find(" -- "); reason != std::string_view::npos) rest = rest.substr(0, reason);
  std::string current;
  for (char c : rest) {
    if (c == ',' || IsSpace(c)) {
      if (!current.empty()) d.rules.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) d.rules.push_back(std::move(current));
  return d;
}

void FindTextDirectives(std::string_view text, std::string& scan, std::vector<Directive>& out) {
  if (text.find("discreet-") == std::string_view::npos) return;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    // An optional comment leader, then the directive, then an optional comment closer.
    for (std::string_view lead : {"<!--", "/*", "//", "--", "#", ";", "%"}) {
      if (line.starts_with(lead)) {
        line.remove_prefix(lead.size());
        while (!line.empty() && line.front() == lead.front() && lead.size() == 1) line.remove_prefix(1);
        break;
      }
    }
    line = Trim(line);
    for (std::string_view close : {"-->", "*/"})
      if (line.ends_with(close)) line.remove_suffix(close.size());
    if (line.starts_with("discreet-")) {
      if (auto d = ParseDirective(line, {start, end})) {
        out.push_back(std::move(*d));
        for (size_t i = start; i < end; ++i)
          if (scan[i] != '\r') scan[i] = ' ';
      }
    }
    start = end + 1;
  }
}

std::vector<DirectiveNote> ApplyDirectives(const std::vector<Directive>& directives, const Document& doc,
                                           const std::string& path,
                                           const std::function<bool(std::string_view)>& known,
                                           std::vector<Finding>& findings) {
  std::vector<DirectiveNote> notes;
  if (directives.empty()) return notes;
  for (const Directive& d : directives) {
    for (const std::string& r : d.rules) {
      if (!known(r))
        throw ConfigError(path + ":" + std::to_string(doc.Position(d.span.start).line) + ": unknown rule '" + r +
                          "' in " + std::string(DirectiveName(d.kind)) + " (see `discreet rules` for the ids)");
    }
  }
  std::vector<const Directive*> ordered;
  for (const Directive& d : directives) ordered.push_back(&d);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Directive* a, const Directive* b) { return a->span.start < b->span.start; });
  std::vector<size_t> used(ordered.size(), 0);

  auto suppressed_by = [&](const Finding& f) -> long {
    size_t line = doc.Position(f.span.start).line;
    long region = -1;  // the disable in force, if any
    for (size_t i = 0; i < ordered.size(); ++i) {
      const Directive& d = *ordered[i];
      if (d.kind == Directive::Kind::kDisableNextLine) {
        size_t end_line = doc.Position(d.span.end > d.span.start ? d.span.end - 1 : d.span.start).line;
        if (end_line + 1 == line && Matches(d, f)) return static_cast<long>(i);
        continue;
      }
      if (d.span.start >= f.span.start) break;
      if (!Matches(d, f)) continue;
      region = d.kind == Directive::Kind::kDisable ? static_cast<long>(i) : -1;
    }
    return region;
  };
  std::erase_if(findings, [&](const Finding& f) {
    long by = suppressed_by(f);
    if (by < 0) return false;
    ++used[static_cast<size_t>(by)];
    return true;
  });
  for (size_t i = 0; i < ordered.size(); ++i) {
    if (ordered[i]->kind == Directive::Kind::kEnable || used[i] > 0) continue;
    notes.push_back({doc.Position(ordered[i]->span.start).line, Describe(*ordered[i]) + " suppressed nothing"});
  }
  return notes;
}

}  // namespace discreet
