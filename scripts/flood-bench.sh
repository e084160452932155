#!/usr/bin/env bash
# What two floods cost everybody else, with wrk, bounded in time, on 127.0.0.1. Starts README's run command
# (mvn -Prun package) on free ports, with an embedded Redis of its own and one admin user; stops both at the end.
#
# Usage: scripts/flood-bench.sh
#   1. Cache fill. For FILL_SECONDS, 32 connections of GET /api/strategies?name=<random>&page=<random> beside 4
#      connections reading the first five strategies by id (the hot keys). Prints the hot keys' L1 hit ratio over the
#      flood (the `strategies` cache's L1 hits and misses from /api/cache/stats: only the hot keys are read from that
#      cache; target >= 0.95), and the Redis keys and used memory before and after (bounded: a filtered list is
#      cached nowhere).
#   2. Failing admin logins. In each round, 4 connections of a cached GET /api/strategies/{id} are measured twice,
#      back to back, the order alternating by round: alone, and beside 32 connections sending GET /api/cache/stats
#      with the admin's user name and a wrong password (started 3 s before the measurement and running past it).
#      Prints each round, the flood's answers by status and per second, and the ratio of the GET's p99 beside the
#      flood to its p99 alone (median of the rounds' pairs; target <= 2).
# Environment: DURATION (seconds per measurement, default 15), ROUNDS (3), FLOOD (flood connections, 32),
#   CONNS (GET connections, 4), FILL_SECONDS (30). Needs wrk, curl, python3 and redis-cli.
set -euo pipefail

DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-3}
FLOOD=${FLOOD:-32}
CONNS=${CONNS:-4}
FILL_SECONDS=${FILL_SECONDS:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
# shellcheck source=lib/bench.sh
source "$ROOT/scripts/lib/bench.sh"
bench_setup

PASSWORD=$(head -c 12 /dev/urandom | base64)
HASH=$(printf '%s\n' "$PASSWORD" | "$ROOT/scripts/admin-password-hash.sh")
start_service -Dtiercache.admin.username=admin -Dtiercache.admin.password-hash="$HASH"

STRATEGY=$(curl -fsS "$SERVICE/api/strategies?size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
GET="$SERVICE/api/strategies/$STRATEGY"
WRONG="Authorization: Basic $(printf 'admin:wrong-%s' "$PASSWORD" | base64 -w0)"
RIGHT="Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "$RIGHT" "$SERVICE/api/cache/stats") == 200 ]] \
    || { echo "The admin's own login failed" >&2; exit 1; }

GET_LUA=$(result_lua get)
# The flood's answers by status, summed over wrk's threads.
cat > "$WORK/flood.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  local line = "FLOOD " .. summary.duration
  for status, n in pairs(total) do line = line .. " " .. status .. "=" .. n end
  io.write(line .. "\n")
end
LUA

# get_p99 LABEL: one measurement of the GET; appends "LABEL requests duration mean p50 p99 errors" to the results.
get_p99() {
    local line
    line=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 30s -s "$GET_LUA" "$GET" | grep '^RESULT')
    echo "$1 ${line#RESULT }" >> "$WORK/results"
    echo "  $1: ${line#RESULT }"
}

beside_flood() {
    wrk -t2 -c"$FLOOD" -d"$((DURATION + 5))s" --timeout 30s -s "$WORK/flood.lua" -H "$WRONG" \
        "$SERVICE/api/cache/stats" > "$WORK/flood.out" &
    local flood=$!
    sleep 3
    get_p99 flood
    wait "$flood"
    grep '^FLOOD' "$WORK/flood.out" | tee -a "$WORK/results"
}

echo "Cache fill: ${FILL_SECONDS} s of $FLOOD connections of random name filters and pages beside $CONNS connections" \
    "of the five strategies by id"
# redis_figures: "keys used-memory-bytes" of the service's Redis.
redis_figures() {
    echo "$(redis-cli -p "$REDIS_PORT" dbsize) $(redis-cli -p "$REDIS_PORT" info memory \
        | tr -d '\r' | awk -F: '$1 == "used_memory" {print $2}')"
}
# l1_reads: "hits misses" of the strategies cache's L1 so far.
l1_reads() {
    curl -fsS -H "$RIGHT" "$SERVICE/api/cache/stats" | python3 -c '
import json, sys
cache = next(c for c in json.load(sys.stdin)["caches"] if c["name"] == "strategies")
print(cache["layers"]["l1"]["hits"], cache["layers"]["l1"]["misses"])'
}
HOT_IDS=$(curl -fsS "$SERVICE/api/strategies?size=5" \
    | python3 -c 'import json,sys; print(",".join(str(s["id"]) for s in json.load(sys.stdin)["items"]))')
cat > "$WORK/hot.lua" <<LUA
local ids = {$HOT_IDS}
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/strategies/" .. ids[i])
end
LUA
cat > "$WORK/fill.lua" <<'LUA'
local chars = "abcdefghijklmnopqrstuvwxyz0123456789"
request = function()
  local name = {}
  for k = 1, 12 do
    local c = math.random(#chars)
    name[k] = chars:sub(c, c)
  end
  return wrk.format("GET", "/api/strategies?name=" .. table.concat(name) .. "&page=" .. math.random(0, 1000))
end
LUA
wrk -t1 -c"$CONNS" -d3s -s "$WORK/hot.lua" "$SERVICE" > /dev/null
read -r KEYS_BEFORE MEMORY_BEFORE <<< "$(redis_figures)"
read -r HITS_BEFORE MISSES_BEFORE <<< "$(l1_reads)"
wrk -t2 -c"$FLOOD" -d"${FILL_SECONDS}s" --timeout 30s -s "$WORK/fill.lua" "$SERVICE" > "$WORK/fill.out" &
FILL=$!
wrk -t1 -c"$CONNS" -d"${FILL_SECONDS}s" --timeout 30s -s "$WORK/hot.lua" "$SERVICE" > "$WORK/hot.out"
wait "$FILL"
read -r HITS_AFTER MISSES_AFTER <<< "$(l1_reads)"
read -r KEYS_AFTER MEMORY_AFTER <<< "$(redis_figures)"
echo "  fill flood: $(grep -E 'Requests/sec|Non-2xx' "$WORK/fill.out" | tr -s ' ' | paste -sd';')"
echo "  hot reads: $(grep -E 'Requests/sec|Non-2xx' "$WORK/hot.out" | tr -s ' ' | paste -sd';')"
python3 - "$HITS_BEFORE" "$MISSES_BEFORE" "$HITS_AFTER" "$MISSES_AFTER" <<'PY'
import sys
hits_before, misses_before, hits_after, misses_after = map(int, sys.argv[1:])
hits, misses = hits_after - hits_before, misses_after - misses_before
ratio = hits / (hits + misses)
print(f"L1 hit ratio of the strategies cache (only the hot keys are read from it) during the fill flood: {ratio:.4f} ({hits} hits, {misses} misses; target >= 0.95: "
      f"{'met' if ratio >= 0.95 else 'NOT met'})")
PY
echo "Redis: $KEYS_BEFORE keys, $MEMORY_BEFORE bytes used before the fill flood; $KEYS_AFTER keys," \
    "$MEMORY_AFTER bytes after"
echo "Redis keys after it, by prefix: $(redis-cli -p "$REDIS_PORT" --scan | cut -d: -f1-2 | sort | uniq -c \
    | awk '{printf "%s %s; ", $2, $1}')"

echo
echo "Warming up"
wrk -t2 -c"$CONNS" -d5s "$GET" > /dev/null
echo "$ROUNDS rounds of ${DURATION} s: $CONNS connections of GET $GET, alone and beside $FLOOD connections of" \
    "failing admin logins"
for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round"
    if (( round % 2 )); then get_p99 alone; beside_flood; else beside_flood; get_p99 alone; fi
done

python3 - "$WORK/results" <<'PY'
import statistics, sys
alone, flood, answers = [], [], []
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "FLOOD":
        seconds = int(f[1]) / 1e6
        answers.append({s: int(n) for s, n in (x.split("=") for x in f[2:])} | {"seconds": seconds})
    else:
        (alone if f[0] == "alone" else flood).append(float(f[5]) / 1000)
print(f"\nGET p99 alone (ms):        {' '.join(f'{x:.1f}' for x in alone)}")
print(f"GET p99 beside flood (ms): {' '.join(f'{x:.1f}' for x in flood)}")
for a in answers:
    seconds = a.pop("seconds")
    total = sum(a.values())
    print(f"flood answers: {total / seconds:.0f}/s ({', '.join(f'{s}: {n}' for s, n in sorted(a.items()))})")
ratio = statistics.median(f / a for f, a in zip(flood, alone))
print(f"p99 beside the flood / alone: {ratio:.2f}x (median of the rounds' pairs; target <= 2: "
      f"{'met' if ratio <= 2 else 'NOT met'})")
PY

