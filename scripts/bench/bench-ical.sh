#!/usr/bin/env bash
# Parse + expand one year of a 5 MB calendar shaped like the labs' exports (2,000 events:
# weekly and monthly rules with COUNT/UNTIL/no end, EXDATEs, moved and cancelled overrides,
# all-day and single events, two VTIMEZONEs, long folded descriptions).
# labnetz (release, `inspect --json`) against python icalendar + recurring-ical-events and python
# `ical` (in process, import and file read excluded), same file, same run, best of 3 each; wall
# time and CPU time (user+sys), since the machine may be shared. labnetz is given both as a whole
# process and in process (same clocks and start point as the peers); the goal is stated in process.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/labnetz}
[ -x "$BIN" ] || { echo "bench-ical: $BIN missing; run make release"; exit 1; }
VENV=${VENV:-.build/bench-venv}
DATA=.build/bench-data
FROM=2026-01-01
TO=2026-12-31
mkdir -p "$DATA"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q --disable-pip-version-check icalendar recurring-ical-events ical
FILE=$DATA/lab-calendar-5mb.ics
[ -f "$FILE" ] || "$VENV/bin/python" scripts/bench/bench_ical.py generate "$FILE"
size=$(wc -c <"$FILE")
events=$(grep -c '^BEGIN:VEVENT' "$FILE")

# labnetz twice over: as a whole process (start-up, mapping the file, writing 9.6 MB of JSON to a
# file), and in process as it reports with --timing (parse + expand + JSON from the file's bytes in
# memory: the peers' scope, plus the JSON they do not write). Start-up alone: the same command on
# an empty calendar.
EMPTY=$DATA/empty-calendar.ics
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//labnetz//bench//EN\r\nEND:VCALENDAR\r\n' >"$EMPTY"
read -r wall cpu iwall icpu < <("$VENV/bin/python" scripts/bench/bench_ical.py labnetz "$BIN" "$FILE" $FROM $TO "$DATA/labnetz-ical.json")
read -r swall scpu _ _ < <("$VENV/bin/python" scripts/bench/bench_ical.py labnetz "$BIN" "$EMPTY" $FROM $TO "$DATA/labnetz-empty.json")
count=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["occurrences_count"])' "$DATA/labnetz-ical.json")
read -r rie rie_cpu rie_n < <("$VENV/bin/python" scripts/bench/bench_ical.py peer recurring-ical-events "$FILE" $FROM $TO)
read -r ical ical_cpu ical_n < <("$VENV/bin/python" scripts/bench/bench_ical.py peer ical "$FILE" $FROM $TO)

ratio() { echo "$1 / $2" | bc -l; }
echo "calendar: $FILE, $size bytes, $events VEVENTs (masters and overrides), window $FROM..$TO; best of 3 each"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-36s %-34s %8s %8s %11s %13s %13s\n' engine scope "wall s" "cpu s" occurrences "x in-process" "x whole"
printf '%-36s %-34s %8s %8s %11s %13s %13s\n' "" "" "" "" "" "(wall / cpu)" "(wall / cpu)"
printf '%-36s %-34s %8.3f %8.3f %11s %13s %13s\n' "labnetz inspect --json (release)" "in process: parse+expand+JSON" "$iwall" "$icpu" "$count" - -
printf '%-36s %-34s %8.3f %8.3f %11s %13s %13s\n' "labnetz inspect --json (release)" "whole process (start-up, I/O)" "$wall" "$cpu" "$count" - -
printf '%-36s %-34s %8.3f %8.3f %11s %13s %13s\n' "labnetz, same command, empty file" "whole process: start-up only" "$swall" "$scpu" 0 - -
for peer in "icalendar + recurring-ical-events:$rie:$rie_cpu:$rie_n" "ical (python):$ical:$ical_cpu:$ical_n"; do
  IFS=: read -r name w c n <<<"$peer"
  printf '%-36s %-34s %8.3f %8.3f %11s %5.1fx/%5.1fx %5.1fx/%5.1fx\n' "$name" "in process: parse+expand" "$w" "$c" "$n" \
    "$(ratio "$w" "$iwall")" "$(ratio "$c" "$icpu")" "$(ratio "$w" "$wall")" "$(ratio "$c" "$cpu")"
done
fw=$(echo "if ($rie < $ical) $rie else $ical" | bc -l)
fc=$(echo "if ($rie_cpu < $ical_cpu) $rie_cpu else $ical_cpu" | bc -l)
printf 'against the faster Python peer, same scope (in process; labnetz also writes the JSON): %.1fx wall, %.1fx cpu (goal >= 20x)\n' \
  "$(ratio "$fw" "$iwall")" "$(ratio "$fc" "$icpu")"
printf 'against the faster Python peer, labnetz as a whole process (start-up %.3f s cpu included): %.1fx wall, %.1fx cpu\n' \
  "$scpu" "$(ratio "$fw" "$wall")" "$(ratio "$fc" "$cpu")"
