// Length-prefixed, 8-byte aligned pieces: the framing of compiled lexicon images, so that
// arrays inside a memory-mapped image can be used in place.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "error.h"

namespace discreet::image_io {

inline void Append(std::string& out, const void* data, size_t bytes) {
  uint64_t size = bytes;
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
  if (bytes) out.append(static_cast<const char*>(data), bytes);
  out.append((8 - bytes % 8) % 8, '\0');
}

inline void Append(std::string& out, std::string_view s) { Append(out, s.data(), s.size()); }

// Reads one piece and advances `image` past it; nullopt when the image is too short.
inline std::optional<std::string_view> Take(std::string_view& image) {
  if (image.size() < 8) return std::nullopt;
  uint64_t size;
  std::memcpy(&size, image.data(), sizeof size);
  if (size > image.size()) return std::nullopt;
  uint64_t padded = size + (8 - size % 8) % 8;
  if (image.size() - 8 < padded) return std::nullopt;
  std::string_view piece = image.substr(8, size);
  image.remove_prefix(8 + padded);
  return piece;
}

// Writes `image` to `out` atomically: a temporary file beside it, then a rename, so a
// reader never maps half an image. Throws ConfigError.
inline void WriteAtomically(const std::filesystem::path& out, std::string_view image) {
  std::error_code ec;
  std::filesystem::create_directories(out.parent_path(), ec);
  std::filesystem::path tmp = out;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!f) throw ConfigError(tmp.string() + ": cannot write");
  }
  std::filesystem::rename(tmp, out, ec);
  if (ec) throw ConfigError(out.string() + ": cannot write: " + ec.message());
}

}  // namespace discreet::image_io
