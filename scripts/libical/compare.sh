#!/usr/bin/env bash
# libical against labnetz's own iCalendar engine, on the same conformance corpora and goldens.
#
# Builds scripts/libical/libical-inspect.c (the inspect contract on libical's parser, VTIMEZONE
# handling and icalcomponent_foreach_recurrence) into .build/libical/, then runs the
# conformance harness once per engine, one job at a time so the times compare, and prints
# pass rates and run times side by side. Needs ../shared/conformance (not in a fresh clone).
#   scripts/libical/compare.sh [labnetz binary, default .build/release/labnetz]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/labnetz}
SHARED=${SHARED:-../shared}
CONF=$SHARED/conformance
[ -f "$CONF/conformance.py" ] || { echo "compare: $CONF not found"; exit 0; }
if ! pkg-config --exists libical; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get install -y -qq libical-dev >/dev/null
fi
mkdir -p .build/libical
CC=${CC:-$(command -v cc || command -v gcc || command -v clang)}
"$CC" -O2 -Wall -o .build/libical/libical-inspect scripts/libical/libical-inspect.c $(pkg-config --cflags --libs libical)
echo "libical $(pkg-config --modversion libical), labnetz $BIN"
printf '%-10s %-8s %10s %10s\n' engine corpus passed seconds
for corpus in ical rrule; do
  for engine in labnetz libical; do
    bin=$BIN; [ $engine = libical ] && bin=.build/libical/libical-inspect
    start=$(date +%s.%N)
    line=$(python3 "$CONF/conformance.py" run --bin "$bin" --corpus "$CONF/corpora/$corpus" --jobs 1 | tail -1)
    end=$(date +%s.%N)
    total=$(echo "$line" | sed -n 's/conformance: \([0-9]*\) passed, \([0-9]*\) failed/\1 \2/p' | awk '{printf "%d/%d (%.1f%%)", $1, $1+$2, 100*$1/($1+$2)}')
    printf '%-10s %-8s %18s %8.2f\n' $engine $corpus "$total" "$(echo "$end - $start" | bc)"
  done
done
