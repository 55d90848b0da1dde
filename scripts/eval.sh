#!/usr/bin/env bash
# Runs every `sitrep eval` scorer on the dev parts of the gold sets in ../shared/gold (or
# $SITREP_GOLD), refreshing the committed reports under docs/eval/ and collecting each scorer's
# JSON headline into docs/eval/headlines.jsonl. Usage: scripts/eval.sh [extra sitrep flags]
set -euo pipefail
cd "$(dirname "$0")/.."
gold="${SITREP_GOLD:-../shared/gold}"
if [ ! -d "$gold" ]; then
  echo "error: gold folder $gold not found; set SITREP_GOLD to the shared/gold folder" >&2
  exit 1
fi
# Generated tables are not rebuilt by cargo: rebuild them when missing or older than their builder.
gen=data/gazetteer/generated/places.tsv
if [ ! -s "$gen" ] || [ scripts/build_gazetteer.py -nt "$gen" ] \
  || [ data/gazetteer/regions.tsv -nt "$gen" ] || [ data/gazetteer/admin1_aliases.tsv -nt "$gen" ]; then
  scripts/setup.sh
fi
cargo build --release --quiet
bin=target/release/sitrep
out=docs/eval/headlines.jsonl
: > "$out.tmp"
run() {
  echo "== sitrep eval $*" >&2
  "$bin" eval "$@" | tee /dev/stderr | tail -n 1 >> "$out.tmp"
}
run geo --gold "$gold/geo_trnews/geo_trnews.jsonl" --gold "$gold/geo_geovirus/geo_geovirus.jsonl"
run event-location --gold "$gold/event_location/dev.jsonl"
run case2021 --gold "$gold/case2021_task2/dev.jsonl"
run plover --gold "$gold/plover_gsr/dev.jsonl"
run india-police --gold "$gold/india_police_events/dev.jsonl"
run voa --gold "$gold/voa_dev"
run polnear --gold "$gold/polnear/dev.jsonl"
run muc4 --gold "$gold/muc4/dev.jsonl"
run rams --gold "$gold/rams/dev.jsonl"
run wikievents --gold "$gold/wikievents/dev.jsonl"
run news --gold "$gold/news_bbc/news_bbc.jsonl" --gold "$gold/news_agnews_test/news_agnews_test.jsonl"
mv "$out.tmp" "$out"
echo "headlines written to $out" >&2
