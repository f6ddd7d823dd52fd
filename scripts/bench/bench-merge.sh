#!/usr/bin/env bash
# Merge benchmark: 10k, 50k and 100k generated events from 100 sources (a fifth re-posted by one
# or two other sources, reworded, in UTC, with shorter addresses) through EventMerger, each size in
# its own process so the peak memory is that size's. Prints wall and CPU seconds (best of RUNS after
# a warm-up), peak RSS, and the growth against 10k; near-linear means 100k within 12x the 10k time.
# The digest (FNV-1a of clusters, UIDs, content hashes and joins) must not change with a speed-up;
# "near" is the number of near misses `labnetz explain` could show.
# The peer is the same blocking done the simplest way in Python (rapidfuzz token_set_ratio on the
# same day and city), measured on the very same events in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
SIZES=${SIZES:-"10000 50000 100000"}
DATA=.build/bench-data/merge
mkdir -p "$DATA"
swift build -c release --product MergeBench >/dev/null
BENCH=.build/release/MergeBench

VENV=.build/bench-venv
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q --disable-pip-version-check rapidfuzz

cat >"$DATA/peer.py" <<'EOF'
# Peer: block by local day and city, compare titles with rapidfuzz, union-find. No identities,
# no provenance, no trace: a lower bound for what a merge in Python costs.
import json, resource, sys, time
from collections import defaultdict
from rapidfuzz import fuzz

rows = [json.loads(line) for line in open(sys.argv[1])]
def run():
    parent = list(range(len(rows)))
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    blocks = defaultdict(list)
    for i, r in enumerate(rows):
        city = r["location"].rsplit(" ", 1)[-1].lower()
        blocks[(r["start"] + 3600) // 86400, city].append(i)
    for members in blocks.values():
        for x in range(len(members)):
            a = rows[members[x]]
            for y in range(x + 1, len(members)):
                b = rows[members[y]]
                if a["source"] != b["source"] and abs(a["start"] - b["start"]) <= 1800 \
                        and fuzz.token_set_ratio(a["title"].lower(), b["title"].lower()) >= 80:
                    parent[find(members[x])] = find(members[y])
    return len({find(i) for i in range(len(rows))})
best, cpu_best, merged = float("inf"), float("inf"), 0
for _ in range(int(sys.argv[2])):
    t, c = time.perf_counter(), time.process_time()
    merged = run()
    best, cpu_best = min(best, time.perf_counter() - t), min(cpu_best, time.process_time() - c)
print(json.dumps({"events": len(rows), "merged": merged, "seconds": round(best, 4), "cpuSeconds": round(cpu_best, 4),
                  "peakMB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
EOF

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
results=()
for n in $SIZES; do
  labnetz=$("$BENCH" "$n" "$RUNS" --dump "$DATA/events-$n.jsonl")
  peer=$("$VENV/bin/python" "$DATA/peer.py" "$DATA/events-$n.jsonl" "$RUNS")
  results+=("$n|$labnetz|$peer")
done
python3 - "${results[@]}" <<'EOF'
import json, sys
rows = [(int(a), json.loads(b), json.loads(c)) for a, b, c in (r.split("|") for r in sys.argv[1:])]
base = rows[0][1]
print(f"{'events':>8} {'merged':>8} {'labnetz s':>10} {'cpu s':>7} {'x10k':>6} {'peak MB':>8} "
      f"{'peer s':>8} {'peer cpu':>9} {'peer MB':>8} {'peer/labnetz':>13} {'near':>6}  digest")
for n, l, p in rows:
    print(f"{n:>8} {l['merged']:>8} {l['seconds']:>10.3f} {l['cpuSeconds']:>7.3f} "
          f"{l['cpuSeconds'] / base['cpuSeconds']:>6.1f} {l['peakMB']:>8.1f} {p['seconds']:>8.3f} "
          f"{p['cpuSeconds']:>9.3f} {p['peakMB']:>8.1f} {p['cpuSeconds'] / l['cpuSeconds']:>13.2f} {l['nearMisses']:>6}  "
          f"{l['digest']}")
last = rows[-1][1]
growth = last["cpuSeconds"] / base["cpuSeconds"]
print(f"growth {rows[-1][0]} vs {rows[0][0]}: {growth:.1f}x CPU (target <= 12x); "
      f"{rows[-1][0]} events: {last['seconds']:.2f} s wall, {last['cpuSeconds']:.2f} s CPU (target <= 3 s)")
EOF
