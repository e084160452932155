#!/usr/bin/env bash
# Redis outages under load, against README's run command: bounded in time, all on 127.0.0.1.
#
# Usage: scripts/chaos-redis.sh
#   Starts a redis-server of its own (`redis-server` on PATH, e.g. Debian's redis-server package) on a free port,
#   then the service over it (mvn -Prun package, on a free HTTP port; the launcher finds that Redis listening and
#   starts none of its own). After a 10 s warm-up, three cases, each DURATION of wrk on cached GETs (two strategies
#   and a backtest):
#     baseline  no fault
#     hang      the redis-server stopped with SIGSTOP at 5 s, resumed with SIGCONT FAULT seconds later
#     down      the redis-server shut down (SHUTDOWN NOSAVE: its data is gone) at 5 s, started again on the same
#               port FAULT seconds later
#   While Redis is away in each fault case a strategy is renamed (PUT, 200 expected); once Redis is back and the
#   load is over, every read of that strategy must show the new name: an invalidation made while Redis was away
#   leaves no stale L2 entry behind.
# Environment: DURATION (default 30s), FAULT (10: seconds Redis is away), CONNECTIONS (16), THREADS (2).
# Prints per case: requests, errors, p50 and p99, and p99 as a ratio of the baseline's; exits 1 on any failed
# request or stale read.
set -euo pipefail

DURATION=${DURATION:-30s}
FAULT=${FAULT:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVICE_PID=

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 1; }
command -v redis-cli >/dev/null || { echo "redis-cli is missing: apt-get install -y redis-tools" >&2; exit 1; }

cleanup() {
    [[ -z "$SERVICE_PID" ]] || { kill -TERM -- "-$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; }
    if [[ -f "$WORK/redis.pid" ]]; then
        kill -CONT "$(cat "$WORK/redis.pid")" 2>/dev/null || true
        kill -TERM "$(cat "$WORK/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

REDIS_PORT=$(free_port)
# start_redis: a redis-server on REDIS_PORT; its pid in $WORK/redis.pid (the fault cases run in a subshell).
start_redis() {
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$WORK" \
        >> "$WORK/redis.log" 2>&1 &
    echo $! > "$WORK/redis.pid"
    for _ in $(seq 1 50); do
        redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return
        sleep 0.1
    done
    echo "redis-server did not start on $REDIS_PORT" >&2
    exit 1
}
start_redis

PORT=$(free_port)
echo "Starting: mvn -Prun package -Dtiercache.http.port=$PORT -Dtiercache.redis.port=$REDIS_PORT (log $WORK/service.log)"
(cd "$ROOT" && exec setsid mvn -q -Prun package -Dtiercache.http.port="$PORT" -Dtiercache.redis.port="$REDIS_PORT") \
    > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 480); do
    grep -q "tiercache ready at" "$WORK/service.log" && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$WORK/service.log"; echo "The service did not start" >&2; exit 1; }
    sleep 0.5
done
grep "tiercache ready at" "$WORK/service.log" || { echo "The service was not ready within 240 s" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

STRATEGY=$(curl -fsS "$BASE/api/strategies?size=1" | json 'd["items"][0]["id"]')
BACKTEST=$(curl -fsS "$BASE/api/strategies/$STRATEGY/backtests" | json 'd[0]["id"]')
RENAMED=$(curl -fsS "$BASE/api/strategies?size=1&page=1" | json 'd["items"][0]["id"]')

cat > "$WORK/get.lua" <<LUA
local paths = {"/api/strategies/$STRATEGY", "/api/backtests/$BACKTEST", "/api/strategies/$RENAMED"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.1f %.1f %d\n", summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(99), errors))
end
LUA

# rename N: PUT the strategy $RENAMED with name "chaos N"; prints the HTTP status.
rename() {
    local body
    body=$(curl -fsS "$BASE/api/strategies/$RENAMED" | python3 -c "import json,sys; d=json.load(sys.stdin); \
print(json.dumps({'name': 'chaos $1', **{k: d[k] for k in ('description', 'fastWindow', 'slowWindow', \
'positionFraction', 'commissionBps')}}))")
    curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' -d "$body" \
        "$BASE/api/strategies/$RENAMED"
}

# fault CASE: the fault of CASE, 5 s into the load, Redis away for FAULT s; a rename while it is away.
fault() {
    local pid
    pid=$(cat "$WORK/redis.pid")
    sleep 5
    case $1 in
        hang) kill -STOP "$pid" ;;
        down)
            redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
            while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done ;;
    esac
    sleep 1
    echo "$(rename "$1")" > "$WORK/rename-$1"
    sleep $((FAULT - 1))
    case $1 in
        hang) kill -CONT "$pid" ;;
        down) start_redis ;;
    esac
}

echo "Warming up for 10 s (not counted)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$WORK/get.lua" "$BASE" > /dev/null

failed=0
for case in baseline hang down; do
    echo "Case $case: wrk $THREADS threads, $CONNECTIONS connections, $DURATION"
    fault_pid=
    if [[ $case != baseline ]]; then fault "$case" & fault_pid=$!; fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$WORK/get.lua" "$BASE" \
        | grep '^RESULT' | sed "s/^RESULT/$case/" >> "$WORK/results"
    [[ -z "$fault_pid" ]] || wait "$fault_pid"
    if [[ $case != baseline ]]; then
        status=$(cat "$WORK/rename-$case")
        [[ "$status" == 200 ]] || { echo "  the rename while Redis was away answered $status" >&2; failed=1; }
        stale=0
        for _ in $(seq 1 20); do
            name=$(curl -fsS "$BASE/api/strategies/$RENAMED" | json 'd["name"]')
            [[ "$name" == "chaos $case" ]] || stale=$((stale + 1))
        done
        echo "  $case: rename while Redis was away: $status; stale reads of it afterwards: $stale of 20"
        [[ $stale -eq 0 ]] || failed=1
    fi
done

python3 - "$WORK/results" <<'PY' || failed=1
import sys
rows = {r[0]: r[1:] for r in (line.split() for line in open(sys.argv[1]))}
base_p99 = float(rows["baseline"][3]) / 1000
print(f"\n{'case':<10}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'p99/baseline':>14}{'errors':>8}")
bad = False
for case, (requests, duration, p50, p99, errors) in rows.items():
    print(f"{case:<10}{requests:>10}{int(requests) / (int(duration) / 1e6):>9.0f}{float(p50) / 1000:>9.2f}"
          f"{float(p99) / 1000:>9.2f}{float(p99) / 1000 / base_p99:>14.2f}{errors:>8}")
    bad |= int(errors) > 0
sys.exit(1 if bad else 0)
PY
exit $failed
