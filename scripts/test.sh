#!/usr/bin/env bash
# Installs what the tests need, then runs every test of the workspace.
# - Rust (stable, via rustup) when cargo is missing; a C compiler (SQLite is built from source)
#   when cc is missing and apt-get is available.
# - The generated gazetteer (scripts/setup.sh), rebuilt when missing or older than its inputs;
#   SITREP_SETUP=always forces a rebuild.
# The Palmyra case test reads ../shared/cases/palmyra beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "test: cargo not found; installing Rust with rustup" >&2
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cc >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "test: no C compiler; installing gcc with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq gcc libc6-dev >/dev/null
fi

gen=data/gazetteer/generated/places.tsv
if [ "${SITREP_SETUP:-}" = always ] || [ ! -s "$gen" ] \
    || [ scripts/build_gazetteer.py -nt "$gen" ] || [ data/gazetteer/regions.tsv -nt "$gen" ] \
    || [ data/gazetteer/admin1_aliases.tsv -nt "$gen" ]; then
    scripts/setup.sh
else
    echo "test: gazetteer is up to date ($gen); SITREP_SETUP=always rebuilds it"
fi

# --no-fail-fast: every test binary runs and prints its summary, even after a failure.
cargo test --workspace --no-fail-fast
