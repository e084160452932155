#!/usr/bin/env bash
# Scrapes a running tiercache with a real Prometheus, runs a bounded workload with curl, and asks Prometheus for
# the cache hit ratio of that workload (overall, per layer and per cache).
#
# Usage: scripts/prometheus-hit-ratio.sh [SERVICE_URL]        (default http://127.0.0.1:8080)
# Environment:
#   REQUESTS        number of GET requests of the workload (default 300)
#   WORKLOAD_PATHS  space-separated paths below SERVICE_URL that the workload cycles through
#                   (default: strategy and symbol reads of the API)
#   SCRAPE_INTERVAL Prometheus scrape interval (default 1s)
# Needs Debian's prometheus package (prometheus, promtool), curl and jq; installs the missing ones with apt-get
# when run as root. Prometheus listens on a free port of 127.0.0.1, keeps its data in a temporary directory, and is
# stopped (and the directory removed) on exit.
set -euo pipefail

SERVICE_URL="${1:-http://127.0.0.1:8080}"
SERVICE_URL="${SERVICE_URL%/}"
REQUESTS="${REQUESTS:-300}"
WORKLOAD_PATHS="${WORKLOAD_PATHS:-api/strategies/1 api/strategies/2 api/strategies/3 api/strategies?page=0&size=5 api/symbols}"
SCRAPE_INTERVAL="${SCRAPE_INTERVAL:-1s}"

need=()
command -v prometheus >/dev/null || need+=(prometheus)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "Installing ${need[*]} with apt-get" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
        echo "Missing ${need[*]}: install them (Debian: apt-get install -y ${need[*]})" >&2
        exit 2
    fi
fi

hostport="${SERVICE_URL#*://}"
hostport="${hostport%%/*}"
if ! curl -fsS --max-time 5 -o /dev/null "$SERVICE_URL/metrics?scope=application"; then
    echo "No metrics at $SERVICE_URL/metrics?scope=application: is the service running?" >&2
    exit 1
fi

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "No free port found" >&2
    exit 1
}

workdir="$(mktemp -d -t tiercache-prometheus.XXXXXX)"
prometheus_pid=""
cleanup() {
    if [[ -n "$prometheus_pid" ]]; then
        kill "$prometheus_pid" 2>/dev/null || true
        wait "$prometheus_pid" 2>/dev/null || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT

port="$(free_port)"
cat > "$workdir/prometheus.yml" <<YAML
global:
  scrape_interval: $SCRAPE_INTERVAL
  scrape_timeout: $SCRAPE_INTERVAL
scrape_configs:
  - job_name: tiercache
    metrics_path: /metrics
    params:
      scope: [application]
    static_configs:
      - targets: ["$hostport"]
YAML
promtool check config "$workdir/prometheus.yml" >/dev/null

prometheus --config.file="$workdir/prometheus.yml" --storage.tsdb.path="$workdir/data" \
    --web.listen-address="127.0.0.1:$port" --log.level=warn >"$workdir/prometheus.log" 2>&1 &
prometheus_pid=$!
api="http://127.0.0.1:$port/api/v1"

query() {
    curl -fsS --max-time 10 --get "$api/query" --data-urlencode "query=$1" --data-urlencode "time=${2:-$(date +%s.%N)}"
}

await() {
    local what="$1" condition="$2" deadline=$((SECONDS + 60))
    until eval "$condition"; do
        if ((SECONDS > deadline)); then
            echo "Timed out waiting for $what" >&2
            cat "$workdir/prometheus.log" >&2
            exit 1
        fi
        sleep 0.5
    done
}

await "Prometheus on 127.0.0.1:$port" 'curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$port/-/ready" 2>/dev/null'
await "a first scrape of $hostport" \
    '[[ "$(query "up{job=\"tiercache\"}" 2>/dev/null | jq -r ".data.result[0].value[1] // empty")" == 1 ]]'
start="$(date +%s.%N)"

read -r -a paths <<<"$WORKLOAD_PATHS"
declare -A statuses=()
began=$SECONDS
for ((i = 0; i < REQUESTS; i++)); do
    path="${paths[i % ${#paths[@]}]}"
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$SERVICE_URL/$path" || echo 000)"
    statuses[$status]=$((${statuses[$status]:-0} + 1))
done
elapsed=$((SECONDS - began))
summary=""
for status in "${!statuses[@]}"; do
    summary+=" $status x${statuses[$status]}"
done
echo "Workload: $REQUESTS GET requests over ${#paths[@]} paths in ${elapsed}s (HTTP status:$summary)"

# Two more scrapes, so that Prometheus has the counters as they are after the workload.
sleep "$(awk -v i="${SCRAPE_INTERVAL%s}" 'BEGIN { print 2 * i + 0.5 }')"
end="$(date +%s.%N)"

# Increase of a cumulative series between the start and the end of the workload (0 for a cache created since).
delta() {
    echo "(sum by ($2) ($1 @ $end) - (sum by ($2) ($1 @ $start) or (sum by ($2) ($1 @ $end) * 0)))"
}
ratio() {
    query "$1" "$end" | jq -r '.data.result[] | "\(.metric | to_entries | map("\(.key)=\(.value)") | join(",") | if . == "" then "all" else . end)\t\(.value[1])"'
}

hits="$(delta 'tiercache_cache_gets_total{result="hit"}' cache)"
gets="$(delta 'tiercache_cache_gets_total' cache)"
reads="$(query "sum($gets)" "$end" | jq -r '.data.result[0].value[1] // "0"')"
echo "Cache reads during the workload (from Prometheus): $reads"
if [[ "$reads" == 0 ]]; then
    echo "No cache reads: the workload's endpoints did not go through the cache (set WORKLOAD_PATHS to cached ones)."
    exit 3
fi
echo "Hit ratio, all caches:"
ratio "sum($hits) / sum($gets)" | sed 's/^/  /'
echo "Hit ratio by cache:"
ratio "$hits / $gets" | sed 's/^/  /'
layer_hits="$(delta 'tiercache_cache_hits_total' layer)"
layer_reads="($layer_hits + $(delta 'tiercache_cache_misses_total' layer))"
echo "Hit ratio by layer (reads that reached the layer):"
ratio "$layer_hits / $layer_reads" | sed 's/^/  /'
