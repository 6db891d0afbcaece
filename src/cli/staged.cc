// Reading the index through git itself (no shell; argv only): `git diff --cached
// --name-only -z --diff-filter=ACMR` for the names, `git cat-file blob :PATH` (what
// `git show :PATH` prints, without pagers or text conversion) for each staged blob.
#include "cli/staged.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "cli/args.h"
#include "linter.h"

namespace discreet::cli {
namespace {

namespace fs = std::filesystem;

struct GitResult {
  bool ran = false;  // false: git could not be started
  int exit_code = -1;
  std::string out;
};

// Runs git with `args` in the working directory; stdout captured, stderr discarded (the
// caller says what went wrong in its own words).
GitResult Git(const std::vector<std::string>& args) {
  GitResult result;
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return result;
  std::vector<std::string> copy = {"git", "-c", "core.quotepath=off"};
  copy.insert(copy.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    close(out[0]);
    close(out[1]);
    return result;
  }
  if (pid == 0) {
    dup2(out[1], 1);
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
      dup2(devnull, 0);
      dup2(devnull, 2);
    }
    execvp("git", argv.data());
    _exit(127);
  }
  close(out[1]);
  char buf[65536];
  for (;;) {
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.out.append(buf, static_cast<size_t>(n));
  }
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.ran = result.exit_code != 127;
  return result;
}

}  // namespace

InputSet ReadStaged(const std::vector<std::string>& pathspecs) {
  GitResult top = Git({"rev-parse", "--show-toplevel"});
  if (!top.ran) throw UsageError{"--staged needs git, which could not be run"};
  if (top.exit_code != 0 || top.out.empty())
    throw UsageError{"--staged: " + fs::current_path().string() + " is not inside a git work tree"};
  if (top.out.back() == '\n') top.out.pop_back();
  fs::path root = top.out;

  // --full-name paths are relative to the top level whatever the working directory.
  std::vector<std::string> diff = {"-C", root.string(), "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--"};
  // Pathspecs name files relative to the working directory; git (-C top) reads them from
  // the top, so they are rewritten relative to it.
  fs::path cwd = fs::current_path();
  for (const std::string& spec : pathspecs) {
    fs::path abs = (cwd / spec).lexically_normal();
    fs::path rel = abs.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") throw UsageError{"--staged: " + spec + " is outside the repository " + root.string()};
    diff.push_back(rel.generic_string());
  }
  GitResult names = Git(diff);
  if (names.exit_code != 0) throw UsageError{"--staged: git diff --cached failed in " + root.string()};

  InputSet set;
  size_t start = 0;
  while (start < names.out.size()) {
    size_t nul = names.out.find('\0', start);
    if (nul == std::string::npos) nul = names.out.size();
    std::string name = names.out.substr(start, nul - start);
    start = nul + 1;
    if (name.empty() || !IsPostPath(name)) continue;
    fs::path shown = (root / name).lexically_relative(cwd);
    InputFile f;
    f.path = shown.empty() ? name : shown.generic_string();
    f.format = FormatForPath(name);
    GitResult blob = Git({"-C", root.string(), "cat-file", "blob", ":" + name});
    if (blob.exit_code != 0) {
      set.errors.push_back(f.path + ": cannot read the staged version");
      continue;
    }
    // As inside a directory: binary and oversized files are not posts; skip them.
    if (blob.out.size() > kMaxInputBytes || blob.out.find('\0') != std::string::npos) continue;
    f.bytes = std::move(blob.out);
    set.files.push_back(std::move(f));
  }
  return set;
}

}  // namespace discreet::cli
