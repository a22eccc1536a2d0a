#!/usr/bin/env python3
"""Checks that annotate_rdd.py on Spark (local mode) gives exactly what a direct run of
`balise annotate --input jsonl --format jsonl` gives on the same documents.

Usage: python scripts/spark/test_spark_pipe.py --balise .build/release/balise [--documents 300]
Run with a Python that has pyspark (scripts/spark/test_spark.sh makes one). Needs Java 17+.
Exits 0 and prints "1 passed, 0 failed" when the outputs are equal.
"""
import argparse, glob, json, os, pathlib, random, shutil, subprocess, sys, tempfile, time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))


def make_documents(count, seed=11):
    """Documents cut from the corpus: one to three paragraphs of a gold document each,
    some dated, some not (their date then comes from --date)."""
    rng = random.Random(seed)
    paragraphs = []
    for line in (ROOT / "Corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            paragraphs += [(p, doc.get("date")) for p in doc["text"].split("\n\n") if p.strip()]
    documents = []
    for k in range(count):
        picked = rng.sample(paragraphs, k=rng.randint(1, 3))
        doc = {"id": f"spark-{k:04d}", "text": "\n\n".join(p for p, _ in picked)}
        if picked[0][1] and k % 3:
            doc["date"] = picked[0][1]
        documents.append(doc)
    return documents


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--balise", default=str(ROOT / ".build" / "release" / "balise"))
    ap.add_argument("--lexicons", default=str(ROOT / "Lexicons"))
    ap.add_argument("--documents", type=int, default=300)
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()
    balise = os.path.abspath(args.balise)
    lexicons = os.path.abspath(args.lexicons)

    work = pathlib.Path(tempfile.mkdtemp(prefix="balise-spark-"))
    source = work / "docs.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for doc in make_documents(args.documents):
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")

    run = subprocess.run([balise, "annotate", "--input", "jsonl", "--format", "jsonl", "--date", "2024-10-01", str(source)],
                         capture_output=True, text=True, env=dict(os.environ, BALISE_LEXICONS=lexicons))
    if run.returncode != 0:
        print(f"the direct run failed (status {run.returncode}): {run.stderr.strip()}")
        print("0 passed, 1 failed")
        shutil.rmtree(work, ignore_errors=True)
        return 1
    direct = run.stdout.splitlines()

    from pyspark.sql import SparkSession
    from annotate_rdd import annotate
    t0 = time.perf_counter()
    # Local mode on loopback only: no UI, the driver bound to 127.0.0.1.
    spark = (SparkSession.builder.master("local[2]").appName("balise-pipe-test")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        lines = spark.sparkContext.textFile(str(source), minPartitions=args.partitions)
        partitions = lines.getNumPartitions()
        out = work / "spark-out"
        annotate(lines, balise, lexicons, date="2024-10-01").saveAsTextFile(str(out))
    finally:
        spark.stop()
    elapsed = time.perf_counter() - t0
    piped = []
    for part in sorted(glob.glob(str(out / "part-*"))):
        piped += pathlib.Path(part).read_text(encoding="utf-8").splitlines()

    entities = sum(len(json.loads(line)["entities"]) for line in direct)
    print(f"{len(direct)} documents, {entities} entities; Spark local[2], {partitions} partitions, {elapsed:.1f} s")
    if piped == direct:
        print("spark pipe output equals the direct run")
        print("1 passed, 0 failed")
        shutil.rmtree(work, ignore_errors=True)
        return 0
    missing = set(direct) - set(piped)
    extra = set(piped) - set(direct)
    print(f"outputs differ: {len(piped)} lines from Spark, {len(direct)} direct; {len(missing)} missing, {len(extra)} unexpected"
          + ("; same lines in another order" if not missing and not extra else ""))
    print(f"kept for inspection: {work}")
    print("0 passed, 1 failed")
    return 1


if __name__ == "__main__":
    sys.exit(main())
