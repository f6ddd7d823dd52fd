#!/usr/bin/env bash
# A real subscriber reads regional.ics: `labnetz sync` on a copy of the shipped data, `labnetz
# serve` on 127.0.0.1, vdirsyncer (http storage) pulls regional.ics into a vdir, and `khal list`
# must show the same occurrences for the next 90 days as labnetz's own expansion
# (`labnetz inspect --json` of the published file). Also: python `icalendar` and libical
# (scripts/libical/libical-inspect.c, built here) accept the file, and libical's expansion
# agrees too. Installs vdirsyncer, khal and icalendar into .build/e2e-venv, libical-dev by apt.
set -euo pipefail
source "$(dirname "$0")/lib/e2e-common.sh"
venv_install icalendar vdirsyncer khal
if ! pkg-config --exists libical 2>/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libical-dev pkg-config >/dev/null
fi
mkdir -p .build/libical
CC=${CC:-$(command -v cc || command -v gcc || command -v clang)}
"$CC" -O2 -o .build/libical/libical-inspect scripts/libical/libical-inspect.c $(pkg-config --cflags --libs libical)

cp -r federation.json feeds "$WORK/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s#\"baseURL\": *\"[^\"]*\"#\"baseURL\": \"http://127.0.0.1:$PORT/\"#" "$WORK/federation.json"
TODAY=2026-11-21
LAST=2027-02-18  # 90 days: TODAY .. TODAY+89, both inclusive
"$BIN" sync --config "$WORK/federation.json" --now "${TODAY}T12:00:00Z" >/dev/null
"$BIN" serve --config "$WORK/federation.json" --port "$PORT" >/dev/null 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/regional.ics" >/dev/null 2>&1 && break; sleep 0.2; done

export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data XDG_CACHE_HOME=$WORK/cache
mkdir -p "$WORK/config" "$WORK/vdir/regional" "$WORK/status"
cat >"$WORK/vdirsyncer.conf" <<CONF
[general]
status_path = "$WORK/status/"

[pair regional]
a = "hub"
b = "local"
collections = null
conflict_resolution = "a wins"

[storage hub]
type = "http"
url = "http://127.0.0.1:$PORT/regional.ics"

[storage local]
type = "filesystem"
path = "$WORK/vdir/regional/"
fileext = ".ics"
CONF
"$VENV/bin/vdirsyncer" -c "$WORK/vdirsyncer.conf" discover regional >/dev/null
"$VENV/bin/vdirsyncer" -c "$WORK/vdirsyncer.conf" sync regional
n=$(ls "$WORK/vdir/regional" | wc -l)
[ "$n" -gt 0 ] || { echo "FAIL: vdirsyncer stored no events"; exit 1; }
echo "ok: vdirsyncer pulled $n items from http://127.0.0.1:$PORT/regional.ics"

cat >"$WORK/khal.conf" <<CONF
[calendars]
[[regional]]
path = $WORK/vdir/regional/
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Berlin
default_timezone = Europe/Berlin
CONF
"$VENV/bin/khal" -c "$WORK/khal.conf" list --day-format "" \
  --format "{start}|{end}|{title}" "$TODAY" 90d | sed "/^$/d" | sort -u >"$WORK/khal.txt"

# labnetz's own expansion of the same published file, in the same shape.
"$BIN" inspect --json --from "$TODAY" --to "$LAST" --limit 100000 "$WORK/public/regional.ics" >"$WORK/labnetz.json"
python3 - "$WORK/labnetz.json" >"$WORK/labnetz.txt" <<'PY'
import json, sys
from datetime import date, datetime, timedelta
def show(v, all_day, is_end):
    if all_day:
        d = date.fromisoformat(v)
        # khal shows an all-day event's last day, not the exclusive DTEND
        return (d - timedelta(days=1) if is_end else d).isoformat()
    return datetime.fromisoformat(v).strftime("%Y-%m-%d %H:%M")
for o in json.load(open(sys.argv[1]))["occurrences"]:
    print(f'{show(o["start"], o["all_day"], False)}|{show(o["end"], o["all_day"], True)}|{o["summary"]}')
PY
sort -u -o "$WORK/labnetz.txt" "$WORK/labnetz.txt"
if ! diff -u "$WORK/labnetz.txt" "$WORK/khal.txt"; then
  echo "FAIL: khal list and labnetz disagree on the next 90 days (- labnetz, + khal)"; exit 1
fi
echo "ok: khal list shows the same $(wc -l <"$WORK/khal.txt") occurrences as labnetz for $TODAY..$LAST"

"$VENV/bin/python" - "$WORK/public/regional.ics" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = [c for c in cal.walk("VEVENT")]
assert events, "no VEVENT"
for e in events:
    assert e.get("UID") and e.get("DTSTART") and e.get("DTSTAMP"), e
print(f"ok: python icalendar {icalendar.__version__} reads {len(events)} VEVENTs")
PY

.build/libical/libical-inspect inspect --json --from "$TODAY" --to "$LAST" "$WORK/public/regional.ics" >"$WORK/libical.json"
python3 - "$WORK/labnetz.json" "$WORK/libical.json" <<'PY'
import json, sys
from datetime import datetime, timezone
def key(o):
    s = o["start"]
    if not o["all_day"]:
        s = datetime.fromisoformat(s).astimezone(timezone.utc).isoformat()
    return (o["uid"], s)
ours, theirs = (json.load(open(p)) for p in sys.argv[1:3])
assert len(ours["events"]) == len(theirs["events"]), (len(ours["events"]), len(theirs["events"]))
a, b = sorted(map(key, ours["occurrences"])), sorted(map(key, theirs["occurrences"]))
if a != b:
    sys.exit(f"FAIL: libical expands differently: only labnetz {sorted(set(a)-set(b))[:3]}, only libical {sorted(set(b)-set(a))[:3]}")
print(f"ok: libical parses {len(theirs['events'])} VEVENTs and expands the same {len(b)} occurrences")
PY
echo "e2e-khal: passed"
