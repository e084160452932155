#!/usr/bin/env bash
# How the cache engine's cost grows with its size (issue 14), measured and plotted.
#
# Usage: scripts/scale-bench.sh [OUT]
#   Runs io.tiercache.bench.ScaleRunner through the bench Maven profile: the L1 hit latency (JMH, one fork per case,
#   -Xmx${SCALE_HEAP}) and heap per entry at 10k, 100k and 1M entries of 1 KiB (bound by count; by memory at 10k and
#   100k) and 10k entries of 100 KiB; then removeAll and invalidatePattern over 10k, 100k and 1M Redis keys of 1 KiB,
#   against a redis-server it starts on a free port of 127.0.0.1 (--save '' --appendonly no). Writes l1.csv and
#   invalidation.csv into OUT (default target/scale), then plots them into docs/img/scale-*.png.
# Environment (set empty to skip a series): SCALE_COUNTS (10000,100000,1000000), SCALE_MEMORY_COUNTS
#   (10000,100000), SCALE_BIG_COUNTS (10000),
#   SCALE_HEAP (8g: the 1M case holds about 3 GB), WARMUP (2), ITERATIONS (3), TIME (1 s per iteration).
# Needs: Maven and Java 17, redis-server on PATH, python3 with matplotlib (Debian: apt-get install -y
#   python3-matplotlib; the script uses /usr/bin/python3 when it has matplotlib). About 8 minutes on 2 cores.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(cd "$ROOT" && mkdir -p "${1:-target/scale}" && cd "${1:-target/scale}" && pwd)
cd "$ROOT"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -Pbench test-compile exec:exec -Dbench.main=io.tiercache.bench.ScaleRunner -Dbench.out="$OUT" \
    -Dscale.counts="${SCALE_COUNTS-10000,100000,1000000}" \
    -Dscale.memory-counts="${SCALE_MEMORY_COUNTS-10000,100000}" \
    -Dscale.big-counts="${SCALE_BIG_COUNTS-10000}" -Dscale.heap="${SCALE_HEAP:-8g}" \
    -Dbench.warmup="${WARMUP:-2}" -Dbench.iterations="${ITERATIONS:-3}" -Dbench.time="${TIME:-1}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

PYTHON=python3
if ! "$PYTHON" -c 'import matplotlib' 2>/dev/null && /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then
    PYTHON=/usr/bin/python3
fi
"$PYTHON" "$ROOT/scripts/plot-scale.py" "$OUT" "$ROOT/docs/img"
