// JsonWriter: writes JSON straight into a string, compact or indented the way nlohmann's
// dump(2) indents. The server renders a report per request; building an nlohmann tree
// and serialising it cost more than the check of a 1 KB post.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace discreet {

class JsonWriter {
 public:
  // indent < 0: compact ("a":1,"b":2); otherwise that many spaces per level.
  explicit JsonWriter(int indent = -1) : indent_(indent) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  // The next value is this object member's; `key` is a plain ASCII field name. A string
  // literal's length is known here, so its copy is a few moves, not a call to memcpy.
  JsonWriter& Key(std::string_view key) { return KeyOf(key.data(), key.size()); }
  template <size_t N>
  JsonWriter& Key(const char (&key)[N]) {
    return KeyOf(key, N - 1);
  }

  JsonWriter& String(std::string_view s);  // invalid UTF-8 becomes U+FFFD
  JsonWriter& Number(double x);             // shortest round-trip form, "2000000.0" as nlohmann writes it
  JsonWriter& Int(int64_t x);
  JsonWriter& Uint(uint64_t x);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  JsonWriter& Strings(const std::vector<std::string>& items);

  void Reserve(size_t bytes) {
    if (bytes > buffer_.size()) buffer_.resize(bytes);
  }
  std::string_view str() const { return {buffer_.data(), size_}; }
  std::string Take() {
    buffer_.resize(size_);
    size_ = 0;
    return std::move(buffer_);
  }

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  void Quote(std::string_view s);
  bool PlainDecimal(double x);  // Number's fast path
  void NewLine();
  JsonWriter& KeyOf(const char* key, size_t size) {
    BeforeValue();
    // Keys are the report's own field names: plain ASCII, nothing to validate or escape.
    char* const start = Room(size + 4);
    char* p = start;
    *p++ = '"';
    std::memcpy(p, key, size);
    p += size;
    *p++ = '"';
    *p++ = ':';
    if (indent_ >= 0) *p++ = ' ';
    size_ += static_cast<size_t>(p - start);
    after_key_ = true;
    return *this;
  }

  // Where the next `n` bytes go; the caller advances size_ by what it wrote. Writing
  // through a cursor, not std::string's append and resize (calls into libstdc++ with
  // their checks), halved the cost of rendering a report.
  char* Room(size_t n) {
    if (buffer_.size() - size_ < n) Grow(n);
    return buffer_.data() + size_;
  }
  void Grow(size_t n);
  void Append(std::string_view s) {
    std::memcpy(Room(s.size()), s.data(), s.size());
    size_ += s.size();
  }
  void Fill(size_t n, char c) {
    std::memset(Room(n), c, n);
    size_ += n;
  }
  void Put(char c) {
    *Room(1) = c;
    ++size_;
  }

  struct Level {
    bool empty = true;
  };
  std::string buffer_;  // bytes [0, size_) are the JSON so far; the rest is room
  size_t size_ = 0;
  std::vector<Level> levels_;
  bool after_key_ = false;
  int indent_;
};

}  // namespace discreet
