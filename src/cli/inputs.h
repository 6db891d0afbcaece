// Reading what the user named: files, "-" for standard input, and directories (walked
// recursively for posts). Failures become one-line messages naming the path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linter.h"

namespace discreet::cli {

struct InputFile {
  std::string path;   // as shown in reports
  std::string bytes;
  InputFormat format = InputFormat::kText;
};

struct InputSet {
  std::vector<InputFile> files;
  std::vector<std::string> errors;  // "PATH: what is wrong", one per unreadable input
};

// Expands and reads `paths` in order (directories sorted); "-" reads standard input once.
InputSet ReadInputs(const std::vector<std::string>& paths);

// Whether a file's extension is one of a post's (.txt, .text, .md, .markdown, .mdx,
// .html, .htm): what a directory walk and `--staged` pick up.
bool IsPostPath(const std::string& path);

// The format a file's name implies: .md/.markdown → Markdown, .html/.htm → HTML.
InputFormat FormatForPath(const std::string& path);

}  // namespace discreet::cli
