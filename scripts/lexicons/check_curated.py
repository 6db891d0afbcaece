#!/usr/bin/env python3
"""Check the hand-curated lexicons in lexicons/en/ (see lexicons/README.md, "Curated lexicons").

Verifies, for every curated file: UTF-8, the header columns, TAB-separated rows with the
header's field count, no empty key, no duplicate keys (case- and accent-folded), shares and
frequencies in (0,1], counts positive integers, enumerated columns within their sets, and
the minimum row count. Alias collisions (an alias that is also another row's key or alias)
are reported as warnings: the linter must resolve them, they are not errors.

Usage: python3 scripts/lexicons/check_curated.py [LEXICON_DIR]    (exit status 1 on errors)
"""
import os
import sys
import unicodedata

MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "varies"}

# file -> spec. key: columns forming the unique key. freq: columns in (0,1]. count: positive
# integer columns. enums: column -> allowed values. multi: '|'-separated columns. min: rows.
SPECS = {
    "organisations.tsv": dict(
        header=["name", "aliases", "kind", "league", "city", "country"], key=["name"],
        enums={"kind": {"team", "company", "university", "organisation"}}, multi=["aliases"], min=450),
    "roles.tsv": dict(
        header=["role", "aliases", "holders", "kind", "suggestion", "local"], key=["role"], count=["holders"],
        enums={"kind": {"executive", "official", "sports", "education", "religious", "royal",
                        "public-safety", "health", "military", "media", "business", "relation"},
               "local": {"0", "1"}},
        multi=["aliases"], min=80),
    "events.tsv": dict(
        header=["name", "aliases", "kind", "month", "participants"], key=["name"], count=["participants"],
        enums={"month": MONTHS}, multi=["aliases"], min=150),
    "holidays.tsv": dict(
        header=["name", "aliases", "month"], key=["name"], enums={"month": MONTHS}, multi=["aliases"], min=20),
    "vehicle_makes.tsv": dict(
        header=["make", "aliases", "share", "class", "suggestion"], key=["make"], freq=["share"],
        enums={"class": {"mainstream", "luxury", "sports", "exotic", "truck", "motorcycle", "ev"}},
        multi=["aliases"], min=60),
    "vehicle_models.tsv": dict(
        header=["make", "model", "aliases", "share", "class"], key=["make", "model"], freq=["share"],
        enums={"class": {"mainstream", "luxury", "sports", "exotic", "truck", "motorcycle", "ev"}},
        multi=["aliases"], min=400, ref={"make": ("vehicle_makes.tsv", "make")}),
    "colours.tsv": dict(header=["colour", "frequency"], key=["colour"], freq=["frequency"], min=15),
    "countries.tsv": dict(
        header=["name", "aliases", "us_residents_born_there"], key=["name"], count=["us_residents_born_there"],
        multi=["aliases"], min=150),
    "proper_adjectives.tsv": dict(
        header=["word", "kind"], key=["word"], enums={"kind": {"nationality", "ethnicity", "religion"}}, min=200),
    "occupations.tsv": dict(
        header=["occupation", "aliases", "share", "suggestion", "travels"], key=["occupation"], freq=["share"],
        enums={"travels": {"", "1"}}, multi=["aliases"], min=300),
    "ages.tsv": dict(header=["age", "share"], key=["age"], freq=["share"], min=111),
    "attributes.tsv": dict(
        header=["phrase", "rule", "frequency", "basis", "suggestion"], key=["phrase"], freq=["frequency"],
        enums={"rule": {"appearance", "household"}}, min=120),
    "health.tsv": dict(
        header=["term", "group", "kind"], key=["term"],
        enums={"kind": {"condition", "procedure", "medication", "mental-health", "symptom"}}, min=600),
}


def fold(s):
    s = unicodedata.normalize("NFKD", s.strip().lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'")


def read_rows(path):
    """Return (header, [(lineno, fields)]) skipping the leading '# ' comment lines."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header, rows = None, []
    for n, line in enumerate(lines, 1):
        if line == "":
            continue
        if header is None:
            if line.startswith("#"):
                continue
            header = line.split("\t")
            continue
        rows.append((n, line.split("\t")))
    return header, rows


def check_file(d, name, spec, errors, warnings):
    path = os.path.join(d, name)
    if not os.path.exists(path):
        errors.append(f"{name}: missing")
        return
    try:
        header, rows = read_rows(path)
    except UnicodeDecodeError as e:
        errors.append(f"{name}: not UTF-8 ({e})")
        return
    if header != spec["header"]:
        errors.append(f"{name}: header {header} != {spec['header']}")
        return
    col = {c: i for i, c in enumerate(header)}
    keys, names = {}, {}
    for n, f in rows:
        where = f"{name}:{n}"
        if len(f) != len(header):
            errors.append(f"{where}: {len(f)} fields, expected {len(header)}")
            continue
        if any(x != x.strip() for x in f):
            errors.append(f"{where}: leading/trailing space in a field")
        key = tuple(fold(f[col[k]]) for k in spec["key"])
        if not all(key):
            errors.append(f"{where}: empty key")
        elif key in keys:
            errors.append(f"{where}: duplicate key {key} (first on line {keys[key]})")
        else:
            keys[key] = n
        for c in spec.get("freq", []):
            try:
                v = float(f[col[c]])
                if not (0 < v <= 1):
                    raise ValueError
            except ValueError:
                errors.append(f"{where}: {c}={f[col[c]]!r} not in (0,1]")
        for c in spec.get("count", []):
            v = f[col[c]]
            if not v.isdigit() or int(v) <= 0:
                errors.append(f"{where}: {c}={v!r} not a positive integer")
        for c, allowed in spec.get("enums", {}).items():
            v = f[col[c]].lower() if c == "month" else f[col[c]]
            if v not in allowed:
                errors.append(f"{where}: {c}={f[col[c]]!r} not in {sorted(allowed)}")
        # alias collisions (warnings): scope them per make for vehicle models
        scope = fold(f[col["make"]]) if "make" in col and name == "vehicle_models.tsv" else ""
        own = set()
        for c in spec.get("multi", []):
            for a in f[col[c]].split("|"):
                if a == "":
                    continue
                if a != a.strip():
                    errors.append(f"{where}: alias {a!r} has surrounding spaces")
                own.add(fold(a))
        if len(spec["key"]) == 1:
            own.add(fold(f[col[spec["key"][0]]]))
        else:
            own.add(fold(f[col[spec["key"][-1]]]))
        for a in own:
            names.setdefault((scope, a), []).append(n)
    for (scope, a), lines in names.items():
        if len(lines) > 1:
            warnings.append(f"{name}: {a!r} names several rows (lines {', '.join(map(str, lines))})")
    if len(rows) < spec["min"]:
        errors.append(f"{name}: {len(rows)} rows, at least {spec['min']} required")
    for c, (other, ocol) in spec.get("ref", {}).items():
        oh, orows = read_rows(os.path.join(d, other)) if os.path.exists(os.path.join(d, other)) else (None, [])
        if oh:
            known = {fold(r[oh.index(ocol)]) for _, r in orows if len(r) == len(oh)}
            for n, f in rows:
                if len(f) == len(header) and fold(f[col[c]]) not in known:
                    errors.append(f"{name}:{n}: {c} {f[col[c]]!r} not in {other}")
    if name == "ages.tsv":
        ages = sorted(int(f[0]) for _, f in rows if f[0].isdigit())
        if ages != list(range(111)):
            errors.append("ages.tsv: ages must be exactly 0..110")
        total = sum(float(f[1]) for _, f in rows if len(f) == 2)
        if abs(total - 1) > 0.01:
            errors.append(f"ages.tsv: shares sum to {total:.4f}, expected ~1")
    print(f"{name}: {len(rows)} rows")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "lexicons", "en")
    errors, warnings = [], []
    for name, spec in SPECS.items():
        check_file(d, name, spec, errors, warnings)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
