#!/usr/bin/env bash
# End-to-end check with real clients: sync the shipped federation.json into a scratch folder,
# then let python-icalendar, feedparser and a JSON Feed 1.1 check read what labnetz published,
# and curl talk to `labnetz serve`. Installs the Python clients into a local virtualenv.
set -euo pipefail
source "$(dirname "$0")/lib/e2e-common.sh"
venv_install icalendar feedparser jsonschema

cp -r federation.json feeds "$WORK/"
# Serve on a free loopback port so a running hub is never disturbed.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s#\"baseURL\": *\"[^\"]*\"#\"baseURL\": \"http://127.0.0.1:$PORT/\"#" "$WORK/federation.json"
NOW=2026-11-21T12:00:00Z

"$BIN" sync --config "$WORK/federation.json" --now "$NOW"
mkdir "$WORK/first" && cp "$WORK"/public/* "$WORK/first/"
"$BIN" sync --config "$WORK/federation.json" --now "$NOW"
for f in regional.ics regional.json news.atom news.rss news.json sources.opml index.html; do
  cmp -s "$WORK/first/$f" "$WORK/public/$f" || { echo "FAIL: $f differs between two syncs"; exit 1; }
done
echo "ok: a second sync gives byte-identical feeds"
echo "ok: both syncs exit 0"

passed=2  # the two syncs above
"$VENV/bin/python" scripts/e2e_check.py "$WORK/public" | tee "$WORK/checks.txt"
passed=$((passed + $(grep -c '^ok: ' "$WORK/checks.txt")))

"$BIN" serve --config "$WORK/federation.json" --port "$PORT" >/dev/null 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
etag=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$PORT/regional.ics" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$etag" ] || { echo "FAIL: no ETag on regional.ics"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "http://127.0.0.1:$PORT/regional.ics")
[ "$code" = 304 ] || { echo "FAIL: If-None-Match gave $code, not 304"; exit 1; }
echo "ok: labnetz serve answers ETag $etag and 304 on a repeat"
echo "e2e: $((passed + 1)) passed, 0 failed"
