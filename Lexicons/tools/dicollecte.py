"""Read Debian's hunspell-fr-comprehensive (Dicollecte) dictionary and wfrench word list."""

import os
import subprocess

DIC = "/usr/share/hunspell/fr.dic"
WFRENCH = "/usr/share/dict/french"


def package_version(name):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name],
                             capture_output=True, text=True, check=True).stdout
        return out.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def require(path, package):
    if not os.path.exists(path):
        raise SystemExit(f"{path} is missing: run `apt-get install -y {package}`")


def dic_entries():
    """Yield (stem, tags) for every entry of fr.dic.

    A .dic line is `stem[/affix flags] tag tag ...`; the first line is the entry count.
    Tags look like `po:prn` (part of speech) and `is:fem` (gender/number).
    """
    require(DIC, "hunspell-fr-comprehensive")
    with open(DIC, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            parts = line.split()
            if not parts:
                continue
            stem = parts[0].split("/")[0]
            if not stem:
                continue
            yield stem, set(parts[1:])


def wfrench_words():
    require(WFRENCH, "wfrench")
    with open(WFRENCH, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]


def common_vocabulary():
    """Lowercase French word forms: wfrench plus the lowercase Dicollecte stems that are
    not proper names."""
    words = set(w for w in wfrench_words() if w[0].islower())
    for stem, tags in dic_entries():
        if stem[0].islower() and not tags & {"po:prn", "po:patr", "po:npr"}:
            words.add(stem)
    return words
