#!/usr/bin/env bash
# Instructions that `balise annotate --input jsonl` spends per 1000 bench documents, counted
# by valgrind's callgrind (exact, unlike wall time on a shared machine), start-up subtracted.
# Used to measure each performance change; needs `apt-get install -y valgrind`.
#
# Usage: scripts/count-instructions.sh [BINARY] [PROFILE_OUT]
#   BINARY       default .build-static/release/balise (see scripts/benchmark.py --static-stdlib)
#   PROFILE_OUT  keep the callgrind profile there (read it with callgrind_annotate)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build-static/release/balise}
PROFILE=${2:-$(mktemp)}
SAMPLE=.bench/sample-1000.jsonl
if [ ! -s "$SAMPLE" ]; then
  mkdir -p .bench
  [ -s .bench/corpus-20mb.jsonl ] || python3 scripts/make_bench_corpus.py --mb 20 --out .bench/corpus-20mb.jsonl
  head -1000 .bench/corpus-20mb.jsonl > "$SAMPLE"
fi
count() {
  valgrind --tool=callgrind --callgrind-out-file="$2" "$BIN" annotate --input jsonl < "$1" 2>&1 >/dev/null |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
EMPTY_PROFILE=$(mktemp)
empty=$(count /dev/null "$EMPTY_PROFILE")
full=$(count "$SAMPLE" "$PROFILE")
rm -f "$EMPTY_PROFILE"
echo "instructions per 1000 documents: $(( (full - empty) / 1000000 )) M (start-up $(( empty / 1000000 )) M)"
