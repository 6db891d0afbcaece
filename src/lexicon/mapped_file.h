// A file mapped read-only into memory: the compiled images (lexicons, dictionary) are read
// in place rather than copied, and unmapped when the last owner lets go.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

namespace discreet {

class MappedFile {
 public:
  // nullptr when the file cannot be opened, is empty or cannot be mapped.
  static std::shared_ptr<const MappedFile> Map(const std::filesystem::path& path);

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_;
  size_t size_;
};

}  // namespace discreet
