#!/usr/bin/env bash
# Parse + expand one year of a 5 MB calendar shaped like the labs' exports (2,000 events:
# weekly and monthly rules with COUNT/UNTIL/no end, EXDATEs, moved and cancelled overrides,
# all-day and single events, two VTIMEZONEs, long folded descriptions).
# labnetz (release, `inspect --json`, process start and JSON output included) against python
# icalendar + recurring-ical-events and python `ical` (in process, import excluded), same file,
# same run, best of 3 each.
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

best=""
count=""
for _ in 1 2 3; do
  start=$(date +%s.%N)
  out=$("$BIN" inspect --json --from $FROM --to $TO --limit 10000000 "$FILE")
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  count=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["occurrences_count"])')
done
read -r rie rie_n < <("$VENV/bin/python" scripts/bench/bench_ical.py peer recurring-ical-events "$FILE" $FROM $TO)
read -r ical ical_n < <("$VENV/bin/python" scripts/bench/bench_ical.py peer ical "$FILE" $FROM $TO)

echo "calendar: $FILE, $size bytes, $events VEVENTs (masters and overrides), window $FROM..$TO"
printf '%-42s %10s %12s %14s\n' engine seconds occurrences "labnetz is"
printf '%-42s %10.3f %12s %14s\n' "labnetz inspect --json (release)" "$best" "$count" "-"
printf '%-42s %10.3f %12s %13.1fx\n' "icalendar + recurring-ical-events" "$rie" "$rie_n" "$(echo "$rie / $best" | bc -l)"
printf '%-42s %10.3f %12s %13.1fx\n' "ical (python)" "$ical" "$ical_n" "$(echo "$ical / $best" | bc -l)"
faster=$(echo "if ($rie < $ical) $rie else $ical" | bc -l)
printf 'ratio against the faster Python peer: %.1fx (goal >= 20x)\n' "$(echo "$faster / $best" | bc -l)"
