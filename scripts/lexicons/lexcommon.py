"""Shared helpers for the discreet lexicon builders (Python 3 stdlib only).

Every builder writes UTF-8 TSV: optional '# ' comment lines (source/licence), one
header line, then rows sorted deterministically.  Floats are formatted with fixed
'%.3g' style so that rebuilding gives identical bytes.
"""
import os
import sys
import unicodedata

DICT_PATH = os.environ.get("LEX_DICT", "/usr/share/dict/american-english")

# Brands, months and other everyday words that are not lowercase entries in the
# Debian word list but that a reader would take as an ordinary word or a brand.
EXTRA_COMMON_WORDS = {
    # months and days (capitalised in the dictionary, still ordinary words)
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "christmas", "easter",
    # brands and products that are also given names or surnames and are used
    # on their own as nouns ("my Tesla", "her Chanel", "the Hilton")
    "tesla", "mercedes", "porsche", "jordan", "lexus", "audi", "bentley", "ferrari",
    "chanel", "dior", "gucci", "prada", "armani", "versace", "cartier", "tiffany",
    "lincoln", "cadillac", "chevy", "chevrolet", "dodge", "chrysler", "ford",
    "honda", "toyota", "subaru", "mazda", "nissan", "kia", "hyundai", "volvo",
    "jaguar", "maserati", "lamborghini", "bugatti", "kenzo", "fendi", "celine",
    "hermes", "nike", "adidas", "puma", "harley", "marriott", "hilton", "hyatt",
    "siri", "alexa", "disney", "boeing", "ducati", "mack", "jeep", "genesis",
    "infiniti", "acura", "buick", "lotus", "mclaren", "oakley", "sephora", "zara",
}


def load_common_words(path=DICT_PATH):
    """Lowercase entries of the Debian word list (wamerican), minus possessives."""
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.rstrip("\n")
            if not w or "'" in w:
                continue
            if w == w.lower():
                words.add(w)
    # single letters are in the list but are not evidence of a common word
    words = {w for w in words if len(w) > 1}
    words |= EXTRA_COMMON_WORDS
    return words


def fmt_freq(x):
    """Frequency in (0,1], three significant figures, never 0."""
    if x <= 0:
        raise ValueError("frequency must be > 0")
    if x > 1:
        x = 1.0
    s = "%.3g" % x
    if float(s) <= 0:
        s = "1e-12"
    return s


def fmt_share(x):
    return "%.3f" % max(0.0, min(1.0, x))


_ASCII_MAP = {
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
    "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t",
    "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'", "–": "-", "—": "-",
}


def to_ascii(s):
    out = []
    for ch in s:
        if ch in _ASCII_MAP:
            out.append(_ASCII_MAP[ch])
            continue
        d = unicodedata.normalize("NFKD", ch)
        d = "".join(c for c in d if not unicodedata.combining(c))
        out.append("".join(c for c in d if ord(c) < 128))
    return "".join(out).strip()


def clean_field(s):
    """No tabs, newlines or '|' inside a single-valued field."""
    return " ".join(str(s).replace("\t", " ").replace("|", "/").split())


def write_tsv(path, comments, header, rows):
    """rows must already be in final order; checks for duplicate keys (column 0)."""
    seen = set()
    for r in rows:
        if r[0] in seen:
            raise SystemExit("%s: duplicate key %r" % (path, r[0]))
        seen.add(r[0])
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write("# " + c + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    os.replace(tmp, path)
    print("wrote %s (%d rows)" % (path, len(rows)), file=sys.stderr)


def name_case(lower):
    """'mary' -> 'Mary', 'mary-ann' -> 'Mary-Ann' (SSA stores names without case)."""
    out = []
    up = True
    for ch in lower:
        out.append(ch.upper() if up else ch)
        up = ch in "-' "
    return "".join(out)
