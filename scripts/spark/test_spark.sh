#!/usr/bin/env bash
# Runs the Spark recipe test by hand (slow: starts a JVM; not part of `swift test`):
# a PySpark virtual environment under .bench/spark-venv, the release binary, then
# scripts/spark/test_spark_pipe.py in Spark local mode over a few hundred documents.
# Usage: scripts/spark/test_spark.sh [--scratch-path .build] [extra test options]
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=.build
if [ "${1:-}" = "--scratch-path" ]; then scratch=$2; shift 2; fi
command -v java >/dev/null || { echo "Spark needs Java 17 or later (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
venv=.bench/spark-venv
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q pyspark
fi
swift build -c release --product balise --scratch-path "$scratch"
export SPARK_LOCAL_IP=127.0.0.1
exec "$venv/bin/python" scripts/spark/test_spark_pipe.py --balise "$scratch/release/balise" "$@"
