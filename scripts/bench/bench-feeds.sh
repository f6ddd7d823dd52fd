#!/usr/bin/env bash
# Feed parsing speed and memory: labnetz (release) against python feedparser, python feedparser-rs
# and `xmllint --stream --noout` (raw libxml2, the ceiling), same files, same run.
# Inputs are generated into .build/bench-data/: a 20 MB RSS 2.0, a 20 MB Atom 1.0, the feedparser
# corpus (../shared, skipped with a message when absent), and a 100 MB RSS for peak memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.build/release/labnetz
DATA=.build/bench-data
VENV=.build/bench-venv
SHARED=${SHARED:-../shared}
RUNS=${RUNS:-3}
[ -x "$BIN" ] || { echo "bench-feeds: $BIN missing (make release)"; exit 1; }
command -v xmllint >/dev/null || { echo "installing libxml2-utils"; apt-get install -y -qq libxml2-utils >/dev/null; }
[ -x /usr/bin/time ] || { echo "installing time"; apt-get install -y -qq time >/dev/null; }
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import feedparser, feedparser_rs' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q feedparser feedparser-rs
fi
mkdir -p "$DATA"
exec "$VENV/bin/python" scripts/bench/bench_feeds.py --bin "$BIN" --data "$DATA" --shared "$SHARED" --runs "$RUNS"
