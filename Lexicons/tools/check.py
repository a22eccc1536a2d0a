#!/usr/bin/env python3
"""Check every lexicon in Lexicons/: header (format, source, licence), UTF-8 NFC text,
no stray white space, no empty cell, no curly apostrophe, sorted, no duplicate entry.
Prints the entry count of each file; exits 1 on any error.

Usage: check.py [--all] [--fold]
  default: the lexicons built by these tools (people, organisations, places, common words)
  --all:   every *.txt in Lexicons/ (money and date lists included)
  --fold:  also list entries that differ only by case or accents (harmless: the loader folds)
"""

import glob
import os
import sys
import unicodedata

from lexfile import LEXICON_DIR, fold, sort_key

MAX_BYTES = 8 * 1024 * 1024
OWN = [
    "first-names.txt", "surnames.txt", "name-particles.txt", "person-titles.txt",
    "org-heads.txt", "org-heads-lowercase.txt", "org-descriptors.txt", "legal-forms.txt",
    "organizations.txt", "seats-of-power.txt", "countries.txt", "regions.txt",
    "departments.txt", "cities.txt", "continents.txt", "geo-features.txt", "geo-heads.txt",
    "common-words.txt", "speech-verbs.txt", "place-prepositions.txt",
]


def check(path, show_fold):
    errors = []
    name = os.path.basename(path)
    raw = open(path, "rb").read()
    if len(raw) > MAX_BYTES:
        errors.append(f"{name}: larger than 8 MiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return [f"{name}: not UTF-8 ({error})"], 0
    if "\r" in text:
        errors.append(f"{name}: CR line endings")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for i, prefix in enumerate(("# format: ", "# source: ", "# licence: ")):
        if i >= len(lines) or not lines[i].startswith(prefix):
            errors.append(f"{name}: line {i + 1} should start with '{prefix.strip()}'")
    rows = []
    for number, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        if unicodedata.normalize("NFC", line) != line:
            errors.append(f"{name}:{number}: not NFC")
        if "\u2019" in line or "\u00a0" in line:
            errors.append(f"{name}:{number}: curly apostrophe or no-break space")
        cells = line.split("\t")
        for cell in cells:
            if cell != cell.strip() or "  " in cell or not cell:
                errors.append(f"{name}:{number}: stray white space or empty field: {line!r}")
                break
        rows.append((number, cells))
    seen = {}
    folded = {}
    previous = None
    for number, cells in rows:
        entry = cells[0]
        if entry in seen:
            errors.append(f"{name}:{number}: duplicate entry {entry!r} (line {seen[entry]})")
        seen.setdefault(entry, number)
        key = sort_key(cells)
        if previous is not None and key < previous:
            errors.append(f"{name}:{number}: not sorted ({entry!r})")
        previous = key
        folded.setdefault(fold(entry), []).append(entry)
    if show_fold:
        for variants in folded.values():
            if len(variants) > 1:
                print(f"  {name}: same after folding: {' | '.join(variants)}")
    return errors, len(rows)


def main():
    show_fold = "--fold" in sys.argv[1:]
    all_errors = []
    if "--all" in sys.argv[1:]:
        paths = sorted(glob.glob(os.path.join(LEXICON_DIR, "*.txt")))
    else:
        paths = [os.path.join(LEXICON_DIR, name) for name in OWN]
    for path in paths:
        errors, count = check(path, show_fold)
        print(f"{os.path.basename(path):28} {count:7d} entries{'' if not errors else '  ERRORS: %d' % len(errors)}")
        all_errors.extend(errors)
    for error in all_errors[:200]:
        print(error, file=sys.stderr)
    if all_errors:
        print(f"{len(all_errors)} error(s)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
