#!/usr/bin/env bash
# HTTP benchmark of the tiercache API with wrk, against the server's own ceiling, bounded in time, on 127.0.0.1.
#
# Usage: scripts/http-bench.sh
#   Starts the README run command (mvn -Prun package) on free ports (HTTP, and an embedded Redis of its own), and
#   beside it, on the same Payara Micro jar with the same pre-boot commands, a bare WAR: the classes of
#   src/test/java/io/tiercache/bare (a JAX-RS application with one no-op resource, GET /api/ping, and nothing else),
#   packaged here from target/test-classes. Every case runs on the service and on the bare WAR back to back,
#   so that both see the same load of the (shared) machine; the table gives the service's figures as ratios to the
#   bare WAR's. Both servers are stopped at the end.
# Environment: DURATION (default 10s per case), THREADS (2), ROUNDS (3: every case once per round).
#
# Cases, each paired with the bare WAR's GET /api/ping right before or after it (the order alternating by round):
#   16 and 256 connections: GET /api/backtests/{id} (cached: an L1 hit) and the same GET with If-None-Match of its
#     ETag (304);
#   1 connection (one request at a time, latency without queueing): the cached GET, compared by p50;
#   1000 connections: the cached GET (errors, p99, and its throughput against its own at 256 connections);
#   1 connection, service only: POST /api/backtests recomputing that backtest (computing against a cached read).
# The ratios are the median over the rounds of each round's pair (and, in brackets, of each case's best round).
# Then one more 256-connection run of each (not counted) with three thread dumps (jstack) that count the HTTP
# threads BLOCKED on a monitor: on the request path, and idle in Grizzly's pool (SyncThreadPool.getTask, a worker
# waiting for the next connection to serve, the same in both servers); the request-path ones are printed.
# Every case is warmed up for 3 s first (not counted).
set -euo pipefail

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
# shellcheck source=lib/bench.sh
source "$ROOT/scripts/lib/bench.sh"
bench_setup

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
    STARTED_PIDS+=("$!")
    BARE_JVM=$!
    BARE="http://127.0.0.1:$port"
    for _ in $(seq 1 1200); do
        curl -fs "$BARE/api/ping" > /dev/null && break
        kill -0 "$BARE_JVM" 2>/dev/null || { tail -40 "$log"; echo "The bare WAR did not start" >&2; exit 1; }
        sleep 0.5
    done
    curl -fsS "$BARE/api/ping" > /dev/null
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

# dump_under_load JVM NAME URL: a 256-connection run of URL (not counted) with three thread dumps of JVM (jstack),
# 1.5 s apart; appends "dump NAME http-threads blocked-on-the-request-path blocked-idle" (the worst dump) to the
# results and the top frames of the request-path BLOCKED threads to NAME-blocked.txt.
dump_under_load() {
    local jvm=$1 name=$2 url=$3
    wrk -t"$THREADS" -c256 -d8s --timeout 30s "$url" > /dev/null &
    local load=$!
    sleep 2
    for i in 1 2 3; do
        jstack "$jvm" > "$WORK/$name-$i.txt" 2>/dev/null || true
        sleep 1.5
    done
    wait "$load"
    python3 - "$name" "$WORK/$name-blocked.txt" "$WORK"/"$name"-?.txt >> "$WORK/results" <<'PY'
import collections, re, sys
name, report, files = sys.argv[1], sys.argv[2], sys.argv[3:]
worst, frames = (0, 0, 0), collections.Counter()
for f in files:
    threads = re.split(r'\n(?=")', open(f).read())
    http = [t for t in threads if t.startswith('"http-thread-pool')]
    blocked = [t for t in http if 'java.lang.Thread.State: BLOCKED' in t]
    idle = [t for t in blocked if 'SyncThreadPool$SyncThreadWorker.getTask' in t]
    for t in blocked:
        if t not in idle:
            frames[" <- ".join(l.strip() for l in t.splitlines()[2:6])] += 1
    worst = max(worst, (len(http), len(blocked) - len(idle), len(idle)), key=lambda c: (c[1], c[2]))
with open(report, "w") as out:
    for stack, count in frames.most_common(5):
        out.write(f"  {count} x {stack}\n")
print("dump", name, *worst)
PY
}

# warm_up URL [wrk args]: a few seconds of it, not counted (JIT, pools, first loads).
warm_up() {
    wrk -t"$THREADS" -c16 -d3s "$@" > /dev/null
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

GET_LUA=$(result_lua get)
start_service
start_bare

STRATEGY=$(curl -fsS "$SERVICE/api/strategies?size=1" | json 'd["items"][0]["id"]')
BACKTEST=$(curl -fsS "$SERVICE/api/strategies/$STRATEGY/backtests" | json 'd[0]["id"]')
GET="$SERVICE/api/backtests/$BACKTEST"
ETAG=$(curl -fsS -o /dev/null -D - "$GET" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$GET")
[[ "$STATUS" == 304 ]] || { echo "Expected 304 for If-None-Match $ETAG, got $STATUS" >&2; exit 1; }
BODY=$(curl -fsS "$GET" | json 'json.dumps({k: d[k] for k in ("strategyId", "symbol", "from", "to", "initialCapital")})')
POST_LUA=$(result_lua post "wrk.method = \"POST\"
wrk.headers[\"Content-Type\"] = \"application/json\"
wrk.body = '$BODY'")
echo "Backtest $BACKTEST (ETag $ETAG); $DURATION per case, $THREADS wrk threads, $ROUNDS rounds"

echo "Warming up"
warm_up "$GET"
warm_up -H "If-None-Match: $ETAG" "$GET"
warm_up "$BARE/api/ping"
wrk -t1 -c1 -d3s --timeout 30s -s "$POST_LUA" "$SERVICE/api/backtests" > /dev/null

# pair CASE CONNS URL [wrk args]: the service's CASE and the bare ping, back to back, the order alternating by round.
pair() {
    local case=$1 conns=$2 url=$3; shift 3
    if (( round % 2 )); then
        measure "$case" "$conns" "$GET_LUA" "$url" "$@"
        measure "bare-$case" "$conns" "$GET_LUA" "$BARE/api/ping"
    else
        measure "bare-$case" "$conns" "$GET_LUA" "$BARE/api/ping"
        measure "$case" "$conns" "$GET_LUA" "$url" "$@"
    fi
}

for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round"
    for conns in 16 256; do
        pair cached "$conns" "$GET"
        pair 304 "$conns" "$GET" -H "If-None-Match: $ETAG"
    done
    pair cached 1 "$GET"
    pair cached 1000 "$GET"
    measure compute 1 "$POST_LUA" "$SERVICE/api/backtests"
done
echo "Thread dumps under 256 connections (not counted)"
dump_under_load "$SERVICE_JVM" service "$GET"
dump_under_load "$BARE_JVM" bare "$BARE/api/ping"

python3 - "$WORK/results" <<'PY'
import statistics, sys
runs, dumps = {}, {}
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "dump":
        dumps[f[1]] = tuple(int(x) for x in f[2:])
        continue
    case, conns, requests, duration, mean, p50, p99, errors = f
    runs.setdefault((case, int(conns)), []).append(dict(
        rps=int(requests) / (int(duration) / 1e6), mean=float(mean) / 1000, p50=float(p50) / 1000,
        p99=float(p99) / 1000, errors=int(errors)))
best = {key: max(rs, key=lambda r: r["rps"]) for key, rs in runs.items()}
print("\nBest round per case; 'bare-X' is GET /api/ping of the bare WAR, run right before or after X\n")
print(f"{'case':<16}{'conns':>6}{'req/s':>10}{'mean ms':>10}{'p50 ms':>9}{'p99 ms':>10}{'errors':>8}")
for (case, conns), r in sorted(best.items(), key=lambda kv: (kv[0][1], kv[0][0].removeprefix("bare-"), kv[0][0])):
    print(f"{case:<16}{conns:>6}{r['rps']:>10.0f}{r['mean']:>10.3f}{r['p50']:>9.3f}{r['p99']:>10.1f}{r['errors']:>8}")
print("\nRatio to the bare WAR: median over the rounds of each round's pair (and of the best rounds)\n")
def row(label, case, conns, field, target, at_most=False):
    service, bare = runs[(case, conns)], runs[("bare-" + case, conns)]
    paired = statistics.median(s[field] / b[field] for s, b in zip(service, bare))
    of_best = best[(case, conns)][field] / best[("bare-" + case, conns)][field]
    met = paired <= target if at_most else paired >= target
    print(f"{label:<46}{paired:>7.2f}  ({of_best:.2f})  target {'<=' if at_most else '>='} {target}: "
          f"{'met' if met else 'NOT met'}")
for conns in (16, 256):
    row(f"cached GET req/s, {conns} connections", "cached", conns, "rps", 0.95)
    row(f"304 req/s, {conns} connections", "304", conns, "rps", 0.97)
row("cached GET p50 latency, 1 connection", "cached", 1, "p50", 1.1, True)
row("cached GET req/s, 1000 connections", "cached", 1000, "rps", 0.8)
c1000, c256 = best[("cached", 1000)], best[("cached", 256)]
print(f"\ncached GET at 1000 connections: {c1000['errors']} errors, p99 {c1000['p99']:.1f} ms, "
      f"{c1000['rps'] / c256['rps']:.2f}x its req/s at 256 (target >= 0.8); "
      f"bare: {best[('bare-cached', 1000)]['errors']} errors, p99 {best[('bare-cached', 1000)]['p99']:.1f} ms")
print(f"compute p50 / cached GET p50, 1 connection: "
      f"{best[('compute', 1)]['p50'] / best[('cached', 1)]['p50']:.0f}x")
for name, (threads, blocked, idle) in dumps.items():
    print(f"thread dump of the {name} under 256 connections (worst of 3): {threads} HTTP threads, {blocked} BLOCKED "
          f"on a monitor on the request path, {idle} BLOCKED idle in Grizzly's pool (SyncThreadPool.getTask)")
PY
for name in service bare; do
    if [[ -s "$WORK/$name-blocked.txt" ]]; then
        echo "The $name's BLOCKED request threads (count x top frames):"
        cat "$WORK/$name-blocked.txt"
    fi
done
