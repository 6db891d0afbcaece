// JsonPositions: a small scanner over text nlohmann_json has already accepted.
#include "rules/json_positions.h"

#include <algorithm>

namespace discreet {
// Byte offset of every value (and of every object member's key) by JSON pointer. The
// text has already been parsed by nlohmann, so the scanner may assume it is valid.
namespace {

class PositionScanner {
 public:
  explicit PositionScanner(std::string_view s) : s_(s) {}
  std::unordered_map<std::string, size_t> Scan() {
    Value("");
    return std::move(out_);
  }

 private:
  // Whitespace and, for files parsed with comments allowed (.discreet.json), // and /* */
  // comments; strict JSON never has a '/' here, so skipping them changes nothing for it.
  void Ws() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
        size_t end = s_.find("*/", i_ + 2);
        i_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else {
        break;
      }
    }
  }
  std::string String() {
    std::string v;
    ++i_;  // opening quote
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        char e = s_[i_ + 1];
        if (e == 'u') {  // kept raw: keys in packs are plain ASCII
          v.append(s_.substr(i_, 6));
          i_ += 6;
          continue;
        }
        v += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
        i_ += 2;
        continue;
      }
      v += s_[i_++];
    }
    ++i_;  // closing quote
    return v;
  }
  void Value(const std::string& path) {
    Ws();
    if (i_ >= s_.size()) return;
    out_.emplace(path, i_);
    char c = s_[i_];
    if (c == '{') {
      ++i_;
      Ws();
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return;
      }
      while (i_ < s_.size()) {
        Ws();
        size_t key_at = i_;
        std::string key = String();
        std::string member = path + "/" + key;
        out_.emplace(member + "#key", key_at);
        Ws();
        ++i_;  // ':'
        Value(member);
        Ws();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        ++i_;  // '}'
        return;
      }
    } else if (c == '[') {
      ++i_;
      Ws();
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return;
      }
      for (size_t n = 0; i_ < s_.size(); ++n) {
        Value(path + "/" + std::to_string(n));
        Ws();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        ++i_;  // ']'
        return;
      }
    } else if (c == '"') {
      String();
    } else {
      while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' && s_[i_] != '\n' &&
             s_[i_] != '\r' && s_[i_] != '\t')
        ++i_;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  std::unordered_map<std::string, size_t> out_;
};

}  // namespace

std::unordered_map<std::string, size_t> JsonPositions(std::string_view text) { return PositionScanner(text).Scan(); }

LineColumns::LineColumns(std::string_view text) : text_(text), line_starts_{0} {
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

std::string LineColumns::Of(size_t offset) const {
  offset = std::min(offset, text_.size());
  const size_t line = static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                                          line_starts_.begin());
  size_t col = 1;
  for (size_t i = line_starts_[line - 1]; i < offset; ++i) col += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  return std::to_string(line) + ":" + std::to_string(col);
}

std::string LineColumnOf(std::string_view text, size_t offset) { return LineColumns(text).Of(offset); }

std::string PositionOf(const std::unordered_map<std::string, size_t>& positions, std::string_view text,
                       const std::string& pointer) {
  auto it = positions.find(pointer);
  if (it == positions.end() && pointer.ends_with("#key")) it = positions.find(pointer.substr(0, pointer.size() - 4));
  return it == positions.end() ? std::string() : LineColumnOf(text, it->second);
}

}  // namespace discreet
