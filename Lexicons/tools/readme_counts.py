#!/usr/bin/env python3
"""Rewrite the entry counts of the tables in Lexicons/README.md from the files themselves
(data lines: neither blank nor comments). LexiconTests fails when a count is stale; run this
after editing a lexicon.

Usage: readme_counts.py
"""
import pathlib
import re

LEXICONS = pathlib.Path(__file__).resolve().parent.parent


def entries(name):
    lines = (LEXICONS / name).read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.strip() and not line.startswith("#"))


def main():
    readme = LEXICONS / "README.md"
    text = readme.read_text(encoding="utf-8")
    row = re.compile(r"\| `([^`]+\.txt)` \| (\d+) \|")
    changed = []

    def fix(match):
        name, old = match.group(1), int(match.group(2))
        if not (LEXICONS / name).exists():
            return match.group(0)
        new = entries(name)
        if new != old:
            changed.append(f"{name}: {old} -> {new}")
        return f"| `{name}` | {new} |"

    readme.write_text(row.sub(fix, text), encoding="utf-8")
    print("\n".join(changed) if changed else "README counts already up to date")


if __name__ == "__main__":
    main()
