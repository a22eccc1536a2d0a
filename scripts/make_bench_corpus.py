#!/usr/bin/env python3
"""Generate a large French JSON Lines corpus for benchmarks from Corpus/gold.jsonl.

Each generated document shuffles the paragraphs of a few corpus documents, so the text
is real French news prose with the project's entities, but no two documents are equal.
Usage: make_bench_corpus.py --mb 50 --out .bench/corpus.jsonl [--seed 7]
"""
import argparse, json, pathlib, random, datetime

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--out", default=str(ROOT / ".bench" / "corpus.jsonl"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    paragraphs = []
    for line in (ROOT / "Corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            paragraphs += [p for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        raise SystemExit("Corpus/gold.jsonl has no text")
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    target = int(args.mb * 1_000_000)
    written, n = 0, 0
    start = datetime.date(2019, 1, 1)
    with out.open("w", encoding="utf-8") as f:
        while written < target:
            n += 1
            body = "\n\n".join(rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 9))))
            day = start + datetime.timedelta(days=rng.randrange(2900))
            doc = {"id": f"bench-{n:07d}", "date": day.isoformat(), "text": body}
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            written += len(body.encode("utf-8"))
    print(f"{n} documents, {written / 1e6:.1f} MB of text -> {out}")


if __name__ == "__main__":
    main()
