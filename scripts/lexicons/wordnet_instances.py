#!/usr/bin/env python3
"""Build lexicons/en/wordnet_instances.tsv from Debian wordnet-base (WordNet 3.0).

Every noun synset that is an *instance* of something (pointer '@i') is classified by
walking its classes' hypernym chains up to one of these roots (first match in this
order wins):
    person       person.n.01          (people: Lincoln, Einstein)
    city         city.n.01, town.n.01 (Paris, Springfield)
    country      country.n.01 / state.n.04 (nation)
    place        location.n.01        (regions, rivers, mountains, buildings)
    event        event.n.01           (wars, battles, festivals)
    organization social_group.n.01    (companies, bands, parties)
Other instances (deities, works, ...) are skipped.  A name that is an instance of
several kinds (Lincoln: person and city) lists them all, '|'-separated, in the order
above.  WordNet 3.0 Copyright 2006 by Princeton University; licence in lexicons/README.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexcommon as lc

ROOTS = [  # (kind, synset offsets)
    ("person", {"00007846"}),
    ("city", {"08524735", "08665504"}),
    ("country", {"08168978", "08544813"}),
    ("place", {"00027167"}),
    ("event", {"00029378"}),
    ("organization", {"07950920"}),
]
KIND_ORDER = [k for k, _ in ROOTS]


def parse(path):
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            off = parts[0]
            wcnt = int(parts[3], 16)
            words = [parts[4 + 2 * i] for i in range(wcnt)]
            p = 4 + 2 * wcnt
            pcnt = int(parts[p])
            hyper, inst = [], []
            for j in range(pcnt):
                sym, target, pos = parts[p + 1 + 4 * j:p + 4 + 4 * j]
                if pos != "n":
                    continue
                if sym == "@":
                    hyper.append(target)
                elif sym == "@i":
                    inst.append(target)
            synsets[off] = (words, hyper, inst)
    return synsets


def main(wn_dir, out_path):
    syn = parse(os.path.join(wn_dir, "data.noun"))
    memo = {}

    def ancestors(off):
        if off in memo:
            return memo[off]
        memo[off] = {off}
        acc = {off}
        for h in syn[off][1] + syn[off][2]:
            acc |= ancestors(h)
        memo[off] = acc
        return acc

    kinds = {}
    for off, (words, hyper, inst) in syn.items():
        if not inst:
            continue
        anc = set()
        for c in inst:
            anc |= ancestors(c)
        kind = None
        for k, roots in ROOTS:
            if anc & roots:
                kind = k
                break
        if kind is None:
            continue
        for w in words:
            if w.endswith(")"):
                w = w[:w.rindex("(")]
            name = lc.clean_field(w.replace("_", " "))
            if not name:
                continue
            kinds.setdefault(name, set()).add(kind)
    rows = [(n, "|".join(k for k in KIND_ORDER if k in ks)) for n, ks in kinds.items()]
    rows.sort(key=lambda r: (r[0].lower(), r[0]))
    comments = [
        "discreet lexicon: WordNet 3.0 instance nouns (people, cities, countries, places,"
        " events, organizations)",
        "source: Debian wordnet-base (WordNet 3.0 Copyright 2006 by Princeton University;"
        " WordNet licence, see lexicons/README.md); built by scripts/lexicons/build",
    ]
    lc.write_tsv(out_path, comments, ["name", "kind"], rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
