#!/usr/bin/env python3
"""One-off generator (NOT run by scripts/lexicons/build) for
scripts/lexicons/census2000_surname_rates.tsv: the 5,000 most common US surnames with
their Census 2000 rate per 100,000 people rounded to 2 significant figures.

Input: a copy of the US Census Bureau "Frequently Occurring Surnames from Census 2000"
table (public domain) with columns surname, rank, count, prop100k.  The table itself is
not part of the repository; only these rounded figures are, with the citation.
Usage: make_census2000_table.py CENSUS_TSV > census2000_surname_rates.tsv
"""
import math
import sys

TOP = 5000


def main(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            s, rank, count, p = line.rstrip("\n").split("\t")
            if int(rank) > TOP:
                continue
            rows.append((int(rank), s.strip().upper(), float("%.2g" % float(p))))
    rows.sort()
    out = sys.stdout
    out.write("# US Census Bureau, Frequently Occurring Surnames from Census 2000, public domain.\n")
    out.write("# The %d most common surnames; rate = people per 100,000 (universe 269,762,087),"
              " rounded to 2 significant figures by scripts/lexicons/make_census2000_table.py.\n" % TOP)
    out.write("surname\trate_per_100k\n")
    for _, s, p in rows:
        digits = max(0, 1 - int(math.floor(math.log10(p))))
        out.write("%s\t%.*f\n" % (s, digits, p))


if __name__ == "__main__":
    main(sys.argv[1])
