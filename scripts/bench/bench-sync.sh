#!/usr/bin/env bash
# Sync benchmark: 1,000 sources (RSS, Atom, JSON Feed; 3 to 800 items) on a loopback nginx with
# ETags, 10 % of them failing (500, 404), trickling (1 KB/s) or never answering (a tarpit).
#   full:    a fresh sync of the mixed federation
#   all-304: a second sync of 1,000 good sources (after an untimed first one): every source answers 304
# labnetz (release build, 5 s per-source timeout, its default of 64 transfers at once) and python `reader`
# run on the same sources in the same run; wall time and peak RSS. reader runs twice: `update_feeds()` as
# it ships (one worker; the goals are checked against this run) and with 32 worker threads (shown beside it,
# so nobody has to guess how a tuned reader compares). Both get the same 5 s timeout.
# All 1,000 "sites" share one loopback server, so labnetz's per-host limit is raised to its global limit
# (with 1,000 real hosts the default of 4 per host would never bind).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/labnetz}
DATA=.build/bench-data/sync
VENV=${VENV:-.build/bench-venv}
SOURCES=${SOURCES:-1000}
READER_TUNED=${READER_TUNED:-32}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || {
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light >/dev/null; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check reader sgmllib3k  # reader's vendored feedparser imports sgmllib
[ -x "$BIN" ] || swift build -c release --static-swift-stdlib --product labnetz  # the flags of `make release`

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rm -rf "$DATA" && mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
PORT_MIXED=$(free_port); PORT_GOOD=$(free_port); PORT_TARPIT=$(free_port)
python3 scripts/bench/make_feeds.py "$DATA/mixed" --sources "$SOURCES" --port "$PORT_MIXED" \
  --tarpit-port "$PORT_TARPIT" --fail 0.05 --slow 0.05 --seed 6
python3 scripts/bench/make_feeds.py "$DATA/good" --sources "$SOURCES" --port "$PORT_GOOD" --seed 7

cat > "$DATA/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $DATA/nginx.pid;
error_log $DATA/nginx-error.log;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $DATA/tmp; proxy_temp_path $DATA/tmp; fastcgi_temp_path $DATA/tmp;
  uwsgi_temp_path $DATA/tmp; scgi_temp_path $DATA/tmp;
  types { application/rss+xml xml; application/atom+xml atom; application/feed+json json; }
  keepalive_requests 100000;
  server { listen 127.0.0.1:$PORT_MIXED; root $DATA/mixed/www;
    location /fail/ { return 500; }
    location /gone/ { return 404; }
    location /slow/ { limit_rate 1k; } }
  server { listen 127.0.0.1:$PORT_GOOD; root $DATA/good/www; }
}
CONF
mkdir -p "$DATA/tmp"
"$NGINX" -c "$DATA/nginx.conf" -e "$DATA/nginx-error.log" &
NGINX_PID=$!
# The tarpit accepts (the kernel completes the handshake into the backlog) and never answers.
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$PORT_TARPIT)); s.listen(4096); time.sleep(3600)" &
TARPIT_PID=$!
trap 'kill $NGINX_PID $TARPIT_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT_GOOD/ok/0000.xml" && break; sleep 0.1; done

measure() { python3 scripts/bench/bench_sync.py "$@"; }
LABNETZ=(sync --timeout 5 --per-host 64 --now 2026-11-21T12:00:00Z)
{
  READER=("$PWD/$VENV/bin/python" "$PWD/scripts/bench/reader_update.py" reader.sqlite urls.txt)
  measure labnetz-full "$DATA/mixed" "$PWD/$BIN" "${LABNETZ[@]}" --config federation.json
  measure reader-full "$DATA/mixed" "${READER[@]}" 1 5
  rm -f "$DATA/mixed/reader.sqlite"*
  measure reader32-full "$DATA/mixed" "${READER[@]}" "$READER_TUNED" 5
  "$BIN" "${LABNETZ[@]}" --config "$DATA/good/federation.json" >/dev/null
  measure labnetz-304 "$DATA/good" "$PWD/$BIN" "${LABNETZ[@]}" --config federation.json
  (cd "$DATA/good" && "${READER[@]}" "$READER_TUNED" 5 >/dev/null)
  measure reader-304 "$DATA/good" "${READER[@]}" 1 5
  measure reader32-304 "$DATA/good" "${READER[@]}" "$READER_TUNED" 5
} | tee "$DATA/results.jsonl"

python3 - "$DATA/results.jsonl" "$SOURCES" <<'PY'
import json, sys
rows = {r["label"]: r for r in map(json.loads, open(sys.argv[1]))}
print(f"\nsync of {sys.argv[2]} sources on loopback nginx (5 s per-source timeout)")
print(f"{'run':<5} {'labnetz s':>10} {'reader s':>9} {'ratio':>7} {'reader/32 s':>12} {'ratio':>7} {'labnetz MB':>11} {'reader MB':>10}")
for run, goal_time, goal_ratio in (("full", 10, 8), ("304", 2, 10)):
    l, r, t = rows[f"labnetz-{run}"], rows[f"reader-{run}"], rows[f"reader32-{run}"]
    ratio, tuned = r["wall"] / l["wall"], t["wall"] / l["wall"]
    print(f"{run:<5} {l['wall']:>10.2f} {r['wall']:>9.2f} {ratio:>6.1f}× {t['wall']:>12.2f} {tuned:>6.1f}× {l['peak_mb']:>11.1f} {r['peak_mb']:>10.1f}"
          f"   goals: ≤{goal_time} s {'met' if l['wall'] <= goal_time else 'MISSED'},"
          f" ≥{goal_ratio}× reader {'met' if ratio >= goal_ratio else 'MISSED'},"
          f" ≤200 MB {'met' if l['peak_mb'] <= 200 else 'MISSED'}")
for r in rows.values():
    print(f"  {r['label']}: exit {r['exit']}: {r['last_line']}")
PY
