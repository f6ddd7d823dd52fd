#!/usr/bin/env bash
# Merge benchmark: 10k, 50k and 100k generated events from 100 sources (a fifth re-posted by one
# or two other sources, reworded, in UTC, with shorter addresses) through EventMerger, each size in
# its own process so the peak memory is that size's. Prints wall and CPU seconds (best of RUNS after
# a warm-up, in each of ROUNDS rounds), peak RSS, and the growth against 10k; near-linear means 100k
# within 12x the 10k time. The rounds take the sizes in turn (10k, 50k, 100k, 10k, ...), so a burst
# of load from other processes on the shared machine slows every size alike instead of one; the
# table shows each size's best and worst CPU over the rounds, and the growth within each round.
# The digest (FNV-1a of clusters, UIDs, content hashes and joins) must not change with a speed-up;
# "near" is the number of near misses `labnetz explain` could show.
# The peer is the same blocking done the simplest way in Python (rapidfuzz token_set_ratio on the
# same day and city), measured on the very same events in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"10000 50000 100000"}
DATA=.build/bench-data/merge
mkdir -p "$DATA"
# The flags of `make release`: other flags would rebuild the whole release folder (twice).
swift build -c release --static-swift-stdlib --product MergeBench >/dev/null
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

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; RUNS=$RUNS per process, ROUNDS=$ROUNDS"
results=()
for round in $(seq "$ROUNDS"); do
  for n in $SIZES; do
    dump=(--dump "$DATA/events-$n.jsonl")
    [ "$round" -gt 1 ] && dump=()
    labnetz=$("$BENCH" "$n" "$RUNS" "${dump[@]}")
    peer=$("$VENV/bin/python" "$DATA/peer.py" "$DATA/events-$n.jsonl" "$RUNS")
    results+=("$round|$n|$labnetz|$peer")
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "${results[@]}" <<'EOF'
import json, sys
runs = [(int(r), int(n), json.loads(a), json.loads(b)) for r, n, a, b in (x.split("|") for x in sys.argv[1:])]
sizes = list(dict.fromkeys(n for _, n, _, _ in runs))
rounds = sorted({r for r, _, _, _ in runs})
def of(n): return [(l, p) for _, m, l, p in runs if m == n]
for n in sizes:
    if len({l["digest"] for l, _ in of(n)}) != 1: sys.exit(f"{n} events: the digest differs between rounds")
best = {n: min(l["cpuSeconds"] for l, _ in of(n)) for n in sizes}
base = sizes[0]
print(f"{'events':>8} {'merged':>8} {'wall s':>7} {'cpu s':>7} {'cpu max':>8} {'x10k':>6} {'peak MB':>8} "
      f"{'peer s':>7} {'peer cpu':>9} {'peer MB':>8} {'peer/labnetz':>13} {'near':>6}  digest")
for n in sizes:
    ls, ps = [l for l, _ in of(n)], [p for _, p in of(n)]
    peer_cpu = min(p["cpuSeconds"] for p in ps)
    print(f"{n:>8} {ls[0]['merged']:>8} {min(l['seconds'] for l in ls):>7.3f} {best[n]:>7.3f} "
          f"{max(l['cpuSeconds'] for l in ls):>8.3f} {best[n] / best[base]:>6.1f} "
          f"{max(l['peakMB'] for l in ls):>8.1f} {min(p['seconds'] for p in ps):>7.3f} {peer_cpu:>9.3f} "
          f"{max(p['peakMB'] for p in ps):>8.1f} {peer_cpu / best[n]:>13.2f} {ls[0]['nearMisses']:>6}  {ls[0]['digest']}")
last = sizes[-1]
def cpu(r, n): return next(l for q, m, l, _ in runs if q == r and m == n)["cpuSeconds"]
per_round = [cpu(r, last) / cpu(r, base) for r in rounds]
wall = min(l["seconds"] for l, _ in of(last))
print(f"growth {last} vs {base}: {best[last] / best[base]:.1f}x CPU, best round of each (target <= 12x); "
      f"within one round {min(per_round):.1f}-{max(per_round):.1f}x; "
      f"{last} events: {wall:.2f} s wall, {best[last]:.2f} s CPU (target <= 3 s)")
EOF
