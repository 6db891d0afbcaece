#!/usr/bin/env python3
"""Self-check for discreet rule packs (python3 stdlib only).

    python3 plugins/check_packs.py [--corpus shared/corpus/dev.jsonl] [--quiet] [PACK_DIR...]

With no PACK_DIR it checks every folder under plugins/ that holds a plugin.json.

What it checks:
  * the format (the same rules as plugin.schema.json, plus what a schema cannot say):
    fields and types, pack name = folder, rule ids "<pack>/<rule>" unique across packs,
    catalogue rule and its category, severity, frequency only on (quasi-)identifiers,
    "@list" references, terms_file / lexicon files, >= 2 examples of each kind;
  * patterns: RE2-only syntax (no backreferences, lookaround, atomic groups, possessive
    quantifiers, \\Z ...); when g++ and RE2 headers are present, every pattern is also
    compiled by the real RE2 in a throwaway helper;
  * examples: an approximation of the engine's matcher (folded tokens, longest match,
    context windows within a paragraph, patterns on the raw text with ASCII classes like
    RE2) must match every `match` example and none of the `no_match` ones. The check is
    deliberately pessimistic: a `match` example must match under the strictest reading
    of the format (multi-word terms only across spaces/hyphens, required context words
    entirely inside the window, hashtags and @handles are not words) and a `no_match`
    example must not match under the loosest reading (terms across punctuation,
    hashtags count as words, forbidden context words only count when fully inside);
  * with --corpus: no `clean` phrase of the labelled corpus is covered by a finding of
    severity warning or above; flags found by the packs are listed for information.

Exit status: 0 clean, 1 problems found, 2 usage error.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
LEXICONS = os.path.join(REPO, "lexicons")

CATALOGUE = {
    "person-name": "identifier", "public-figure": "identifier", "public-role": "identifier",
    "contact-info": "identifier", "id-number": "identifier", "exact-date": "identifier",
    "age": "quasi-identifier", "place": "quasi-identifier", "vehicle": "quasi-identifier",
    "occupation": "quasi-identifier", "appearance": "quasi-identifier",
    "household": "quasi-identifier", "event": "quasi-identifier", "time": "quasi-identifier",
    "health": "sensitive", "intimate": "sensitive", "personal-life": "sensitive",
    "session-content": "sensitive", "gossip": "sensitive",
    "client-context": "context",
}
SEVERITIES = ("info", "warning", "error")
SEV_RANK = {s: i for i, s in enumerate(SEVERITIES)}
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")
PACK_KEYS = {"name", "version", "description", "lists", "rules"}
PACK_REQUIRED = {"name", "version", "description", "rules"}
RULE_KEYS = {"id", "rule", "category", "severity", "message", "description", "terms",
             "terms_file", "lexicon", "patterns", "context", "frequency", "not_in_names",
             "suggestions", "examples"}
RULE_REQUIRED = {"id", "rule", "category", "severity", "message", "description", "examples"}
CONTEXT_KEYS = {"must", "before", "after", "terms"}
MAX_WINDOW = 50

# Constructs that Python's re accepts but RE2 rejects (or means something else).
RE2_FORBIDDEN = [
    (re.compile(r"\\[1-9]"), "backreference \\N"),
    (re.compile(r"\(\?P="), "named backreference (?P=...)"),
    (re.compile(r"\\k<"), "named backreference \\k<...>"),
    (re.compile(r"\(\?=|\(\?!"), "lookahead (?= / (?!"),
    (re.compile(r"\(\?<[=!]"), "lookbehind (?<= / (?<!"),
    (re.compile(r"\(\?>"), "atomic group (?>"),
    (re.compile(r"\(\?\("), "conditional (?(...)"),
    (re.compile(r"\(\?#"), "comment group (?#"),
    (re.compile(r"[*+?}]\+"), "possessive quantifier"),
    (re.compile(r"\\Z"), "\\Z (use $ without (?m))"),
    (re.compile(r"\\z"), "\\z (Python does not know it; use $)"),
    (re.compile(r"\\G"), "\\G"),
    (re.compile(r"\(\?[a-zA-Z]*[xLua]"), "flag RE2 does not support (only i, m, s, U)"),
]


# --------------------------------------------------------------------------- folding
def fold_map(text):
    """Case- and accent-fold `text`; returns (folded, index) where index[i] is the
    position in `text` of folded character i."""
    out, idx = [], []
    for i, ch in enumerate(text):
        if ch in "\u2019\u2018\u02bc":
            ch = "'"
        for c in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(c):
                continue
            for lc in c.lower():
                out.append(lc)
                idx.append(i)
    return "".join(out), idx


def fold(text):
    return fold_map(text)[0]


WORD_RE = re.compile(r"\w+(?:['.]\w+)*")


class Token:
    __slots__ = ("key", "start", "end", "tagged", "possessive")

    def __init__(self, key, start, end, tagged, possessive):
        self.key, self.start, self.end, self.tagged = key, start, end, tagged
        self.possessive = possessive


def tokenize(text):
    """Word tokens of `text` with spans in `text`. Keys are folded; a possessive 's
    is dropped ("Beyoncé's" -> "beyonce")."""
    folded, idx = fold_map(text)
    toks = []
    for m in WORD_RE.finditer(folded):
        key = m.group(0)
        possessive = len(key) > 2 and key.endswith("'s")
        if possessive:
            key = key[:-2]
        s, e = m.start(), m.end()
        tagged = s > 0 and folded[s - 1] in "#@"
        start = idx[s]
        end = idx[e - 1] + 1
        toks.append(Token(key, start, end, tagged, possessive))
    return toks


def term_keys(term):
    return [t.key for t in tokenize(term)]


def paragraphs(text):
    """(start, end) spans of paragraphs (separated by blank lines)."""
    spans, pos = [], 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


# --------------------------------------------------------------------------- matcher
class Matcher:
    """Approximation of the engine's rule matcher for one compiled rule."""

    def __init__(self, rule, lists, pack_dir, loose):
        self.loose = loose
        self.not_in_names = rule.get("not_in_names") is True
        self.phrases = []  # list of key lists
        for t in expand(rule.get("terms", []), lists):
            k = term_keys(t)
            if k:
                self.phrases.append(k)
        if "terms_file" in rule:
            for t, _ in read_tsv_terms(os.path.join(pack_dir, rule["terms_file"])):
                k = term_keys(t)
                if k:
                    self.phrases.append(k)
        # Lexicon phrases only count under the loose reading: `match` examples must pass on the
        # pack's own terms (lexicons are edited independently), while `no_match` examples and
        # corpus clean phrases must stay clean whatever the lexicon holds.
        if loose and "lexicon" in rule:
            for t in read_lexicon_phrases(os.path.join(LEXICONS, rule["lexicon"])):
                k = term_keys(t)
                if k:
                    self.phrases.append(k)
        self.patterns = [re.compile(p, re.ASCII) for p in rule.get("patterns", [])]
        self.context = []
        for c in rule.get("context", []):
            keys = [term_keys(t) for t in expand(c["terms"], lists)]
            self.context.append((c["must"], c["before"], c["after"], [k for k in keys if k]))

    # -- phrase search over a token list -----------------------------------------
    def _joined(self, text, a, b, loose):
        """May tokens a and b (adjacent in the list) be part of one multi-word term?"""
        gap = text[a.end:b.start]
        if loose:
            return True
        return re.fullmatch(r"[ \t\u00a0-]+", gap) is not None and not b.tagged

    def phrase_hits(self, text, toks, phrases, loose=None):
        loose = self.loose if loose is None else loose
        hits = []
        for i in range(len(toks)):
            if toks[i].tagged and not loose:
                continue
            best = None
            for ph in phrases:
                n = len(ph)
                if i + n > len(toks):
                    continue
                # a possessive word ends a phrase: "Beyoncé's manager" is not "beyonce manager"
                if all(toks[i + j].key == ph[j] for j in range(n)) and all(
                        self._joined(text, toks[i + j], toks[i + j + 1], loose)
                        and not toks[i + j].possessive for j in range(n - 1)):
                    if best is None or n > best:
                        best = n
            if best:
                hits.append((i, i + best))
        return hits

    def _context_ok(self, text, toks, s, e):
        for must, before, after, phrases in self.context:
            win_lo, win_hi = max(0, s - before), min(len(toks), e + after)
            found = False
            # forbidden words are looked for under the opposite reading
            for (a, b) in self.phrase_hits(text, toks, phrases, self.loose == must):
                if b <= s:      # before the match
                    inside = a >= win_lo
                    touches = b > win_lo
                elif a >= e:    # after the match
                    inside = b <= win_hi
                    touches = a < win_hi
                else:           # overlaps the match itself: never counts
                    continue
                # a required word must be fully inside (strict) / may touch (loose);
                # a forbidden word counts when it touches (strict) / is inside (loose).
                ok = (touches if self.loose else inside) if must else (inside if self.loose else touches)
                if ok:
                    found = True
                    break
            if must and not found:
                return False
            if not must and found:
                return False
        return True

    def find(self, text):
        """Spans (start, end) in text matched by the rule."""
        out = []
        for (ps, pe) in paragraphs(text):
            para = text[ps:pe]
            toks = tokenize(para)
            for (a, b) in self.phrase_hits(para, toks, self.phrases):
                if self.not_in_names and in_capitalised_name(para, toks, a, b):
                    continue
                if self._context_ok(para, toks, a, b):
                    out.append((ps + toks[a].start, ps + toks[b - 1].end))
            for rx in self.patterns:
                for m in rx.finditer(para):
                    if m.end() == m.start():
                        continue
                    covered = [i for i, t in enumerate(toks) if t.start < m.end() and t.end > m.start()]
                    if not covered:
                        continue
                    if self._context_ok(para, toks, covered[0], covered[-1] + 1):
                        out.append((ps + m.start(), ps + m.end()))
        return out


CONDITION_WORDS = {"disease", "diseases", "syndrome", "disorder", "palsy", "fever"}


def in_capitalised_name(text, toks, a, b):
    """The engine's not_in_names test (rules/pack_detector.cc): every word of toks[a:b]
    capitalised, a capitalised neighbour with only a space between (not a possessive, not
    a condition word like "Disease"), and lowercase words elsewhere in the paragraph."""
    def shape(t):
        w = text[t.start:t.end]
        if w[:1].isupper() and not (len(w) > 1 and w.isupper()):
            return "cap"
        return "lower" if w[:1].islower() else "other"

    def name_word(i, j):  # toks[i] a neighbour of toks[j]
        lo, hi = min(i, j), max(i, j)
        t = toks[i]
        return (re.fullmatch(r"[ \t\u00a0]+", text[toks[lo].end:toks[hi].start]) is not None
                and shape(t) == "cap" and not t.possessive and t.key not in CONDITION_WORDS)

    if any(shape(t) != "cap" for t in toks[a:b]):
        return False
    if not ((a > 0 and name_word(a - 1, a)) or (b < len(toks) and name_word(b, b - 1))):
        return False
    return sum(1 for t in toks[:a] + toks[b:] if shape(t) == "lower") >= 2


def expand(terms, lists):
    out = []
    for t in terms:
        if isinstance(t, str) and t.startswith("@"):
            out.extend(lists.get(t[1:], []))
        else:
            out.append(t)
    return out


def read_lexicon_phrases(path):
    """First column (and any `aliases` column, split on |) of a lexicons/ TSV: '#' lines
    are comments, the first other line is the header."""
    if not os.path.isfile(path):
        return []
    out, header = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            out.append(cols[0])
            if "aliases" in header:
                i = header.index("aliases")
                if i < len(cols) and cols[i]:
                    out.extend(a for a in cols[i].split("|") if a.strip())
    return out


def read_tsv_terms(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n").rstrip("\r") for l in f]
    header = lines[0].split("\t")
    fi = header.index("frequency") if "frequency" in header else None
    rows = []
    for l in lines[1:]:
        if not l.strip() or l.startswith("#"):
            continue
        cols = l.split("\t")
        freq = cols[fi] if fi is not None and fi < len(cols) else None
        rows.append((cols[0], freq))
    return rows


# --------------------------------------------------------------------------- checks
class Report:
    def __init__(self):
        self.errors, self.warnings = [], []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings.append("%s: %s" % (where, msg))


def is_str_list(v, allow_empty=False):
    return isinstance(v, list) and (allow_empty or v) and all(isinstance(x, str) and x.strip() for x in v)


def check_pattern(p, where, rep):
    for rx, what in RE2_FORBIDDEN:
        if rx.search(p):
            rep.err(where, "pattern %r uses %s, which RE2 does not support" % (p, what))
    try:
        re.compile(p, re.ASCII)
    except re.error as e:
        rep.err(where, "pattern %r does not compile: %s" % (p, e))


def check_pack(pack_dir, rep, seen_ids):
    folder = os.path.basename(os.path.normpath(pack_dir))
    path = os.path.join(pack_dir, "plugin.json")
    where = os.path.relpath(path, REPO)
    try:
        with open(path, encoding="utf-8") as f:
            pack = json.load(f)
    except (OSError, ValueError) as e:
        rep.err(where, "cannot load: %s" % e)
        return None
    if not isinstance(pack, dict):
        rep.err(where, "top level must be an object")
        return None
    for k in set(pack) - PACK_KEYS:
        rep.err(where, "unknown field %r" % k)
    for k in PACK_REQUIRED - set(pack):
        rep.err(where, "missing field %r" % k)
    name = pack.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        rep.err(where, "name must match [a-z0-9-]+")
    elif name != folder:
        rep.err(where, "name %r differs from its folder %r" % (name, folder))
    if not isinstance(pack.get("version"), str) or not VERSION_RE.match(pack.get("version", "")):
        rep.err(where, "version must be semantic (1.2.3)")
    if not isinstance(pack.get("description"), str) or not pack.get("description", "").strip():
        rep.err(where, "description must be a non-empty string")
    lists = pack.get("lists", {})
    if not isinstance(lists, dict):
        rep.err(where, "lists must be an object")
        lists = {}
    for ln, lv in lists.items():
        if not NAME_RE.match(ln.replace("_", "-")):
            rep.err(where, "list name %r must match [a-z0-9_-]+" % ln)
        if not is_str_list(lv):
            rep.err(where, "list %r must be a non-empty array of non-empty strings" % ln)
            lists[ln] = []
        elif any(x.startswith("@") for x in lv):
            rep.err(where, "list %r: lists cannot reference lists" % ln)
    rules = pack.get("rules")
    if not isinstance(rules, list) or not rules:
        rep.err(where, "rules must be a non-empty array")
        return pack
    used_lists = set()
    for n, rule in enumerate(rules):
        rwhere = "%s: rules[%d]" % (where, n)
        if not isinstance(rule, dict):
            rep.err(rwhere, "rule must be an object")
            continue
        rid = rule.get("id")
        if isinstance(rid, str):
            rwhere = "%s: %s" % (where, rid)
        for k in set(rule) - RULE_KEYS:
            rep.err(rwhere, "unknown field %r" % k)
        for k in RULE_REQUIRED - set(rule):
            rep.err(rwhere, "missing field %r" % k)
        if not isinstance(rid, str) or "/" not in rid:
            rep.err(rwhere, "id must be '<pack>/<rule-name>'")
        else:
            p, _, r = rid.partition("/")
            if p != name:
                rep.err(rwhere, "id must start with the pack name %r" % name)
            if not NAME_RE.match(r):
                rep.err(rwhere, "rule-name must match [a-z0-9-]+")
            if rid in seen_ids:
                rep.err(rwhere, "duplicate id (also in %s)" % seen_ids[rid])
            seen_ids[rid] = where
        cat_rule = rule.get("rule")
        if cat_rule not in CATALOGUE:
            rep.err(rwhere, "rule %r is not a catalogue rule" % cat_rule)
        elif rule.get("category") != CATALOGUE[cat_rule]:
            rep.err(rwhere, "category %r but catalogue rule %r is %r"
                    % (rule.get("category"), cat_rule, CATALOGUE[cat_rule]))
        if rule.get("severity") not in SEVERITIES:
            rep.err(rwhere, "severity must be one of %s" % ", ".join(SEVERITIES))
        for k in ("message", "description"):
            if not isinstance(rule.get(k), str) or not rule.get(k, "").strip():
                rep.err(rwhere, "%s must be a non-empty string" % k)
        if not any(k in rule for k in ("terms", "terms_file", "lexicon", "patterns")):
            rep.err(rwhere, "needs at least one of terms, terms_file, lexicon, patterns")

        def check_terms(v, what):
            if not is_str_list(v):
                rep.err(rwhere, "%s must be a non-empty array of non-empty strings" % what)
                return
            for t in v:
                if t.startswith("@"):
                    if t[1:] not in lists:
                        rep.err(rwhere, "%s: unknown list %r" % (what, t))
                    used_lists.add(t[1:])
                elif not term_keys(t):
                    rep.err(rwhere, "%s: %r has no word in it" % (what, t))
                elif any(tk.possessive for tk in tokenize(t)[:-1]):
                    rep.err(rwhere, "%s: %r can never match: a possessive word ends a phrase "
                            "(use a pattern for it)" % (what, t))
            keys = [tuple(term_keys(t)) for t in v if not t.startswith("@")]
            dups = {k for k in keys if keys.count(k) > 1}
            for d in sorted(dups):
                rep.warn(rwhere, "%s: %r listed more than once (after folding)" % (what, " ".join(d)))

        if "terms" in rule:
            check_terms(rule["terms"], "terms")
        if "terms_file" in rule:
            tf = rule["terms_file"]
            tpath = os.path.join(pack_dir, tf) if isinstance(tf, str) else None
            if not tpath or os.path.isabs(tf) or ".." in tf.split("/") or not tf.endswith(".tsv"):
                rep.err(rwhere, "terms_file must be a relative .tsv path inside the pack")
            elif not os.path.isfile(tpath):
                rep.err(rwhere, "terms_file %s does not exist" % tf)
            else:
                rows = read_tsv_terms(tpath)
                if not rows:
                    rep.err(rwhere, "terms_file %s has no entries" % tf)
                for t, fr in rows:
                    if not term_keys(t):
                        rep.err(rwhere, "terms_file %s: %r has no word" % (tf, t))
                    elif any(tk.possessive for tk in tokenize(t)[:-1]):
                        rep.err(rwhere, "terms_file %s: %r can never match: a possessive word ends a phrase" % (tf, t))
                    if fr not in (None, ""):
                        try:
                            fv = float(fr)
                            if not 0 < fv <= 1:
                                raise ValueError
                        except ValueError:
                            rep.err(rwhere, "terms_file %s: frequency %r of %r not in (0,1]" % (tf, fr, t))
                        if CATALOGUE.get(cat_rule) not in ("identifier", "quasi-identifier"):
                            rep.err(rwhere, "terms_file frequencies are for identifier and quasi-identifier rules only")
        if "lexicon" in rule:
            lx = rule["lexicon"]
            if not isinstance(lx, str) or os.path.isabs(lx) or ".." in lx.split("/") or not lx.endswith(".tsv"):
                rep.err(rwhere, "lexicon must be a relative .tsv path under lexicons/")
            elif not os.path.isfile(os.path.join(LEXICONS, lx)):
                rep.warn(rwhere, "lexicon lexicons/%s does not exist (yet)" % lx)
        if "patterns" in rule:
            if not is_str_list(rule["patterns"]):
                rep.err(rwhere, "patterns must be a non-empty array of strings")
            else:
                for p in rule["patterns"]:
                    check_pattern(p, rwhere, rep)
        if "context" in rule:
            ctx = rule["context"]
            if not isinstance(ctx, list) or not ctx:
                rep.err(rwhere, "context must be a non-empty array")
            else:
                for i, c in enumerate(ctx):
                    cw = "%s: context[%d]" % (rwhere, i)
                    if not isinstance(c, dict):
                        rep.err(cw, "must be an object")
                        continue
                    for k in set(c) - CONTEXT_KEYS:
                        rep.err(cw, "unknown field %r" % k)
                    for k in CONTEXT_KEYS - set(c):
                        rep.err(cw, "missing field %r" % k)
                    if not isinstance(c.get("must"), bool):
                        rep.err(cw, "must must be true or false")
                    for k in ("before", "after"):
                        v = c.get(k)
                        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= MAX_WINDOW:
                            rep.err(cw, "%s must be an integer 0..%d" % (k, MAX_WINDOW))
                    if c.get("before") == 0 and c.get("after") == 0:
                        rep.err(cw, "an empty window (before = after = 0) never sees anything")
                    check_terms(c.get("terms"), "context[%d].terms" % i)
        if "frequency" in rule:
            fr = rule["frequency"]
            if isinstance(fr, bool) or not isinstance(fr, (int, float)) or not 0 < fr <= 1:
                rep.err(rwhere, "frequency must be a number in (0,1]")
            if CATALOGUE.get(cat_rule) not in ("identifier", "quasi-identifier"):
                rep.err(rwhere, "frequency is for identifier and quasi-identifier rules only")
        elif CATALOGUE.get(cat_rule) == "quasi-identifier":
            rep.err(rwhere, "quasi-identifier rules in shipped packs must give a frequency")
        if "suggestions" in rule and not is_str_list(rule["suggestions"]):
            rep.err(rwhere, "suggestions must be a non-empty array of strings")
        ex = rule.get("examples")
        if not isinstance(ex, dict) or set(ex) != {"match", "no_match"}:
            rep.err(rwhere, "examples must be an object with exactly 'match' and 'no_match'")
        else:
            for k in ("match", "no_match"):
                if not is_str_list(ex[k]) or len(ex[k]) < 2:
                    rep.err(rwhere, "examples.%s needs at least 2 sentences" % k)
    for ln in set(lists) - used_lists:
        rep.warn(where, "list %r is never used" % ln)
    return pack


def run_examples(pack_dir, pack, rep):
    lists = pack.get("lists", {}) if isinstance(pack.get("lists"), dict) else {}
    n = 0
    for rule in pack.get("rules", []):
        try:
            strict = Matcher(rule, lists, pack_dir, loose=False)
            loose = Matcher(rule, lists, pack_dir, loose=True)
        except (KeyError, TypeError, re.error, OSError, ValueError) as e:
            rep.err(rule.get("id", "?"), "cannot build matcher: %s" % e)
            continue
        ex = rule.get("examples", {})
        for s in ex.get("match", []):
            n += 1
            if not strict.find(s):
                rep.err(rule["id"], "match example not matched: %r" % s)
        for s in ex.get("no_match", []):
            n += 1
            hits = loose.find(s)
            if hits:
                rep.err(rule["id"], "no_match example matched %r: %r"
                        % ([s[a:b] for a, b in hits], s))
    return n


def run_corpus(corpus, packs, rep, quiet):
    matchers = []
    for pack_dir, pack in packs:
        lists = pack.get("lists", {})
        for rule in pack.get("rules", []):
            matchers.append((rule, Matcher(rule, lists, pack_dir, loose=True),
                             Matcher(rule, lists, pack_dir, loose=False)))
    found_lines = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            spans, strict_spans = [], []
            for rule, lm, sm in matchers:
                for (a, b) in lm.find(text):
                    spans.append((a, b, rule))
                for (a, b) in sm.find(text):
                    strict_spans.append((a, b, rule))
            for phrase in doc.get("clean", []):
                i = text.find(phrase)
                if i < 0:
                    continue
                j = i + len(phrase)
                for a, b, rule in spans:
                    if a < j and b > i and SEV_RANK[rule["severity"]] >= SEV_RANK["warning"]:
                        rep.err("corpus %s" % doc["id"], "clean phrase %r covered by %s (%s) on %r"
                                % (phrase, rule["id"], rule["severity"], text[a:b]))
            for phrase, want in doc.get("flags", []):
                i = text.find(phrase)
                j = i + len(phrase)
                by = sorted({r["id"] for a, b, r in strict_spans if a < j and b > i and r["rule"] == want})
                if by:
                    found_lines.append("  %s %-28s %-16s <- %s" % (doc["id"], phrase[:28], want, ", ".join(by)))
    if not quiet and found_lines:
        print("corpus flags found by the packs:")
        print("\n".join(found_lines))


def schema_check(packs, rep):
    """Validate against plugin.schema.json too when the jsonschema module is installed."""
    try:
        import jsonschema
    except ImportError:
        return
    with open(os.path.join(HERE, "plugin.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    for d, pack in packs:
        for e in validator.iter_errors(pack):
            where = "/".join(str(x) for x in e.absolute_path)
            rep.err(os.path.relpath(os.path.join(d, "plugin.json"), REPO),
                    "schema: %s: %s" % (where or "(top)", e.message[:200]))


RE2_HELPER = r'''
#include <re2/re2.h>
#include <iostream>
#include <string>
int main() {
  std::string line; int bad = 0;
  while (std::getline(std::cin, line)) {
    RE2 re(line, RE2::Quiet);
    if (!re.ok()) { std::cout << line << "\t" << re.error() << "\n"; bad = 1; }
  }
  return bad;
}
'''


def re2_compile_all(patterns, rep):
    """Compile patterns with the real RE2 when a compiler and the library are here."""
    cxx = shutil.which("g++") or shutil.which("c++") or shutil.which("clang++")
    if not patterns:
        return "no patterns"
    if not cxx:
        return "skipped (no C++ compiler)"
    with tempfile.TemporaryDirectory() as d:
        src, exe = os.path.join(d, "re2check.cc"), os.path.join(d, "re2check")
        with open(src, "w") as f:
            f.write(RE2_HELPER)
        r = subprocess.run([cxx, "-std=c++17", "-O0", src, "-o", exe, "-lre2", "-pthread"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return "skipped (RE2 library not found)"
        r = subprocess.run([exe], input="\n".join(p for p, _ in patterns) + "\n",
                           capture_output=True, text=True)
        where = {p: w for p, w in patterns}
        for line in r.stdout.splitlines():
            p, _, e = line.partition("\t")
            rep.err(where.get(p, "?"), "RE2 rejects pattern %r: %s" % (p, e))
    return "compiled %d patterns with RE2" % len(patterns)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("packs", nargs="*", help="pack folders (default: every folder in plugins/)")
    ap.add_argument("--corpus", help="labelled corpus (.jsonl) whose clean phrases must stay clean")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    dirs = args.packs or sorted(
        os.path.join(HERE, d) for d in os.listdir(HERE)
        if os.path.isfile(os.path.join(HERE, d, "plugin.json")))
    if not dirs:
        print("no packs found", file=sys.stderr)
        return 2
    rep, seen, packs, nex, nrules = Report(), {}, [], 0, 0
    for d in dirs:
        pack = check_pack(d, rep, seen)
        if pack is not None and isinstance(pack.get("rules"), list):
            packs.append((d, pack))
    pats = [(p, r.get("id", "?")) for _, pk in packs for r in pk["rules"]
            if isinstance(r, dict) for p in r.get("patterns", []) if isinstance(p, str)]
    re2_note = re2_compile_all(pats, rep)
    schema_check(packs, rep)
    if not rep.errors:
        for d, pack in packs:
            nrules += len(pack["rules"])
            nex += run_examples(d, pack, rep)
        if args.corpus:
            run_corpus(args.corpus, packs, rep, args.quiet)
    for w in rep.warnings:
        print("warning: " + w)
    for e in rep.errors:
        print("error: " + e)
    if not args.quiet or rep.errors:
        print("%d packs, %d rules, %d examples; RE2: %s; %d errors, %d warnings"
              % (len(packs), nrules, nex, re2_note, len(rep.errors), len(rep.warnings)))
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
