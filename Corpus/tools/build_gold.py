#!/usr/bin/env python3
"""Build Corpus/gold.jsonl from the annotated sources in Corpus/src/*.txt.

Source format (one document a file, the id is the file name without .txt):
  - an optional first line `@date YYYY-MM-DD` gives the document date;
  - the rest is the document text, where each entity is written inline as
    [[TYPE surface]] or [[TYPE surface|value]]:
      MONEY value: `AMOUNT CUR` or `MIN-MAX CUR`   e.g. [[MONEY 6,6 milliards de dollars|6600000000 USD]]
      DATE value:  `TIMEX` or `TIMEX MOD`           e.g. [[DATE fin 2024|2024 END]]
  - the final newline of the file is not part of the text.

Usage: build_gold.py [--check]   (--check fails when gold.jsonl is not up to date)
"""
import json, pathlib, re, sys
from decimal import Decimal

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPES = {"PER", "ORG", "LOC", "MONEY", "DATE"}
MARK = re.compile(r"\[\[(PER|ORG|LOC|MONEY|DATE) ([^\]|]+?)(?:\|([^\]]*))?\]\]")
TIMEX = re.compile(r"^[0-9X]{1,4}(-([0-9X]{2}|Q[1-4]|H[12]|W[0-9X]{2}|SU|FA|WI|SP)(-[0-9X]{2}|-WE)?)?(/.+)?$")


def fail(path, msg):
    sys.exit(f"{path}: {msg}")


def parse_value(path, etype, raw):
    if etype not in ("MONEY", "DATE"):
        if raw is not None:
            fail(path, f"{etype} takes no value: {raw!r}")
        return None
    if raw is None:
        fail(path, f"{etype} needs a value")
    parts = raw.split()
    if etype == "MONEY":
        if len(parts) != 2 or not re.fullmatch(r"[A-Z]{3}", parts[1]):
            fail(path, f"bad MONEY value {raw!r}")
        num, cur = parts
        m = re.fullmatch(r"([0-9.]+)-([0-9.]+)", num)
        if m:
            return {"min": str(Decimal(m.group(1))), "max": str(Decimal(m.group(2))), "currency": cur}
        Decimal(num)
        return {"amount": num, "currency": cur}
    if len(parts) not in (1, 2) or (len(parts) == 2 and parts[1] not in ("START", "MID", "END")):
        fail(path, f"bad DATE value {raw!r}")
    for piece in parts[0].split("/"):
        if not TIMEX.match(piece):
            fail(path, f"bad TIMEX {parts[0]!r}")
    value = {"timex": parts[0]}
    if len(parts) == 2:
        value["mod"] = parts[1]
    return value


def build_document(path):
    raw = path.read_text(encoding="utf-8")
    if raw.endswith("\n"):
        raw = raw[:-1]
    doc = {"id": path.stem}
    if raw.startswith("@date "):
        first, _, raw = raw.partition("\n")
        doc["date"] = first.split()[1]
    text, entities, pos = [], [], 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        text.append(before)
        length += len(before)
        surface = m.group(2)
        if surface != surface.strip():
            fail(path, f"span with outer spaces: {surface!r}")
        ent = {"start": length, "end": length + len(surface), "type": m.group(1), "text": surface}
        value = parse_value(path, m.group(1), m.group(3))
        if value is not None:
            ent["value"] = value
        entities.append(ent)
        text.append(surface)
        length += len(surface)
        pos = m.end()
    text.append(raw[pos:])
    body = "".join(text)
    if "[[" in body or "]]" in body:
        fail(path, "unbalanced or malformed [[...]] markup")
    doc["text"] = body
    doc["entities"] = entities
    return doc


def main():
    docs = [build_document(p) for p in sorted((ROOT / "src").glob("*.txt"))]
    out = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    target = ROOT / "gold.jsonl"
    if "--check" in sys.argv:
        if not target.exists() or target.read_text(encoding="utf-8") != out:
            sys.exit("Corpus/gold.jsonl is out of date: run Corpus/tools/build_gold.py")
        return
    target.write_text(out, encoding="utf-8")
    n = sum(len(d["entities"]) for d in docs)
    print(f"{len(docs)} documents, {n} entities -> {target}")


if __name__ == "__main__":
    main()
