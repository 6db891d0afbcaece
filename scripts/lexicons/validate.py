#!/usr/bin/env python3
"""Format checks for discreet lexicon TSVs: UTF-8, '# ' comments only before the
header, a header line, same column count on every row, no empty key, no duplicate
keys, frequency in (0,1], female_share in [0,1], flags 0/1, integers where expected."""
import os
import sys

KEYS = {"places.tsv": ("name", "country", "admin1")}
FLOAT01 = {"female_share"}
FLAGS = {"common_word"}
INTS = {"population", "birth_year"}


def check(path):
    errs = []
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    if not text.endswith("\n"):
        errs.append("no final newline")
    lines = text.split("\n")[:-1]
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        if not lines[i].startswith("# "):
            errs.append("comment must start with '# '")
        i += 1
    header = lines[i].split("\t")
    keycols = [header.index(k) for k in KEYS.get(os.path.basename(path), (header[0],))]
    seen = set()
    for ln, line in enumerate(lines[i + 1:], start=i + 2):
        if line.startswith("#"):
            errs.append("line %d: comment after header" % ln)
            continue
        cols = line.split("\t")
        if len(cols) != len(header):
            errs.append("line %d: %d columns, header has %d" % (ln, len(cols), len(header)))
            continue
        key = tuple(cols[k] for k in keycols)
        if not cols[keycols[0]]:
            errs.append("line %d: empty key" % ln)
        if key in seen:
            errs.append("line %d: duplicate key %r" % (ln, key))
        seen.add(key)
        for h, v in zip(header, cols):
            if h == "frequency":
                fv = float(v)
                if not 0 < fv <= 1:
                    errs.append("line %d: frequency %s out of (0,1]" % (ln, v))
            elif h in FLOAT01 and not 0 <= float(v) <= 1:
                errs.append("line %d: %s %s out of [0,1]" % (ln, h, v))
            elif h in FLAGS and v not in ("0", "1"):
                errs.append("line %d: %s %r not 0/1" % (ln, h, v))
            elif h in INTS and v and not v.lstrip("-").isdigit():
                errs.append("line %d: %s %r not an integer" % (ln, h, v))
    for e in errs[:20]:
        print("%s: %s" % (path, e), file=sys.stderr)
    return not errs, len(lines) - i - 1


def main(paths):
    ok = True
    for p in paths:
        good, n = check(p)
        ok &= good
        print("%-28s %7d rows %s" % (os.path.basename(p), n, "ok" if good else "FAILED"),
              file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
