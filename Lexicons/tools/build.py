#!/usr/bin/env python3
"""Rebuild every generated lexicon, tidy the hand-written ones, then check them all.

Needs (Debian 12): apt-get install -y hunspell hunspell-fr-comprehensive wfrench libicu72 libgeonames0 libgeonames-common
Usage: python3 Lexicons/tools/build.py
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = [
    ["gen_names.py"],
    ["gen_places.py"],
    ["gen_titles.py"],
    ["gen_verbs.py"],
    ["tidy.py"],
    ["gen_common_words.py"],  # it removes the names and places listed by the others
    ["gen_communes.py"],  # last: it leaves out the names of every other list
    ["check.py"],
]


def main():
    for step in STEPS:
        print(f"== {' '.join(step)}", file=sys.stderr)
        result = subprocess.run([sys.executable, os.path.join(HERE, step[0])] + step[1:], cwd=HERE)
        if result.returncode != 0:
            sys.exit(result.returncode)


if __name__ == "__main__":
    main()
