#!/usr/bin/env bash
# Validates discreet's SARIF against the SARIF 2.1.0 schema and GitHub code scanning's
# ingestion rules with Microsoft's SARIF multitool (pinned in package-lock.json).
#
#   tests/sarif/validate.sh BINARY
#
# The drafts of the dev corpus (../shared/corpus/dev.jsonl beside the clone, or
# $DISCREET_DEV_CORPUS; skipped with a message when absent) and of tests/corpus/own.jsonl
# are written as files to a temporary folder and checked with --format sarif, redacted
# and not. The multitool exits 0 even when it finds errors, so its own SARIF output is
# parsed and any error-level result fails the test. Drafts are written only to the
# temporary folder, which is removed on exit.
set -euo pipefail

binary="$(realpath "${1:?usage: validate.sh BINARY}")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "validate.sh: SKIP: node and npm are needed to run @microsoft/sarif-multitool" >&2
  exit 77
fi

# The validator: npm ci from the committed lock file when node_modules is missing or older
# than the lock file.
tool="$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [[ ! -x "$tool" || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
  echo "validate.sh: npm ci in tests/sarif" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
[[ -f "$tool" ]] || { echo "validate.sh: $tool missing after npm ci" >&2; exit 1; }
[[ -x "$tool" ]] || chmod u+x "$tool"  # the package's postinstall does this; npm may skip scripts
# The multitool is a self-contained .NET program: it needs libicu unless globalization is
# invariant, which validation does not need.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Writes each draft of a labelled corpus (JSON lines) to DIR/<id>.<txt|md|html>.
write_drafts() {
  node - "$1" "$2" <<'JS'
const fs = require('fs'), path = require('path');
const [corpus, dir] = process.argv.slice(2);
fs.mkdirSync(dir, {recursive: true});
const ext = {text: 'txt', markdown: 'md', html: 'html'};
let n = 0;
for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const d = JSON.parse(line);
  const id = String(d.id).replace(/[^A-Za-z0-9_.-]/g, '_');
  fs.writeFileSync(path.join(dir, `${id}.${ext[d.format || 'text'] || 'txt'}`), d.text);
  n++;
}
console.error(`validate.sh: ${n} drafts from ${corpus}`);
JS
}

dev="${DISCREET_DEV_CORPUS:-$root/../shared/corpus/dev.jsonl}"
corpora=("$root/tests/corpus/own.jsonl")
if [[ -f "$dev" ]]; then
  corpora+=("$dev")
else
  echo "validate.sh: dev corpus not found (../shared/corpus/dev.jsonl): validating tests/corpus/own.jsonl only" >&2
fi
i=0
for c in "${corpora[@]}"; do
  write_drafts "$c" "$work/posts/c$i"
  i=$((i + 1))
done

cd "$work"
failed=0
for mode in redact no-redact; do
  log="$work/discreet-$mode.sarif"
  set +e
  "$binary" check posts --format sarif --fail-on never --"$mode" >"$log" 2>"$work/stderr"
  rc=$?
  set -e
  if ((rc != 0)); then
    echo "validate.sh: discreet check --format sarif --$mode exited $rc: $(head -3 "$work/stderr")" >&2
    exit 1
  fi

  out="$work/validation-$mode.sarif"
  # --rule-kind and --level take ;-lists; the npm wrapper runs through a shell, so call the
  # binary directly.
  "$tool" validate "$log" --output "$out" --log ForceOverwrite --rule-kind "Sarif;Gh" --level "Error;Warning;Note" \
    >"$work/multitool.txt" 2>&1 || { cat "$work/multitool.txt" >&2; exit 1; }
  [[ -s "$out" ]] || { echo "validate.sh: the multitool wrote no $out" >&2; cat "$work/multitool.txt" >&2; exit 1; }
  node - "$out" "$mode" <<'JS' || failed=1
const fs = require('fs');
const [out, mode] = process.argv.slice(2);
const run = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0];
const rules = (run.tool.driver.rules || []).concat(...(run.tool.extensions || []).map(e => e.rules || []));
const failures = (run.invocations || []).flatMap(i => (i.toolExecutionNotifications || []).concat(i.toolConfigurationNotifications || []))
  .filter(n => (n.level || 'warning') === 'error');
const counts = {error: 0, warning: 0, note: 0};
for (const r of run.results || []) {
  const level = r.level || 'warning';
  counts[level] = (counts[level] || 0) + 1;
  const rule = rules.find(x => x.id === r.ruleId);
  let text = r.message.text;
  if (!text && rule && rule.messageStrings && r.message.id) {
    text = rule.messageStrings[r.message.id].text;
    (r.message.arguments || []).forEach((a, i) => { text = text.split(`{${i}}`).join(a); });
  }
  if (level !== 'note') console.error(`validate.sh [${mode}]: ${level} ${r.ruleId}: ${text}`);
}
for (const n of failures) console.error(`validate.sh [${mode}]: tool error: ${n.message.text}`);
console.error(`validate.sh [${mode}]: ${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes`);
process.exit(counts.error || failures.length ? 1 : 0);
JS
done
# Redaction: the redacted log's results carry no flagged name of the corpus outside the
# messages, no snippet, and each message is the unredacted one with only the matched text
# swapped for its tag. (Messages are compared rather than searched, since some rule
# messages quote a made-up example such as "Grandpa Joe" that a draft may also use.)
node - "$work/discreet-redact.sarif" "$work/discreet-no-redact.sarif" "${corpora[@]}" <<'JS' || failed=1
const fs = require('fs');
const [redacted, shown, ...corpora] = process.argv.slice(2);
const a = JSON.parse(fs.readFileSync(redacted, 'utf8')).runs[0].results;
const b = JSON.parse(fs.readFileSync(shown, 'utf8')).runs[0].results;
let bad = 0;
const fail = m => { console.error(`validate.sh [redaction]: ${m}`); bad++; };
if (a.length === 0) fail('no results at all: the corpus should give findings');
if (a.length !== b.length) fail(`${a.length} results redacted, ${b.length} not`);
const outside = JSON.stringify(a.map(r => ({...r, message: undefined})));
for (const c of corpora)
  for (const line of fs.readFileSync(c, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    for (const [phrase, rule] of JSON.parse(line).flags || [])
      if (rule === 'person-name' && outside.includes(phrase)) fail(`a ${rule} phrase appears outside the messages`);
  }
for (let i = 0; i < Math.min(a.length, b.length); i++) {
  const tag = a[i].message.text.match(/^(.*) \(\[[a-z0-9\/-]+:[0-9a-f]{6}\]\)$/s);
  const text = b[i].message.text.match(/^(.*) \(".*"\)$/s);
  if (!tag || !text) fail(`result ${i} (${a[i].ruleId}): message not in the expected form`);
  else if (tag[1] !== text[1]) fail(`result ${i} (${a[i].ruleId}): the redacted message differs beyond the tag`);
  if (a[i].locations[0].physicalLocation.region.snippet) fail(`result ${i}: a snippet in the redacted log`);
  if (JSON.stringify(a[i].partialFingerprints) !== JSON.stringify(b[i].partialFingerprints))
    fail(`result ${i}: fingerprints differ between redacted and not`);
}
console.error(`validate.sh [redaction]: ${a.length} results checked, ${bad} problems`);
process.exit(bad ? 1 : 0);
JS
if ((failed)); then
  echo "validate.sh: FAILED" >&2
  exit 1
fi
echo "validate.sh: discreet's SARIF is valid SARIF 2.1.0 with no GitHub ingestion errors"
