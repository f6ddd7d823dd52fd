#!/usr/bin/env python3
"""Helpers for bench-ical.sh: generate the calendar, and time the Python peers on it.

  bench_ical.py generate OUT.ics          a ~5 MB calendar shaped like real lab exports
  bench_ical.py peer NAME FILE FROM TO    parse + expand FROM..TO with one peer; prints
                                          "<wall s> <cpu s> <occurrences>" (best of 3, in process)
  bench_ical.py labnetz BIN FILE FROM TO OUT.json
                                          runs `BIN inspect --json --timing` 3 times; prints
                                          "<wall s> <cpu s> <in-process wall s> <in-process cpu s>"
                                          (best of 3 each; whole process from getrusage, in process
                                          as labnetz reports it: parse + expand + JSON, file in memory)
"""
import random
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta

ZONES = {
    "Europe/Berlin": ("+0100", "+0200", "CET", "CEST", "3", "10"),
    "Europe/London": ("+0000", "+0100", "GMT", "BST", "3", "10"),
}


def vtimezone(tzid, std, dst, sname, dname, spring, autumn):
    return [
        "BEGIN:VTIMEZONE", f"TZID:{tzid}", f"X-LIC-LOCATION:{tzid}",
        "BEGIN:DAYLIGHT", f"TZOFFSETFROM:{std}", f"TZOFFSETTO:{dst}", f"TZNAME:{dname}",
        "DTSTART:19700329T020000", f"RRULE:FREQ=YEARLY;BYMONTH={spring};BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", f"TZOFFSETFROM:{dst}", f"TZOFFSETTO:{std}", f"TZNAME:{sname}",
        "DTSTART:19701025T030000", f"RRULE:FREQ=YEARLY;BYMONTH={autumn};BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]


def fold(line):
    out, cur = [], b""
    for ch in line:
        b = ch.encode()
        if len(cur) + len(b) > (75 if not out else 74):
            out.append(cur)
            cur = b""
        cur += b
    out.append(cur)
    return b"\r\n ".join(out).decode()


WORDS = ("Werkstatt Repair-Café Stadtlabor Digitalisierung Bürgerbeteiligung Workshop Löten Offene "
         "Sprechstunde Netzwerktreffen Makerspace Nachhaltigkeit Quartier Mobilität Ehrenamt Jugend "
         "Senioren Kaffee Vortrag Diskussion Ausstellung Führung Anmeldung erbeten barrierefrei").split()


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def generate(path):
    rng = random.Random(20261121)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//labnetz bench//Lab exports//DE",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Stadtlabore Südwestfalen",
             "X-WR-TIMEZONE:Europe/Berlin"]
    for tzid, spec in ZONES.items():
        lines += vtimezone(tzid, *spec)
    stamp = "20261101T120000Z"
    for i in range(2000):
        tzid = "Europe/Berlin" if i % 5 else "Europe/London"
        start = datetime(2025, 1, 6, 9) + timedelta(days=rng.randrange(0, 700), hours=rng.randrange(0, 11))
        kind = i % 10  # 0-3 weekly, 4-5 monthly, 6 all-day, 7-9 single
        uid = f"event-{i:05d}@lab{i % 5}.example.org"
        ev = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}", f"CREATED:{stamp}", f"LAST-MODIFIED:{stamp}",
              f"SUMMARY:{text(rng, 4)}", fold(f"DESCRIPTION:{text(rng, 150)}"),
              fold(f"LOCATION:{text(rng, 3)}\\, Marktplatz {i % 40}\\, 59494 Soest"),
              "CATEGORIES:Workshop,Stadtlabor", f"ORGANIZER;CN=Lab {i % 5}:mailto:team@lab{i % 5}.example.org",
              f"URL:https://lab{i % 5}.example.org/events/{i}", "STATUS:CONFIRMED", "SEQUENCE:0",
              "TRANSP:OPAQUE", f"X-LAB-INTERNAL-ID:{i}"]
        if kind == 6:
            d = start.date()
            ev += [f"DTSTART;VALUE=DATE:{d:%Y%m%d}", f"DTEND;VALUE=DATE:{d + timedelta(days=1 + i % 3):%Y%m%d}"]
        else:
            end = start + timedelta(minutes=rng.choice([60, 90, 120, 180]))
            ev += [f"DTSTART;TZID={tzid}:{start:%Y%m%dT%H%M%S}", f"DTEND;TZID={tzid}:{end:%Y%m%dT%H%M%S}"]
        overrides = []
        if kind <= 5:
            if kind <= 3:
                day = ["MO", "TU", "WE", "TH", "FR"][start.weekday()] if start.weekday() < 5 else "SA"
                rule = f"FREQ=WEEKLY;BYDAY={day}"
                step = timedelta(weeks=1)
            else:
                rule = "FREQ=MONTHLY;BYDAY=2TH" if kind == 4 else f"FREQ=MONTHLY;BYMONTHDAY={min(start.day, 28)}"
                step = timedelta(days=28)
            if i % 3 == 0:
                rule += ";COUNT=40"
            elif i % 3 == 1:
                rule += f";UNTIL={start + timedelta(days=500):%Y%m%dT%H%M%SZ}"
            ev.append(f"RRULE:{rule}")
            if kind <= 3:
                ex = [start + step * k for k in (3, 7)]
                ev.append(f"EXDATE;TZID={tzid}:" + ",".join(f"{x:%Y%m%dT%H%M%S}" for x in ex))
                # one moved and one cancelled instance for every other weekly series
                if i % 2 == 0:
                    for k, (shift, status) in enumerate([(timedelta(hours=2), "CONFIRMED"), (timedelta(0), "CANCELLED")]):
                        rid = start + step * (5 + k * 4)
                        ns, ne = rid + shift, rid + shift + timedelta(hours=1)
                        overrides.append(
                            ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}", f"RECURRENCE-ID;TZID={tzid}:{rid:%Y%m%dT%H%M%S}",
                             f"DTSTART;TZID={tzid}:{ns:%Y%m%dT%H%M%S}", f"DTEND;TZID={tzid}:{ne:%Y%m%dT%H%M%S}",
                             f"SUMMARY:{text(rng, 4)} (geändert)", fold(f"DESCRIPTION:{text(rng, 60)}"),
                             f"STATUS:{status}", "SEQUENCE:1", "END:VEVENT"])
        ev.append("END:VEVENT")
        lines += ev
        for o in overrides:
            lines += o
    lines.append("END:VCALENDAR")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def best_of(n, fn):
    """Best wall time and best CPU time (user+sys of this process) over n runs."""
    best, best_cpu, count = None, None, None
    for _ in range(n):
        t, c = time.perf_counter(), time.process_time()
        count = fn()
        dt, dc = time.perf_counter() - t, time.process_time() - c
        best = dt if best is None else min(best, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
    return best, best_cpu, count


def peer(name, path, start, end):
    data = open(path, "rb").read()
    a = date.fromisoformat(start)
    b = date.fromisoformat(end) + timedelta(days=1)
    if name == "recurring-ical-events":
        import icalendar
        import recurring_ical_events

        def run():
            cal = icalendar.Calendar.from_ical(data)
            return len(recurring_ical_events.of(cal).between(a, b))
    elif name == "ical":
        from ical.calendar_stream import IcsCalendarStream
        import zoneinfo
        tz = zoneinfo.ZoneInfo("Europe/Berlin")

        def run():
            cal = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
            lo = datetime(a.year, a.month, a.day, tzinfo=tz)
            hi = datetime(b.year, b.month, b.day, tzinfo=tz)
            return sum(1 for _ in cal.timeline_tz(tz).overlapping(lo, hi))
    else:
        raise SystemExit(f"unknown peer {name}")
    seconds, cpu, count = best_of(3, run)
    print(f"{seconds:.3f} {cpu:.3f} {count}")


def labnetz(binary, path, start, end, out):
    """The whole process (start-up, reading the file, writing the JSON) by the clocks the peers
    use, plus the in-process figure labnetz prints with --timing."""
    best = [None] * 4
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        with open(out, "wb") as sink:
            done = subprocess.run(
                [binary, "inspect", "--json", "--timing", "--from", start, "--to", end, "--limit", "10000000", path],
                stdout=sink, stderr=subprocess.PIPE, check=True)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        line = next(x for x in done.stderr.decode().splitlines() if x.startswith("timing:"))
        fields = line.split()
        figures = [wall, cpu, float(fields[fields.index("wall") + 1]), float(fields[fields.index("cpu") + 1])]
        best = [f if b is None else min(b, f) for b, f in zip(best, figures)]
    print(" ".join(f"{x:.4f}" for x in best))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2])
    elif sys.argv[1] == "peer":
        peer(*sys.argv[2:6])
    elif sys.argv[1] == "labnetz":
        labnetz(*sys.argv[2:7])
