#!/usr/bin/env bash
# HTTP benchmark of the tiercache API with wrk, against the server's own ceiling, bounded in time, on 127.0.0.1.
#
# Usage: scripts/http-bench.sh
#   Starts the README run command (mvn -Prun package) on free ports (HTTP, and an embedded Redis of its own), and
#   beside it, on the same Payara Micro jar with the same pre-boot commands, a bare WAR: the classes of
#   src/test/java/io/tiercache/bare (a JAX-RS application with one no-op resource, GET /api/ping, and nothing else),
#   packaged here from target/test-classes. Every case runs on the service and then on the bare WAR, back to back,
#   so that both see the same load of the (shared) machine; the table gives the service's figures as ratios to the
#   bare WAR's. Both servers are stopped at the end.
# Environment: DURATION (default 10s per case), THREADS (2), ROUNDS (2: every case once per round; the table keeps
#   each case's best round, which damps the noise of other work on the machine).
#
# Cases (service / bare WAR):
#   16 and 256 connections: GET /api/backtests/{id} (cached: an L1 hit) and the same GET with If-None-Match of its
#     ETag (304), each against GET /api/ping of the bare WAR;
#   1 connection (one request at a time, latency without queueing): the cached GET against the bare ping, p50;
#   1000 connections: the cached GET (errors, p99, and its throughput against its own at 256 connections);
#   1 connection: POST /api/backtests recomputing that backtest (for the ratio of computing to a cached read).
# During the cached GET at 256 connections (first round) the script takes three thread dumps of the service's JVM
# (jstack) and counts its HTTP threads BLOCKED on a monitor: on the request path, and idle in Grizzly's pool
# (SyncThreadPool.getTask, waiting for a connection to serve; the bare WAR's dump is counted the same way).
# Every case is warmed up for 3 s first (not counted).
set -euo pipefail

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVICE_PIDS=()

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

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

# await LOG PID PATTERN: until PATTERN is in LOG (at most 300 s), or the process is gone.
await() {
    local log=$1 pid=$2 pattern=$3
    for _ in $(seq 1 600); do
        grep -q "$pattern" "$log" && return
        kill -0 "$pid" 2>/dev/null || { tail -40 "$log"; echo "It did not start: $log" >&2; exit 1; }
        sleep 0.5
    done
    echo "Not ready within 300 s: $log" >&2
    exit 1
}

start_service() {
    local port redis_port log="$WORK/service.log"
    port=$(free_port); redis_port=$(free_port)
    echo "Starting: mvn -Prun package -Dtiercache.http.port=$port -Dtiercache.redis.port=$redis_port (log $log)"
    (cd "$ROOT" && exec setsid mvn -q -Prun package -Dtiercache.http.port="$port" \
        -Dtiercache.redis.port="$redis_port") > "$log" 2>&1 &
    SERVICE_PIDS+=("$!")
    await "$log" "$!" "tiercache ready at"
    grep "tiercache ready at" "$log"
    SERVICE="http://127.0.0.1:$port"
    SERVICE_JVM=$(pgrep -f "payara-micro.jar.*--port $port" | head -1)
}

start_bare() {
    local port log="$WORK/bare.log" classes="$ROOT/target/test-classes/io/tiercache/bare"
    [[ -d "$classes" ]] || { echo "No $classes: the service's build compiles it" >&2; exit 1; }
    mkdir -p "$WORK/bare/WEB-INF/classes/io/tiercache"
    cp -r "$classes" "$WORK/bare/WEB-INF/classes/io/tiercache/"
    (cd "$WORK/bare" && jar cf "$WORK/bare.war" WEB-INF)
    port=$(free_port)
    echo "Starting the bare WAR on Payara Micro, port $port (log $log)"
    (exec setsid java -jar "$ROOT/target/payara-micro.jar" --deploy "$WORK/bare.war" --contextroot / \
        --port "$port" --nocluster \
        --prebootcommandfile "$ROOT/server-config/payara/pre-boot-commands.asadmin") > "$log" 2>&1 &
    SERVICE_PIDS+=("$!")
    BARE_JVM=$!
    BARE="http://127.0.0.1:$port"
    for _ in $(seq 1 600); do
        curl -fs "$BARE/api/ping" > /dev/null && break
        kill -0 "$BARE_JVM" 2>/dev/null || { tail -40 "$log"; echo "The bare WAR did not start" >&2; exit 1; }
        sleep 0.5
    done
    curl -fsS "$BARE/api/ping" > /dev/null
}

# Lua: a machine-readable last line; $2 = extra request setup.
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

# measure CASE CONNS LUA URL [wrk args...]: appends "CASE conns requests duration mean p50 p99 errors".
measure() {
    local case=$1 conns=$2 script=$3 url=$4; shift 4
    local threads=$THREADS
    (( conns >= threads )) || threads=$conns
    echo "  $case ($conns conn): $url"
    local line
    line=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout 30s --latency -s "$script" "$@" "$url" \
        | grep '^RESULT')
    echo "$case $conns ${line#RESULT }" >> "$WORK/results"
}

# dumps JVM NAME: three thread dumps of JVM, 1.5 s apart, counted into "dump NAME threads blocked idle-blocked".
dumps() {
    local jvm=$1 name=$2
    sleep 2
    for i in 1 2 3; do
        jstack "$jvm" > "$WORK/$name-$i.txt" 2>/dev/null || true
        sleep 1.5
    done
    python3 - "$name" "$WORK"/"$name"-?.txt >> "$WORK/results" <<'PY'
import re, sys
name, files = sys.argv[1], sys.argv[2:]
worst = (0, 0, 0)
for f in files:
    threads = re.split(r'\n(?=")', open(f).read())
    http = [t for t in threads if t.startswith('"http-thread-pool')]
    blocked = [t for t in http if 'java.lang.Thread.State: BLOCKED' in t]
    idle = [t for t in blocked if 'SyncThreadPool$SyncThreadWorker.getTask' in t]
    counts = (len(http), len(blocked) - len(idle), len(idle))
    worst = max(worst, counts, key=lambda c: (c[1], c[2]))
print("dump", name, *worst)
PY
    # keep a request-path BLOCKED stack for the report
    grep -h -A8 'java.lang.Thread.State: BLOCKED' "$WORK/$name"-?.txt | grep -v -e getTask -e 'Object.wait' \
        -e 'Thread.State' -e '^--' | sort | uniq -c | sort -rn | head -5 > "$WORK/$name-blocked-frames.txt" || true
}

# warm_up URL [wrk args]: a few seconds of it, not counted (JIT, pools, first loads).
warm_up() {
    wrk -t"$THREADS" -c16 -d3s "$@" > /dev/null
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

GET_LUA=$(lua get "")
start_service
start_bare

STRATEGY=$(curl -fsS "$SERVICE/api/strategies?size=1" | json 'd["items"][0]["id"]')
BACKTEST=$(curl -fsS "$SERVICE/api/strategies/$STRATEGY/backtests" | json 'd[0]["id"]')
GET="$SERVICE/api/backtests/$BACKTEST"
ETAG=$(curl -fsS -o /dev/null -D - "$GET" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$GET")
[[ "$STATUS" == 304 ]] || { echo "Expected 304 for If-None-Match $ETAG, got $STATUS" >&2; exit 1; }
BODY=$(curl -fsS "$GET" | json 'json.dumps({k: d[k] for k in ("strategyId", "symbol", "from", "to", "initialCapital")})')
POST_LUA=$(lua post "wrk.method = \"POST\"
wrk.headers[\"Content-Type\"] = \"application/json\"
wrk.body = '$BODY'")
echo "Backtest $BACKTEST (ETag $ETAG); $DURATION per case, $THREADS wrk threads, $ROUNDS rounds"

echo "Warming up"
warm_up "$GET"
warm_up -H "If-None-Match: $ETAG" "$GET"
warm_up "$BARE/api/ping"
wrk -t1 -c1 -d3s --timeout 30s -s "$POST_LUA" "$SERVICE/api/backtests" > /dev/null

for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round"
    for conns in 16 256; do
        if [[ $round == 1 && $conns == 256 ]]; then
            dumps "$SERVICE_JVM" service & DUMPS=$!
            measure cached "$conns" "$GET_LUA" "$GET"
            wait "$DUMPS"
            dumps "$BARE_JVM" bare & DUMPS=$!
            measure bare "$conns" "$GET_LUA" "$BARE/api/ping"
            wait "$DUMPS"
        else
            measure cached "$conns" "$GET_LUA" "$GET"
            measure bare "$conns" "$GET_LUA" "$BARE/api/ping"
        fi
        measure 304 "$conns" "$GET_LUA" "$GET" -H "If-None-Match: $ETAG"
        measure bare "$conns" "$GET_LUA" "$BARE/api/ping"
    done
    measure cached 1 "$GET_LUA" "$GET"
    measure bare 1 "$GET_LUA" "$BARE/api/ping"
    measure cached 1000 "$GET_LUA" "$GET"
    measure bare 1000 "$GET_LUA" "$BARE/api/ping"
    measure compute 1 "$POST_LUA" "$SERVICE/api/backtests"
done

python3 - "$WORK/results" <<'PY'
import sys
best, dumps = {}, {}
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "dump":
        dumps[f[1]] = tuple(int(x) for x in f[2:])
        continue
    case, conns, requests, duration, mean, p50, p99, errors = f
    rps = int(requests) / (int(duration) / 1e6)
    key = (case, int(conns))
    if key not in best or rps > best[key]["rps"]:
        best[key] = dict(rps=rps, mean=float(mean) / 1000, p50=float(p50) / 1000, p99=float(p99) / 1000,
                         errors=int(errors))
print(f"\nBest round per case; 'bare' is GET /api/ping of the bare WAR on the same Payara Micro\n")
print(f"{'case':<10}{'conns':>6}{'req/s':>10}{'mean ms':>10}{'p50 ms':>9}{'p99 ms':>10}{'errors':>8}")
for (case, conns), r in sorted(best.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    print(f"{case:<10}{conns:>6}{r['rps']:>10.0f}{r['mean']:>10.3f}{r['p50']:>9.3f}{r['p99']:>10.1f}{r['errors']:>8}")
print()
def row(label, value, target=None, at_most=False):
    verdict = ""
    if target is not None:
        met = value <= target if at_most else value >= target
        verdict = f"  (target {'<=' if at_most else '>='} {target}: {'met' if met else 'NOT met'})"
    print(f"{label:<62}{value:>8.2f}{verdict}")
for conns in (16, 256):
    bare = best[("bare", conns)]["rps"]
    row(f"cached GET / bare, req/s, {conns} connections", best[("cached", conns)]["rps"] / bare, 0.95)
    row(f"304 / bare, req/s, {conns} connections", best[("304", conns)]["rps"] / bare, 0.97)
row("cached GET p50 / bare p50, 1 connection", best[("cached", 1)]["p50"] / best[("bare", 1)]["p50"], 1.1, True)
c1000 = best[("cached", 1000)]
row("cached GET req/s at 1000 / at 256 connections", c1000["rps"] / best[("cached", 256)]["rps"], 0.8)
print(f"{'cached GET at 1000 connections: errors, p99 ms':<62}{c1000['errors']:>8} {c1000['p99']:.1f}"
      f"  (bare: {best[('bare', 1000)]['errors']} errors, p99 {best[('bare', 1000)]['p99']:.1f} ms,"
      f" {best[('bare', 1000)]['rps']:.0f} req/s)")
row("compute p50 / cached GET p50, 1 connection", best[("compute", 1)]["p50"] / best[("cached", 1)]["p50"])
for name, (threads, blocked, idle) in dumps.items():
    print(f"thread dump of the {name} under 256 connections (worst of 3): {threads} HTTP threads, "
          f"{blocked} BLOCKED on a monitor on the request path, {idle} BLOCKED idle in Grizzly's pool (getTask)")
PY
for name in service bare; do
    if [[ -s "$WORK/$name-blocked-frames.txt" ]]; then
        echo "Most frequent frames of the $name's BLOCKED request threads:"
        cat "$WORK/$name-blocked-frames.txt"
    fi
done
