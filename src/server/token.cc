// Pairing token storage: exclusive-create a temp file 0600, write, fsync, rename over the
// final name, fsync the folder. Never follows a symlink at the token's path.
#include "server/token.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "error.h"

namespace discreet::server {
namespace {

std::string Errno(const std::string& what, const std::filesystem::path& p) {
  return what + " " + p.string() + ": " + std::strerror(errno);
}

bool IsTokenText(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

void EnsureFolder(const std::filesystem::path& dir) {
  // Parents (~/.config) get the usual mode; the discreet folder itself is private.
  std::error_code ec;
  std::filesystem::create_directories(dir.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) throw ConfigError(Errno("cannot create", dir));
  struct stat st;
  if (::lstat(dir.c_str(), &st) != 0) throw ConfigError(Errno("cannot read", dir));
  if (!S_ISDIR(st.st_mode)) throw ConfigError(dir.string() + ": not a folder");
  if (st.st_uid != ::geteuid()) throw ConfigError(dir.string() + ": owned by another user");
  if ((st.st_mode & 077) != 0 && ::chmod(dir.c_str(), 0700) != 0) throw ConfigError(Errno("cannot chmod", dir));
}

// Writes `content` to `path` via a temp file. With `replace` the rename swaps it in; without,
// link() publishes it only if nothing is there yet (two first runs racing agree on one
// token): returns false when another process won.
bool WriteAtomically(const std::filesystem::path& path, const std::string& content, bool replace) {
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  ::unlink(tmp.c_str());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw ConfigError(Errno("cannot create", tmp));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmp.c_str());
      throw ConfigError(Errno("cannot write", tmp));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw ConfigError(Errno("cannot write", tmp));
  }
  if (replace) {
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
      ::unlink(tmp.c_str());
      throw ConfigError(Errno("cannot rename to", path));
    }
  } else {
    int rc = ::link(tmp.c_str(), path.c_str());
    int err = errno;
    ::unlink(tmp.c_str());
    if (rc != 0) {
      if (err == EEXIST) return false;
      errno = err;
      throw ConfigError(Errno("cannot create", path));
    }
  }
  int dfd = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace

std::filesystem::path TokenPath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::filesystem::path(xdg) / "discreet" / "token";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') return std::filesystem::path(home) / ".config" / "discreet" / "token";
  throw ConfigError("cannot place the pairing token: neither XDG_CONFIG_HOME nor HOME is an absolute path");
}

std::string NewToken() {
  unsigned char bytes[32];
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ConfigError(Errno("cannot open", "/dev/urandom"));
  size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = ::read(fd, bytes + got, sizeof bytes - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      throw ConfigError(Errno("cannot read", "/dev/urandom"));
    }
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string LoadOrCreateToken(const std::filesystem::path& path, bool rotate) {
  EnsureFolder(path.parent_path());
  for (int attempt = 0; attempt < 3; ++attempt, rotate = false) {
  if (!rotate) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      struct stat st;
      if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw ConfigError(Errno("cannot read", path));
      }
      if (!S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) {
        ::close(fd);
        throw ConfigError(path.string() + ": not a regular file owned by you");
      }
      if ((st.st_mode & 077) != 0) {
        ::close(fd);
        throw ConfigError(path.string() + ": readable by other users; run `chmod 600 " + path.string() +
                          "` or `discreet token --rotate`");
      }
      char buf[128];
      ssize_t n = ::read(fd, buf, sizeof buf);
      ::close(fd);
      if (n < 0) throw ConfigError(Errno("cannot read", path));
      std::string text(buf, static_cast<size_t>(n));
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
      if (!IsTokenText(text))
        throw ConfigError(path.string() + ": not a discreet token (64 hex digits); run `discreet token --rotate`");
      return text;
    }
    if (errno != ENOENT) throw ConfigError(Errno("cannot open", path));
  }
  std::string token = NewToken();
  if (WriteAtomically(path, token + "\n", rotate)) return token;
  }
  throw ConfigError(path.string() + ": cannot create the token (another process keeps changing it)");
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Walk the expected length (b: the real token) whatever `a` is; fold the length
  // difference into the result so a prefix never matches.
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < b.size(); ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ static_cast<unsigned char>(b[i]));
  }
  volatile unsigned char result = diff;
  return result == 0;
}

}  // namespace discreet::server
