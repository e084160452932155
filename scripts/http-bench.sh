#!/usr/bin/env bash
# HTTP benchmark of the tiercache API with wrk, bounded in time, all on 127.0.0.1.
#
# Usage: scripts/http-bench.sh [BASE_URL]
#   Without BASE_URL it starts the README run command (mvn -Prun package) on free ports (HTTP, and an embedded
#   Redis of its own), and a second one with the `backtests` cache switched off
#   (tiercache.cache.backtests.l1.enabled=false, ...l2.enabled=false) to measure the same GET uncached; both run
#   side by side so that the cases can be interleaved, and both are stopped at the end.
#   With BASE_URL (a running service) it measures that one; UNCACHED_URL may name a second service whose
#   `backtests` cache is off, otherwise the uncached GET is skipped.
# Environment: DURATION (default 10s per case), THREADS (2), CONNECTIONS (16), ROUNDS (2: every case is run once
#   per round, the rounds one after another, and the table keeps each case's best round, which damps the noise
#   of other work on the machine).
#
# Cases, each for DURATION with THREADS threads and CONNECTIONS connections unless marked "1 conn":
#   ping          GET /api/ping: a no-op JAX-RS resource, the server's ceiling
#   strategy      GET /api/strategies/{id}: cached (L1 hit after the first request)
#   backtest      GET /api/backtests/{id}: cached
#   backtest-304  GET /api/backtests/{id} with If-None-Match of its ETag: 304 without a body
#   uncached      GET /api/backtests/{id} with its cache off: the JPA read and mapping each time
#   compute       POST /api/backtests with the inputs of that same backtest: runs its simulation again, stores it
# and "1 conn" runs of ping, backtest, uncached and compute (one request at a time: latency without queueing). The
# 1-conn ping is the HTTP floor: no GET over HTTP answers faster, so compute / floor bounds the compute / cached-GET
# ratio on this machine; the script prints both.
# Every case is warmed up for 3 s first (not counted).
set -euo pipefail

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
ROUNDS=${ROUNDS:-2}
SERVICE_PIDS=()

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

cleanup() {
    local pid
    for pid in "${SERVICE_PIDS[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_service NAME [-Dextra=...]: the README run command on free ports; sets BASE.
start_service() {
    local name=$1; shift
    local port redis_port log="$WORK/$name.log"
    port=$(free_port); redis_port=$(free_port)
    echo "Starting: mvn -Prun package -Dtiercache.http.port=$port -Dtiercache.redis.port=$redis_port $* (log $log)"
    (cd "$ROOT" && exec setsid mvn -q -Prun package -Dtiercache.http.port="$port" \
        -Dtiercache.redis.port="$redis_port" "$@") > "$log" 2>&1 &
    local pid=$!
    SERVICE_PIDS+=("$pid")
    for _ in $(seq 1 480); do
        if grep -q "tiercache ready at" "$log"; then
            BASE="http://127.0.0.1:$port"
            grep "tiercache ready at" "$log"
            return
        fi
        kill -0 "$pid" 2>/dev/null || { tail -40 "$log"; echo "The service did not start" >&2; exit 1; }
        sleep 0.5
    done
    echo "The service was not ready within 240 s" >&2
    exit 1
}

# Lua: a machine-readable last line; $1 = extra request setup.
lua() {
    cat > "$WORK/$1.lua" <<LUA
$2
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.1f %.1f %.1f %d\n", summary.requests, summary.duration,
      latency.mean, latency:percentile(50), latency:percentile(99), errors))
end
LUA
    echo "$WORK/$1.lua"
}

# measure CASE THREADS CONNECTIONS LUA URL [wrk args...]: appends "CASE conns requests duration mean p50 p99 errors".
measure() {
    local case=$1 threads=$2 conns=$3 script=$4 url=$5; shift 5
    echo "  $case ($conns conn): $url"
    local line
    line=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout 30s --latency -s "$script" "$@" "$url" | grep '^RESULT')
    echo "$case $conns ${line#RESULT }" >> "$WORK/results"
}

# warm_up [BASE]: every case for a few seconds, not counted (JIT, pools, first loads).
warm_up() {
    local base=${1:-$BASE}
    echo "  warming up $base"
    for path in api/ping "api/strategies/$STRATEGY" "api/backtests/$BACKTEST"; do
        wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$base/$path" > /dev/null
    done
    if [[ $# -eq 0 ]]; then
        wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "If-None-Match: $ETAG" "$base/api/backtests/$BACKTEST" > /dev/null
        wrk -t1 -c1 -d3s --timeout 30s -s "$POST_LUA" "$base/api/backtests" > /dev/null
    fi
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

GET_LUA=$(lua get "")

UNCACHED=${UNCACHED_URL:-}
if [[ $# -ge 1 ]]; then
    BASE=${1%/}
else
    start_service uncached -Dtiercache.cache.backtests.l1.enabled=false -Dtiercache.cache.backtests.l2.enabled=false
    UNCACHED=$BASE
    start_service cached
fi
UNCACHED=${UNCACHED%/}

STRATEGY=$(curl -fsS "$BASE/api/strategies?size=1" | json 'd["items"][0]["id"]')
BACKTEST=$(curl -fsS "$BASE/api/strategies/$STRATEGY/backtests" | json 'd[0]["id"]')
ETAG=$(curl -fsS -o /dev/null -D - "$BASE/api/backtests/$BACKTEST" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE/api/backtests/$BACKTEST")
[[ "$STATUS" == 304 ]] || { echo "Expected 304 for If-None-Match $ETAG, got $STATUS" >&2; exit 1; }
BODY=$(curl -fsS "$BASE/api/backtests/$BACKTEST" | json 'json.dumps({k: d[k] for k in ("strategyId", "symbol", "from", "to", "initialCapital")})')
POST_LUA=$(lua post "wrk.method = \"POST\"
wrk.headers[\"Content-Type\"] = \"application/json\"
wrk.body = '$BODY'")
echo "Strategy $STRATEGY, backtest $BACKTEST (ETag $ETAG); $DURATION per case, $THREADS threads, $ROUNDS rounds"
echo "The compute case recomputes that backtest: $BODY"
warm_up
[[ -z "$UNCACHED" ]] || warm_up "$UNCACHED"

for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round"
    measure ping "$THREADS" "$CONNECTIONS" "$GET_LUA" "$BASE/api/ping"
    measure strategy "$THREADS" "$CONNECTIONS" "$GET_LUA" "$BASE/api/strategies/$STRATEGY"
    measure backtest "$THREADS" "$CONNECTIONS" "$GET_LUA" "$BASE/api/backtests/$BACKTEST"
    [[ -z "$UNCACHED" ]] || measure uncached "$THREADS" "$CONNECTIONS" "$GET_LUA" "$UNCACHED/api/backtests/$BACKTEST"
    measure backtest-304 "$THREADS" "$CONNECTIONS" "$GET_LUA" "$BASE/api/backtests/$BACKTEST" -H "If-None-Match: $ETAG"
    measure ping 1 1 "$GET_LUA" "$BASE/api/ping"
    measure backtest 1 1 "$GET_LUA" "$BASE/api/backtests/$BACKTEST"
    [[ -z "$UNCACHED" ]] || measure uncached 1 1 "$GET_LUA" "$UNCACHED/api/backtests/$BACKTEST"
    measure compute 1 1 "$POST_LUA" "$BASE/api/backtests"
    measure compute "$THREADS" "$CONNECTIONS" "$POST_LUA" "$BASE/api/backtests"
done

python3 - "$WORK/results" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
print(f"\nBest of {len(rows) // max(1, len({(r[0], r[1]) for r in rows}))} rounds per case")
print(f"{'case':<14}{'conns':>6}{'req/s':>10}{'mean ms':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
best = {}
for case, conns, requests, duration, mean, p50, p99, errors in rows:
    rps = int(requests) / (int(duration) / 1e6)
    key = (case, int(conns))
    if key not in best or rps > best[key][0]:
        best[key] = (rps, float(mean) / 1000, float(p50) / 1000, float(p99) / 1000, errors)
for (case, conns), (rps, mean, p50, p99, errors) in best.items():
    by[(case, conns)] = (rps, mean, p50)
    print(f"{case:<14}{conns:>6}{rps:>10.0f}{mean:>10.3f}{p50:>9.3f}{p99:>9.3f}{errors:>8}")
def ratio(label, value, target=None):
    verdict = "" if target is None else ("  (target >= %g: %s)" % (target, "met" if value >= target else "NOT met"))
    print(f"{label:<58}{value:>10.2f}{verdict}")
print()
multi = [k for k in by if k[1] > 1]
conns = max(k[1] for k in multi)
ping = by[("ping", conns)][0]
ratio("cached strategy GET / no-op ping, req/s", by[("strategy", conns)][0] / ping, 0.8)
ratio("cached backtest GET / no-op ping, req/s", by[("backtest", conns)][0] / ping, 0.8)
ratio("conditional GET (304) / no-op ping, req/s", by[("backtest-304", conns)][0] / ping)
ratio("compute latency / cached backtest GET latency, 1 conn, mean",
      by[("compute", 1)][1] / by[("backtest", 1)][1], 1000)
ratio("compute latency / cached backtest GET latency, 1 conn, p50",
      by[("compute", 1)][2] / by[("backtest", 1)][2], 1000)
print(f"{'HTTP floor: no-op ping latency, 1 conn, p50 (ms)':<58}{by[('ping', 1)][2]:>10.3f}")
ratio("  ceiling of the ratio above: compute p50 / HTTP floor", by[("compute", 1)][2] / by[("ping", 1)][2])
print("  (a cached GET cannot beat the HTTP round trip: the cache's own ratio is the JMH benchmark's, mvn -Pbench)")
if ("uncached", 1) in by:
    ratio("uncached GET latency / cached GET latency, 1 conn", by[("uncached", 1)][1] / by[("backtest", 1)][1])
    ratio("cached GET / uncached GET, req/s", by[("backtest", conns)][0] / by[("uncached", conns)][0])
PY
