# Shared by the benchmark scripts: free ports, starting README's run command, and wrk result lines.
# Source it after setting ROOT (the project) and WORK (a temporary directory), then call bench_setup.

STARTED_PIDS=()

# bench_setup: checks for wrk, raises the open-files limit, and on exit stops what was started and removes WORK.
bench_setup() {
    command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
    trap 'stop_started; rm -rf "$WORK"' EXIT
}

# stop_started: SIGTERM to every process group started here, and wait for them.
stop_started() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# await LOG PID PATTERN: until PATTERN is in LOG (at most 600 s), or the process is gone.
await() {
    local log=$1 pid=$2 pattern=$3
    for _ in $(seq 1 1200); do
        grep -q "$pattern" "$log" && return
        kill -0 "$pid" 2>/dev/null || { tail -40 "$log"; echo "It did not start: $log" >&2; exit 1; }
        sleep 0.5
    done
    echo "Not ready within 600 s: $log" >&2
    exit 1
}

# start_service [-Dtiercache.… ...]: README's run command (mvn -Prun package) on a free HTTP port with an embedded
# Redis of its own on another; sets SERVICE (its base URL), SERVICE_JVM (the Payara Micro process) and REDIS_PORT.
start_service() {
    local port redis_port log="$WORK/service.log"
    port=$(free_port); redis_port=$(free_port); REDIS_PORT=$redis_port
    echo "Starting: mvn -Prun package -Dtiercache.http.port=$port -Dtiercache.redis.port=$redis_port (log $log)"
    (cd "$ROOT" && exec setsid mvn -q -Prun package -Dtiercache.http.port="$port" \
        -Dtiercache.redis.port="$redis_port" "$@") > "$log" 2>&1 &
    STARTED_PIDS+=("$!")
    await "$log" "$!" "tiercache ready at"
    grep "tiercache ready at" "$log"
    SERVICE="http://127.0.0.1:$port"
    SERVICE_JVM=$(pgrep -f "payara-micro.jar.*--port $port" | head -1)
}

# result_lua NAME [SETUP]: a wrk script (SETUP, then a done() that writes one machine-readable line:
# "RESULT requests duration-us mean-us p50-us p99-us errors"); prints its path.
result_lua() {
    cat > "$WORK/$1.lua" <<LUA
${2:-}
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.1f %.1f %.1f %d\n", summary.requests, summary.duration,
      latency.mean, latency:percentile(50), latency:percentile(99), errors))
end
LUA
    echo "$WORK/$1.lua"
}
