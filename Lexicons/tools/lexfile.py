"""Shared helpers for the Balise lexicon generators.

A lexicon file is plain UTF-8 text: a header of comment lines starting with
'#' (format, source, licence, then free comments), then one entry a line,
optionally followed by TAB-separated fields. Blank lines are ignored.
"""

import os
import sys
import unicodedata

LEXICON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

WRITTEN_BY_US = "written by the Balise developers from public knowledge"


def fold(text):
    """Lowercase and strip accents (the same folding the Swift loader applies)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).replace("\u2019", "'").replace("œ", "oe").replace("æ", "ae")


def sort_key(row):
    """Sort by folded entry, then by the exact entry, so the order is stable."""
    return (fold(row[0]), row[0])


def clean(text):
    """Normalise one cell: NFC, plain apostrophe, single spaces, no edges."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u00a0", " ")
    return " ".join(text.split())


def read_rows(path):
    """Read the data lines of a lexicon-like file as lists of cells."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [clean(cell) for cell in line.split("\t")]
            while len(cells) > 1 and cells[-1] == "":
                cells.pop()
            rows.append(cells)
    return rows


def read_tagged_list(name):
    """(item, tag) pairs of a tools/data file of comma-separated items; an '@tag' line sets
    the tag of the items after it (a gender, a country code)."""
    pairs = []
    tag = ""
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                tag = line[1:].strip()
                continue
            pairs.extend((item, tag) for item in map(clean, line.split(",")) if item)
    return pairs


def read_header(path):
    """Return the leading comment lines of a file (the header)."""
    header = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("#"):
                header.append(line)
            elif line.strip():
                break
    return header


def read_data(name):
    """Rows of a hand-written complement in tools/data/."""
    return read_rows(os.path.join(DATA_DIR, name))


def merge_rows(rows, merge_fields=False):
    """Drop duplicate entries. With merge_fields, comma-join differing field values
    (used for place names shared by several countries); otherwise the first row wins."""
    merged = {}
    order = []
    for row in rows:
        row = [clean(c) for c in row]
        if not row or not row[0]:
            continue
        entry = row[0]
        if entry not in merged:
            merged[entry] = row
            order.append(entry)
        elif merge_fields:
            old = merged[entry]
            for i in range(1, max(len(old), len(row))):
                if i >= len(row):
                    continue
                if i >= len(old):
                    old.append(row[i])
                    continue
                values = old[i].split(",")
                for value in row[i].split(","):
                    if value and value not in values:
                        values.append(value)
                old[i] = ",".join(values)
    return [merged[e] for e in order]


def write_lexicon(name, fmt, source, licence, rows, comments=(), merge_fields=False):
    """Write Lexicons/<name> with its header, sorted and without duplicates."""
    rows = merge_rows(rows, merge_fields)
    rows.sort(key=sort_key)
    path = os.path.join(LEXICON_DIR, name)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# format: {fmt}\n")
        out.write(f"# source: {source}\n")
        out.write(f"# licence: {licence}\n")
        for comment in comments:
            out.write(f"# {comment}\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{name}: {len(rows)} entries", file=sys.stderr)
    return rows
