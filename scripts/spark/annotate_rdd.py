#!/usr/bin/env python3
"""Annotate JSON Lines documents with Balise on Apache Spark.

`balise annotate --input jsonl --format jsonl` reads one document a line and writes one
annotated document a line, in the same order: a pure filter over lines. So Spark runs it
unchanged with RDD.pipe: each partition's lines go to one balise process's standard input,
its standard output lines become the output partition. Nothing of Balise runs in Python.

Local mode (the binary and the lexicons on this machine):
    python scripts/spark/annotate_rdd.py docs.jsonl out/ \
        --balise .build/release/balise --lexicons Lexicons --master 'local[2]'

On a cluster, ship the binary and the lexicons with the job; they land in each executor's
working directory (YARN container, standalone work dir), hence the relative paths:
    tar czf lexicons.tgz Lexicons
    spark-submit --master yarn --deploy-mode cluster \
        --files .build/release/balise --archives lexicons.tgz#lex \
        scripts/spark/annotate_rdd.py hdfs:///news/2024/*.jsonl hdfs:///news-annotated/2024 \
        --balise ./balise --lexicons ./lex/Lexicons --partitions 400
The binary must run on the executors: build it for the nodes' Linux with
`swift build -c release --static-swift-stdlib` so that the Swift runtime is inside it;
it still links the system ICU (libicu72 on Debian 12), which the nodes need.

Output: Spark's part files (part-00000 ...), JSON Lines, in input order within each
partition. A line balise cannot read (malformed JSON, invalid UTF-8) makes balise exit 1
and fails the task (Spark retries it, then fails the job) unless --allow-bad-lines, which
drops such lines (balise names them on the executors' stderr).
"""
import argparse
import shlex


def annotate(lines, balise, lexicons, date=None, allow_bad_lines=False):
    """RDD of JSON lines -> RDD of annotated JSON lines, through `balise annotate`."""
    command = [balise, "annotate", "--input", "jsonl", "--format", "jsonl"]
    if date:
        command += ["--date", date]
    # BALISE_LEXICONS tells the binary where its lexicons are on the executor.
    # PySpark's pipe takes one shell-like string, split with shlex on the executor.
    return (lines.filter(lambda line: line.strip() != "")
                 .pipe(shlex.join(command), env={"BALISE_LEXICONS": lexicons}, checkCode=not allow_bad_lines))


def main():
    ap = argparse.ArgumentParser(description="Annotate JSON Lines documents with Balise on Spark (RDD.pipe).")
    ap.add_argument("input", help="JSON Lines files (any Hadoop path or glob)")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument("--balise", default="./balise", help="the balise binary as the executors see it")
    ap.add_argument("--lexicons", default="./Lexicons", help="the Lexicons directory as the executors see it")
    ap.add_argument("--date", help="date YYYY-MM-DD for documents without one")
    ap.add_argument("--partitions", type=int, help="repartition the input into this many partitions (order is then lost)")
    ap.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    ap.add_argument("--allow-bad-lines", action="store_true", help="drop unreadable lines instead of failing the job")
    args = ap.parse_args()

    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("balise-annotate")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.input)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        annotate(lines, args.balise, args.lexicons, args.date, args.allow_bad_lines).saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
