#!/usr/bin/env bash
# The test suite: the corpus gold file is up to date with its sources, then every
# Swift test (text layer, recognizers' case files, formats, evaluation floors, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 Corpus/tools/build_gold.py --check
swift build
swift test --disable-testable-imports
