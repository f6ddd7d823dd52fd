#!/usr/bin/env bash
# Parse + expand one year of a 5 MB calendar shaped like the labs' exports (2,000 events:
# weekly and monthly rules with COUNT/UNTIL/no end, EXDATEs, moved and cancelled overrides,
# all-day and single events, two VTIMEZONEs, long folded descriptions).
# labnetz (release, `inspect --json`, process start and JSON output included) against python
# icalendar + recurring-ical-events and python `ical` (in process, import excluded), same file,
# same run, best of 3 each; wall time and CPU time (user+sys), since the machine may be shared.
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
cpu=""
count=""
for _ in 1 2 3; do
  read -r t c < <({ /usr/bin/time -f "%e %U %S" "$BIN" inspect --json --from $FROM --to $TO --limit 10000000 "$FILE" \
    >"$DATA/labnetz-ical.json"; } 2>&1 | tail -1 | awk '{print $1, $2 + $3}')
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  if [ -z "$cpu" ] || [ "$(echo "$c < $cpu" | bc)" = 1 ]; then cpu=$c; fi
done
count=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["occurrences_count"])' "$DATA/labnetz-ical.json")
read -r rie rie_cpu rie_n < <("$VENV/bin/python" scripts/bench/bench_ical.py peer recurring-ical-events "$FILE" $FROM $TO)
read -r ical ical_cpu ical_n < <("$VENV/bin/python" scripts/bench/bench_ical.py peer ical "$FILE" $FROM $TO)

echo "calendar: $FILE, $size bytes, $events VEVENTs (masters and overrides), window $FROM..$TO"
printf '%-38s %9s %9s %12s %10s %10s\n' engine "wall s" "cpu s" occurrences "wall x" "cpu x"
printf '%-38s %9.3f %9.3f %12s %10s %10s\n' "labnetz inspect --json (release)" "$best" "$cpu" "$count" - -
for peer in "icalendar + recurring-ical-events:$rie:$rie_cpu:$rie_n" "ical (python):$ical:$ical_cpu:$ical_n"; do
  IFS=: read -r name w c n <<<"$peer"
  printf '%-38s %9.3f %9.3f %12s %9.1fx %9.1fx\n' "$name" "$w" "$c" "$n" "$(echo "$w / $best" | bc -l)" "$(echo "$c / $cpu" | bc -l)"
done
fw=$(echo "if ($rie < $ical) $rie else $ical" | bc -l)
fc=$(echo "if ($rie_cpu < $ical_cpu) $rie_cpu else $ical_cpu" | bc -l)
printf 'against the faster Python peer: %.1fx wall, %.1fx cpu (goal >= 20x)\n' "$(echo "$fw / $best" | bc -l)" "$(echo "$fc / $cpu" | bc -l)"
