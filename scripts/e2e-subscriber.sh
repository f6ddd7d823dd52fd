#!/usr/bin/env bash
# A subscriber's view of merging: vdirsyncer pulls regional.ics from `labnetz serve` into a vdir
# (one file per event, as a calendar client keeps them). Then the members' feeds change: a re-post
# of an existing event appears, a title is edited, an event is cancelled, an event disappears.
# After the next sync and pull, no event may exist twice and each must show the expected status.
# Uses the labelled dedup corpus (Tests/LabnetzTests/Fixtures/dedup). Installs vdirsyncer and
# python-icalendar into .build/e2e-venv.
set -euo pipefail
source "$(dirname "$0")/lib/e2e-common.sh"
venv_install vdirsyncer icalendar

mkdir "$WORK/hub"
cp Tests/LabnetzTests/Fixtures/dedup/*.ics Tests/LabnetzTests/Fixtures/dedup/*.rss \
  Tests/LabnetzTests/Fixtures/dedup/federation.json "$WORK/hub/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s#\"baseURL\": *\"[^\"]*\"#\"baseURL\": \"http://127.0.0.1:$PORT/\"#" "$WORK/hub/federation.json"
CONFIG="$WORK/hub/federation.json"

"$BIN" sync --config "$CONFIG" --now 2026-11-21T12:00:00Z >/dev/null
"$BIN" serve --config "$CONFIG" --port "$PORT" >/dev/null 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

mkdir -p "$WORK/vdir" "$WORK/status"
cat >"$WORK/vdirsyncer.conf" <<EOF
[general]
status_path = "$WORK/status/"

[pair regional]
a = "hub"
b = "calendar"
collections = null
conflict_resolution = "a wins"

[storage hub]
type = "http"
url = "http://127.0.0.1:$PORT/regional.ics"

[storage calendar]
type = "filesystem"
path = "$WORK/vdir/"
fileext = ".ics"
EOF
export VDIRSYNCER_CONFIG="$WORK/vdirsyncer.conf"
pull() {
  yes | "$VENV/bin/vdirsyncer" discover regional >/dev/null 2>&1 || true
  "$VENV/bin/vdirsyncer" sync >"$WORK/vdirsyncer.log" 2>&1 || { cat "$WORK/vdirsyncer.log"; exit 1; }
}

# Reads a vdir (one event per file) or a whole calendar: every event with its source items.
# vdirsyncer's http storage replaces each UID by a hash of the item's content, so events are
# told apart by the source items (X-LABNETZ-SOURCE) they carry; a source item in two events fails.
cat >"$WORK/check.py" <<'EOF'
import json, pathlib, sys
from icalendar import Calendar

where = pathlib.Path(sys.argv[1])
files = sorted(where.glob("*.ics")) if where.is_dir() else [where]
events, owner = [], {}
for path in files:
    cal = Calendar.from_ical(path.read_bytes())
    masters = [c for c in cal.walk("VEVENT") if c.get("RECURRENCE-ID") is None]
    assert len(masters) == 1 or not where.is_dir(), f"{path.name}: {len(masters)} master VEVENTs"
    for e in masters:
        sources = e.get("X-LABNETZ-SOURCE", [])
        sources = sorted(str(s).split("/", 1)[1] for s in (sources if isinstance(sources, list) else [sources]))
        for key in sources:
            assert key not in owner, f"duplicate: {key} is carried by two events"
            owner[key] = len(events)
        events.append({"uid": str(e["UID"]), "summary": str(e["SUMMARY"]), "status": str(e.get("STATUS", "")),
                       "sequence": int(e.get("SEQUENCE", 0)), "sources": sources})
json.dump(events, sys.stdout, ensure_ascii=False)
EOF
snapshot() {
  "$VENV/bin/python" "$WORK/check.py" "$WORK/vdir" >"$WORK/$1.json"
  curl -fsS "http://127.0.0.1:$PORT/regional.ics" -o "$WORK/$1-served.ics"
  "$VENV/bin/python" "$WORK/check.py" "$WORK/$1-served.ics" >"$WORK/$1-served.json"
}

pull
snapshot before
echo "ok: vdirsyncer pulled $(ls "$WORK/vdir" | wc -l) events, no source item in two of them"

# The members change their feeds.
python3 - "$WORK/hub" <<'EOF'
import pathlib, re, sys
hub = pathlib.Path(sys.argv[1])
def edit_event(name, marker, change, sep):
    path = hub / name
    parts = open(path, newline="").read().split(sep)
    hits = [i for i, p in enumerate(parts) if marker in p]
    assert len(hits) == 1, (name, marker, hits)
    new = change(parts[hits[0]])
    if new is None:
        del parts[hits[0]]
    else:
        parts[hits[0]] = new
    open(path, "w", newline="").write(sep.join(parts))
# 1. the district agency re-posts Soest's podcast workshop (new guid, other title, short address)
rss = hub / "hsk-events.rss"
rss.write_text(rss.read_text().replace("</channel>", """<item>
<title>Podcast-Werkstatt im stadtLABOR Soest: erste Folge aufnehmen</title>
<guid isPermaLink="false">hsk-repost-podcast-soest</guid>
<description>Tipp aus der Region.</description>
<ev:startdate>2027-03-03T17:00:00Z</ev:startdate>
<ev:location>Markt 7, 59494 Soest</ev:location>
</item>
</channel>"""))
# 2. Soest edits a title
edit_event("soest-events.ics", "DESCRIPTION:LED-Streifen",
           lambda p: p.replace("SUMMARY:Lichtkunst mit Arduino", "SUMMARY:Lichtkunst mit Arduino und Neopixeln"),
           "BEGIN:VEVENT")
# 3. Arnsberg cancels its games evening
edit_event("arnsberg-events.ics", "SUMMARY:Spieleabend",
           lambda p: p.replace("STATUS:CONFIRMED", "STATUS:CANCELLED"), "BEGIN:VEVENT")
# 4. Menden drops its retro gaming afternoon from the feed
edit_event("menden-events.ics", "SUMMARY:Retro-Gaming-Nachmittag", lambda p: None, "BEGIN:VEVENT")
EOF

"$BIN" sync --config "$CONFIG" --now 2026-11-22T12:00:00Z >/dev/null
[ -n "${KEEP:-}" ] && cp -r "$WORK" /tmp/e2e-keep
pull
snapshot after

"$VENV/bin/python" - "$WORK" <<'EOF'
import json, sys
work = sys.argv[1]
B, A, BS, AS = (json.load(open(f"{work}/{n}.json")) for n in ("before", "after", "before-served", "after-served"))
passed = 0
def ok(text):
    global passed
    passed += 1
    print("ok: " + text)
def carrying(events, prefix, source):
    hits = [e for e in events if any(k.startswith(source + "/") for k in e["sources"]) and e["summary"].startswith(prefix)]
    assert hits, f"no event {prefix!r} from {source}"
    return hits
def same(events, event):
    """The event in `events` that carries any of `event`'s source items."""
    return next(e for e in events if set(e["sources"]) & set(event["sources"]))

assert len(A) == len(B), f"{len(B)} events before, {len(A)} after: the re-post made a duplicate or an event vanished"
ok(f"still {len(A)} events in the vdir after the changes: nothing duplicated, nothing silently dropped")

uid_before = {k: e["uid"] for e in BS for k in e["sources"]}
uid_after = {k: e["uid"] for e in AS for k in e["sources"]}
moved = [k for k in uid_before if k in uid_after and uid_before[k] != uid_after[k]]
assert not moved, moved
ok(f"every source item of the first pull is served under the same UID after the changes ({len(uid_before)} items)")

(podcast,) = carrying(B, "Podcast-Werkstatt", "soest-events")
now = same(A, podcast)
assert "hsk-events/hsk-repost-podcast-soest" in now["sources"] and now["sequence"] == podcast["sequence"] + 1, now
ok(f"the re-post joined the existing event (now {len(now['sources'])} sources, SEQUENCE {now['sequence']})")

light = [e for e in carrying(A, "Lichtkunst mit Arduino", "soest-events") if e["summary"].endswith("Neopixeln")]
assert len(light) == 1 and light[0]["sequence"] == same(B, light[0])["sequence"] + 1, light
ok("the edited title arrived, SEQUENCE up by one")

(games,) = carrying(A, "Spieleabend", "arnsberg-events")
assert games["status"] == "CANCELLED" and same(B, games)["status"] == "CONFIRMED", games
ok("the cancelled event is still there, STATUS:CANCELLED")

(retro,) = carrying(A, "Retro-Gaming-Nachmittag", "menden-events")
assert retro["status"] == "CANCELLED" and retro["sequence"] == same(B, retro)["sequence"] + 1, retro
ok("the event its source dropped stays, STATUS:CANCELLED, until its start has passed")

changed = [e["summary"] for e in A if e["sequence"] != same(B, e)["sequence"]]
assert len(changed) == 4, changed
ok("no other event changed its SEQUENCE")
print(f"e2e-subscriber: {passed + 1} passed, 0 failed")
EOF
