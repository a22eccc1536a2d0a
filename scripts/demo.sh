#!/usr/bin/env bash
# Fresh machine to first result: install the system packages, build a release binary,
# annotate the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product balise
.build/release/balise annotate --date 2026-11-25 examples/lumio-levee.txt
