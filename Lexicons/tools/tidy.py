#!/usr/bin/env python3
"""Tidy the hand-written lexicons in place: normalise each cell (NFC, plain apostrophe,
single spaces), merge duplicate entries (their differing fields are comma-joined), sort,
and keep the header. Run after editing a hand-written file.

Usage: tidy.py [FILE ...]   (default: every hand-written lexicon)
"""

import os
import sys

from lexfile import LEXICON_DIR, fold, merge_rows, read_header, read_rows, sort_key

HAND_WRITTEN = [
    "departments.txt", "name-particles.txt", "org-heads.txt", "org-heads-lowercase.txt",
    "org-descriptors.txt", "legal-forms.txt", "seats-of-power.txt", "geo-features.txt",
    "geo-heads.txt", "speech-verbs.txt", "place-prepositions.txt", "organizations.txt", "sports-cues.txt",
]


def drop_listed_acronyms(rows):
    """In organizations.txt an acronym given as field 2 of its expansion is not repeated
    as an entry of its own."""
    acronyms = set()
    for row in rows:
        if len(row) > 1:
            acronyms.update(fold(a) for a in row[1].split(","))
    return [row for row in rows if len(row) > 1 or fold(row[0]) not in acronyms]


def tidy(path):
    header = read_header(path)
    rows = merge_rows(read_rows(path), merge_fields=True)
    if os.path.basename(path) == "organizations.txt":
        rows = drop_listed_acronyms(rows)
    rows.sort(key=sort_key)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in header:
            out.write(line.rstrip() + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{os.path.basename(path)}: {len(rows)} entries", file=sys.stderr)


def main(argv):
    names = argv or HAND_WRITTEN
    for name in names:
        path = name if os.path.sep in name else os.path.join(LEXICON_DIR, name)
        if os.path.exists(path):
            tidy(path)
        else:
            print(f"{name}: missing", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
