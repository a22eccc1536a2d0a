#!/usr/bin/env python3
"""Balise throughput benchmark (release build): text layer and whole annotate path.

Usage: scripts/benchmark.py [--mb 50] [--skip-build]
Prints MB/s and tokens/s of the text layer alone and of the whole pipeline in process
(`balise bench`), then MB/s, documents/s and peak memory of `balise annotate --input
jsonl` end to end (reading, annotating and writing JSON), and its start-up time.
"""
import argparse, os, pathlib, resource, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "balise"


def run_measured(cmd, stdout=subprocess.DEVNULL):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, after.ru_maxrss / 1024, after.ru_utime - before.ru_utime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "balise"], cwd=ROOT, check=True)
    corpus = ROOT / ".bench" / f"corpus-{int(args.mb)}mb.jsonl"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_bench_corpus.py"), "--mb", str(args.mb), "--out", str(corpus)], check=True)
    size_mb = corpus.stat().st_size / 1e6
    docs = sum(1 for _ in corpus.open(encoding="utf-8"))
    print(f"corpus: {corpus.relative_to(ROOT)} ({size_mb:.1f} MB of JSON Lines, {docs} documents)")
    for layer in ("text", "annotate"):
        out = subprocess.run([str(BIN), "bench", "--layer", layer, str(corpus)], check=True, capture_output=True, text=True).stdout
        print("in process, one core:", out.strip())
    elapsed, peak, _ = run_measured([str(BIN), "annotate", "--input", "jsonl", str(corpus)])
    print(f"balise annotate --input jsonl, one core: {elapsed:.2f} s, {size_mb / elapsed:.1f} MB/s, "
          f"{docs / elapsed:.0f} documents/s, peak memory {peak:.0f} MB")
    empty = ROOT / ".bench" / "empty.jsonl"
    empty.write_text("")
    times = []
    for _ in range(5):
        t, _, _ = run_measured([str(BIN), "annotate", "--input", "jsonl", str(empty)])
        times.append(t)
    print(f"start-up (load lexicons, no document): {min(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
