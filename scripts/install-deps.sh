#!/usr/bin/env bash
# Installs the Debian packages Balise needs to build and test, when they are missing.
set -euo pipefail
packages=(libicu-dev pkg-config python3)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "Balise needs a Swift 6 toolchain on the PATH (swift.org/install/linux)." >&2
    exit 1
fi
