#!/usr/bin/env python3
"""Check a brat folder written by `balise` against the JSON Lines it came from.

check_brat.py BRAT_DIR DOCS.jsonl

Reads every ID.ann with the PyPI brat reader `bratly` (bratly-io-fs) when it is
installed, otherwise with the small reader below (the textbound grammar of brat's
tools/checkann.py). Checks: each ID.txt is the document's text; each entity's offsets,
counted in code points as brat's Python server counts them, slice the text to the
text on its line (a span across lines is one fragment per line, joined by a space); types, spans and
the AnnotatorNotes values equal the JSON Lines ones; ID.meta holds the date;
annotation.conf declares the five types. Prints one line per problem and a summary;
exit status 1 when there is a problem.
"""
import json, os, re, sys

TYPES = ["PER", "ORG", "LOC", "MONEY", "DATE"]
def read_ann_bratly(path):
    from bratly.io import read_and_load_ann_file
    from bratly import EntityAnnotation, NoteAnnotation
    coll = read_and_load_ann_file(path, no_duplicates=False, sorting=False, renumerotize=False, grammar_check=True)
    ents, notes = {}, {}
    for a in coll.annotations:
        if isinstance(a, EntityAnnotation):
            ents[a.id] = (a.label, [(f.start, f.end) for f in a.fragments], a.content)
        elif isinstance(a, NoteAnnotation):
            target = a.component.id if hasattr(a.component, "id") else str(a.component)
            notes[target] = a.value
    return ents, notes


TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
NOTE = re.compile(r"^#\d*\tAnnotatorNotes (\S+)\t(.*)$")


def read_ann_plain(path):
    ents, notes = {}, {}
    with open(path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            if not line:
                continue
            m = TEXTBOUND.match(line)
            if m:
                frags = [tuple(int(x) for x in p.split(" ")) for p in m.group(3).split(";")]
                ents[m.group(1)] = (m.group(2), frags, m.group(4))
                continue
            m = NOTE.match(line)
            if m:
                notes[m.group(1)] = m.group(2)
                continue
            raise ValueError(f"{path}: line not in brat's grammar: {line!r}")
    return ents, notes


def parse_value(t, note):
    if note is None:
        return None
    fields = dict(p.split("=", 1) for p in note.split(" "))
    return fields


def expected_value(e):
    v = e.get("value")
    if not v:
        return None
    return {k: str(x) for k, x in v.items() if x is not None}


def main(argv):
    folder, jsonl = argv[0], argv[1]
    try:
        import bratly.io  # noqa: F401
        reader, name = read_ann_bratly, "bratly"
    except ImportError:
        reader, name = read_ann_plain, "built-in reader"
    problems = []
    conf = open(os.path.join(folder, "annotation.conf"), encoding="utf-8").read()
    section = re.search(r"\[entities\]\n(.*?)(\n\[|\Z)", conf, re.S)
    declared = [l.strip() for l in section.group(1).splitlines() if l.strip() and not l.startswith("#")] if section else []
    if sorted(declared) != sorted(TYPES):
        problems.append(f"annotation.conf declares {declared}")
    docs = [json.loads(l) for l in open(jsonl, encoding="utf-8") if l.strip()]
    count = 0
    for d in docs:
        base = os.path.join(folder, d["id"])
        with open(base + ".txt", encoding="utf-8", newline="") as f:
            text = f.read()
        if text != d["text"]:
            problems.append(f"{d['id']}.txt differs from the document text")
        meta = open(base + ".meta", encoding="utf-8").read().strip() if os.path.exists(base + ".meta") else None
        if meta != (f"date={d['date']}" if d.get("date") else None):
            problems.append(f"{d['id']}.meta is {meta!r}, date {d.get('date')!r}")
        ents, notes = reader(base + ".ann")
        got = []
        for tid, (label, frags, content) in ents.items():
            # brat cuts a span at line breaks into fragments and joins their texts with a space.
            if " ".join(text[a:b] for a, b in frags) != content:
                problems.append(f"{d['id']} {tid}: fragments {frags} read {[text[a:b] for a, b in frags]} but the line says {content!r}")
            if any(text[b:a2].strip() for (_, b), (a2, _) in zip(frags, frags[1:])):
                problems.append(f"{d['id']} {tid}: fragments {frags} are not one span cut at line breaks")
            got.append((frags[0][0], frags[-1][1], label, parse_value(label, notes.get(tid))))
        want = [(e["start"], e["end"], e["type"], expected_value(e)) for e in d["entities"]]
        if sorted(got, key=repr) != sorted(want, key=repr):
            problems.append(f"{d['id']}: entities differ: {sorted(set(map(repr, got)) ^ set(map(repr, want)))[:4]}")
        count += len(got)
    for p in problems:
        print(p)
    print(f"{len(docs)} documents, {count} entities read with {name}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
