#!/usr/bin/env bash
# Crash safety: SIGKILL `labnetz sync` at random moments, 20 times. After every kill the SQLite
# store must pass PRAGMA integrity_check, every published file must parse (icalendar, feedparser,
# json, XML), and the next sync must complete (and report the killed run's lock as taken over).
# Sources: 80 generated feeds plus the sample calendars on a loopback python file server.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/labnetz}
RUNS=${RUNS:-20}
VENV=${VENV:-.build/e2e-venv}
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check icalendar feedparser
[ -x "$BIN" ] || swift build --product labnetz

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 scripts/bench/make_feeds.py "$WORK/hub" --sources 80 --port "$PORT" --seed 20
# Half the sources carry events too: the shipped sample calendars, so regional.ics is not empty.
python3 - "$WORK/hub/federation.json" "$PORT" <<'PY'
import json, shutil, sys, glob, os
path, port = sys.argv[1], sys.argv[2]
config = json.load(open(path))
os.makedirs(os.path.dirname(path) + "/www/ok/ics", exist_ok=True)
for i, ics in enumerate(sorted(glob.glob("feeds/*/*.ics"))):
    name = f"{i}-" + os.path.basename(ics)
    shutil.copy(ics, os.path.dirname(path) + "/www/ok/ics/" + name)
    config["members"][i]["sources"].append({"id": f"ics-{i}", "url": f"http://127.0.0.1:{port}/ok/ics/{name}", "role": "events"})
json.dump(config, open(path, "w"), indent=1)
PY
python3 scripts/bench/static_server.py "$PORT" "$WORK/hub/www" &
SERVER_PID=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/ok/" 2>/dev/null && break; sleep 0.1; done

CONFIG="$WORK/hub/federation.json"
SYNC=("$BIN" sync --config "$CONFIG" --now 2026-11-21T12:00:00Z --force)
"${SYNC[@]}" >/dev/null
start=$(date +%s%N); "${SYNC[@]}" >/dev/null; took=$(( ($(date +%s%N) - start) / 1000000 ))
echo "one forced sync of $(grep -c '"url"' "$CONFIG") sources takes ${took} ms; killing at random moments within it"

check() {
  "$VENV/bin/python" - "$WORK/hub" <<'PY'
import glob, json, sqlite3, sys, xml.dom.minidom
from html.parser import HTMLParser
import feedparser, icalendar
hub = sys.argv[1]
db = sqlite3.connect(f"file:{hub}/data/hub.sqlite?mode=ro", uri=True)
result = db.execute("PRAGMA integrity_check").fetchone()[0]
assert result == "ok", f"integrity_check: {result}"
for path in sorted(glob.glob(f"{hub}/public/*")):
    name = path.rsplit("/", 1)[1]
    if ".tmp-" in name:
        continue  # a half-written temporary file of the killed run, never a published name
    data = open(path, "rb").read()
    if name.endswith(".ics"):
        icalendar.Calendar.from_ical(data)
    elif name.endswith(".json"):
        json.loads(data)
    elif name.endswith((".atom", ".rss")):
        assert not feedparser.parse(data).bozo, f"{name} is not well-formed"
    elif name.endswith(".opml"):
        xml.dom.minidom.parseString(data)
    elif name.endswith(".html"):
        text = data.decode("utf-8")
        assert text.rstrip().endswith("</html>"), f"{name} is cut off"
        HTMLParser().feed(text)
print("ok")
PY
}

for run in $(seq 1 "$RUNS"); do
  delay_ms=$(( RANDOM % (took + took / 4 + 1) ))
  "${SYNC[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk "BEGIN { print $delay_ms / 1000 }")"
  kill -9 "$pid" 2>/dev/null && killed=killed || killed="finished before the kill"
  wait "$pid" 2>/dev/null || true
  verdict=$(check) || { echo "FAIL run $run (kill after ${delay_ms} ms, $killed): $verdict"; exit 1; }
  out=$("$BIN" sync --config "$CONFIG" --now 2026-11-21T12:00:00Z 2>&1) || {
    status=$?; [ "$status" -le 1 ] || { echo "FAIL run $run: the next sync exited $status"; echo "$out" | tail -3; exit 1; }; }
  check >/dev/null || { echo "FAIL run $run: after the next sync"; exit 1; }
  note=$(echo "$out" | grep -o 'lock was taken over' || true)
  echo "ok: run $run: SIGKILL after ${delay_ms} ms ($killed); store ok, every file parses, next sync completes${note:+ ($note)}"
done
echo "e2e-killtest: $RUNS runs passed"
