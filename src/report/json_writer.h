// JsonWriter: writes JSON straight into a string, compact or indented the way nlohmann's
// dump(2) indents. The server renders a report per request; building an nlohmann tree
// and serialising it cost more than the check of a 1 KB post.
#pragma once

#include <cstdint>
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
  // The next value is this object member's; `key` is a plain ASCII field name.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view s);  // invalid UTF-8 becomes U+FFFD
  JsonWriter& Number(double x);             // shortest round-trip form, "2000000.0" as nlohmann writes it
  JsonWriter& Int(int64_t x);
  JsonWriter& Uint(uint64_t x);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  JsonWriter& Strings(const std::vector<std::string>& items);

  void Reserve(size_t bytes) { out_.reserve(bytes); }
  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  void Quote(std::string_view s);
  bool PlainDecimal(double x);  // Number's fast path
  void NewLine();

  struct Level {
    bool empty = true;
  };
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
  int indent_;
};

}  // namespace discreet
