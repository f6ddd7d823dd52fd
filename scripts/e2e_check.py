"""Reads labnetz's published files with real clients and checks what a subscriber relies on."""
import json
import sys
from pathlib import Path

import feedparser
import icalendar
import jsonschema

public = Path(sys.argv[1])
failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


cal = icalendar.Calendar.from_ical((public / "regional.ics").read_bytes())
events = [c for c in cal.walk("VEVENT")]
timezones = [c for c in cal.walk("VTIMEZONE")]
check(len(events) > 0, f"regional.ics parses with python icalendar ({len(events)} VEVENTs)")
check([str(t["TZID"]) for t in timezones] == ["Europe/Berlin"], "regional.ics has one VTIMEZONE, Europe/Berlin")
check(any("RRULE" in e for e in events), "regional.ics keeps RRULEs")
uids = [str(e["UID"]) for e in events if "RECURRENCE-ID" not in e]
check(len(uids) == len(set(uids)), "every merged event has its own UID")
meetings = [e for e in events if "netzwerktreffen" in str(e["SUMMARY"]).lower()]
check(len(meetings) == 1, f"the network meeting appears once in regional.ics (found {len(meetings)})")

for name in ("news.atom", "news.rss"):
    parsed = feedparser.parse(str(public / name))
    check(not parsed.bozo, f"{name} parses with feedparser without bozo ({len(parsed.entries)} entries)")
    check(len(parsed.entries) > 0, f"{name} has entries")

schema = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
for name in ("regional.json", "news.json"):
    feed = json.loads((public / name).read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(feed), key=lambda e: list(e.path))
    detail = "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:3])
    check(not errors, f"{name} validates against the JSON Feed 1.1 schema ({len(feed['items'])} items) {detail}")

regional = json.loads((public / "regional.json").read_text(encoding="utf-8"))
meeting = [i for i in regional["items"] if "netzwerktreffen" in i["title"].lower()]
members = sorted({s["member"] for s in meeting[0]["_labnetz"]["sources"]}) if meeting else []
check(len(meeting) == 1 and len(members) >= 2, f"the meeting lists its members in _labnetz.sources: {members}")
keys = {"start", "end", "allDay", "location", "status", "sources"}
check(all(keys <= set(i["_labnetz"]) for i in regional["items"]), "every regional.json item carries _labnetz")

status = json.loads((public / "status.json").read_text(encoding="utf-8"))
check(all(s["state"] in ("ok", "unchanged") for s in status["sources"]), "status.json: every shipped source is healthy")
html = (public / "index.html").read_text(encoding="utf-8")
check('<html lang="de">' in html and "<script" not in html.lower(), "index.html is German and has no script")

sys.exit(1 if failures else 0)
