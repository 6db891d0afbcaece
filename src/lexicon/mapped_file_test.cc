// Tests of MappedFile: the bytes of the file, and nullptr for what cannot be mapped.
#include "lexicon/mapped_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/run_binary.h"

namespace discreet {
namespace {

TEST(MappedFile, HoldsTheFilesBytesWhileAnOwnerLives) {
  testing::TempDir tmp;
  const std::filesystem::path file = std::filesystem::path(tmp.path()) / "image.bin";
  const std::string bytes("header\0with a zero byte\n", 24);
  std::ofstream(file, std::ios::binary) << bytes;
  std::shared_ptr<const MappedFile> mapped = MappedFile::Map(file);
  ASSERT_NE(mapped, nullptr);
  // The mapping outlives the file's name: images are replaced by a rename while mapped.
  std::filesystem::remove(file);
  EXPECT_EQ(mapped->bytes(), bytes);
}

TEST(MappedFile, MissingEmptyAndDirectoriesAreNull) {
  testing::TempDir tmp;
  const std::filesystem::path dir(tmp.path());
  EXPECT_EQ(MappedFile::Map(dir / "missing.bin"), nullptr);
  std::ofstream(dir / "empty.bin", std::ios::binary).flush();
  EXPECT_EQ(MappedFile::Map(dir / "empty.bin"), nullptr);
  EXPECT_EQ(MappedFile::Map(dir), nullptr);
}

}  // namespace
}  // namespace discreet
