#!/usr/bin/env bash
# Annotates the gold corpus and prints `balise eval` for the whole corpus and for the c- and
# d- documents apart (written blind; see Corpus/README.md). Usage: scripts/eval-corpus.sh [path/to/balise]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/balise}
out=.bench/eval
mkdir -p "$out"
"$bin" annotate --input jsonl Corpus/gold.jsonl > "$out/pred.jsonl"
echo "== whole corpus (Corpus/gold.jsonl)"
"$bin" eval Corpus/gold.jsonl "$out/pred.jsonl" | sed -n '1,8p'
for set in c d e f g h i j k l m n o p q r; do
    python3 - "$set" "$out" <<'PY'
import json, sys
prefix, out = sys.argv[1] + "-", sys.argv[2]
for name in ("Corpus/gold.jsonl", f"{out}/pred.jsonl"):
    lines = open(name, encoding="utf-8").read().splitlines()
    kept = [l for l in lines if json.loads(l)["id"].startswith(prefix)]
    target = f"{out}/{'gold' if name.startswith('Corpus') else 'pred'}-{prefix}.jsonl"
    open(target, "w", encoding="utf-8").write("".join(l + "\n" for l in kept))
PY
    echo "== $set- documents (written blind)"
    "$bin" eval "$out/gold-$set-.jsonl" "$out/pred-$set-.jsonl" | sed -n '1,8p'
done
