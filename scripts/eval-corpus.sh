#!/usr/bin/env bash
# Annotates the gold corpus and prints `balise eval` for the whole corpus and for the
# held-out c- documents alone. Usage: scripts/eval-corpus.sh [path/to/balise]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/balise}
out=.bench/eval
mkdir -p "$out"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
lines = open("Corpus/gold.jsonl", encoding="utf-8").read().splitlines()
held = [l for l in lines if json.loads(l)["id"].startswith("c-")]
open(f"{out}/gold-heldout.jsonl", "w", encoding="utf-8").write("".join(l + "\n" for l in held))
PY
"$bin" annotate --input jsonl Corpus/gold.jsonl > "$out/pred.jsonl"
"$bin" annotate --input jsonl "$out/gold-heldout.jsonl" > "$out/pred-heldout.jsonl"
echo "== whole corpus (Corpus/gold.jsonl)"
"$bin" eval Corpus/gold.jsonl "$out/pred.jsonl" | sed -n '1,8p'
echo "== c- documents (written blind; used for tuning since the second round)"
"$bin" eval "$out/gold-heldout.jsonl" "$out/pred-heldout.jsonl" | sed -n '1,8p'
