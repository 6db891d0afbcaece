#!/usr/bin/env bash
# End-to-end test of the pre-commit hook (.pre-commit-hooks.yaml) with the real pre-commit:
#
#   tests/precommit/run.sh BINARY
#
# Makes a throwaway blog repository whose .pre-commit-config.yaml uses this source tree's
# hook at its current commit (pre-commit clones the hook repository at `rev`, so the hook
# definition must be committed), puts BINARY's folder first on PATH as an installed
# `discreet` would be, and shows that a commit of a post naming a client is refused with
# the finding printed, then accepted once the draft is fixed, and accepted with a
# discreet-disable-next-line directive. Installs Debian's pre-commit when it is missing.
set -euo pipefail

binary="$(realpath "${1:?usage: run.sh BINARY}")"
src="$(cd "$(dirname "$0")/../.." && pwd)"

if ! command -v pre-commit >/dev/null; then
  echo "run.sh: installing Debian's pre-commit" >&2
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq pre-commit >/dev/null
fi

rev="$(git -C "$src" rev-parse HEAD)"
if ! git -C "$src" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null; then
  echo "run.sh: .pre-commit-hooks.yaml is not committed at $rev: pre-commit clones the hook repo at rev" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" PATH="$(dirname "$binary"):$PATH"
unset CI NO_COLOR  # the commit output should show the finding itself, as on a writer's machine
mkdir -p "$work/tmp" && export TMPDIR="$work/tmp"
[[ "$(command -v discreet)" == "$(dirname "$binary")/discreet" ]] || {
  echo "run.sh: BINARY must be named discreet (got $binary)" >&2
  exit 1
}

blog="$work/blog"
git init -q -b main "$blog"
cd "$blog"
git config user.name "Test" && git config user.email "test@example.org" && git config commit.gpgsign false
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $src
    rev: $rev
    hooks:
      - id: discreet
YAML
git add .pre-commit-config.yaml
git commit -q --no-verify -m "config"
pre-commit install >/dev/null

fail() {
  echo "run.sh: FAIL: $*" >&2
  echo "--- output ---" >&2
  cat "$work/out" >&2
  exit 1
}

# 1. A post naming a client is refused, and the output names the file, line and rule.
mkdir -p posts
printf -- '---\ntitle: A good week\n---\n\nI massaged Mary Jones today.\n' >posts/week.md
git add posts/week.md
if git commit -m "post" >"$work/out" 2>&1; then fail "the commit of a post naming a client was accepted"; fi
grep -q "posts/week.md:5:12: error: .*\[person-name\]" "$work/out" || fail "the finding is not printed"
grep -q "Mary Jones" "$work/out" || fail "the matched text is not shown"
grep -q "block" "$work/out" || fail "the verdict is not printed"
[[ -z "$(git log --oneline -- posts/week.md)" ]] || fail "posts/week.md was committed"
echo "run.sh: ok: the post naming a client was refused" >&2

# 2. The fixed draft is accepted.
printf -- '---\ntitle: A good week\n---\n\nI massaged a lot of tired shoulders this week.\n' >posts/week.md
git add posts/week.md
git commit -m "post, fixed" >"$work/out" 2>&1 || fail "the fixed post was refused"
[[ -n "$(git log --oneline -- posts/week.md)" ]] || fail "posts/week.md was not committed"
echo "run.sh: ok: the fixed post was accepted" >&2

# 3. A name the writer has permission for, with the directive, is accepted; the same
#    draft without the directive is refused (so the directive is what lets it through).
printf 'Thank you!\n\nI massaged Mary Jones today.\n' >posts/thanks.md
git add posts/thanks.md
if git commit -m "thanks" >"$work/out" 2>&1; then fail "the thank-you post without the directive was accepted"; fi
printf 'Thank you!\n\n<!-- discreet-disable-next-line person-name -->\nI massaged Mary Jones today.\n' >posts/thanks.md
git add posts/thanks.md
git commit -m "thanks, with permission" >"$work/out" 2>&1 || fail "the post with the directive was refused"
[[ -n "$(git log --oneline -- posts/thanks.md)" ]] || fail "posts/thanks.md was not committed"
echo "run.sh: ok: the directive let the named post through" >&2
echo "run.sh: pre-commit hook refuses, then accepts, as documented"
