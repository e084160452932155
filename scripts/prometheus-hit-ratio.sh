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

source "$(dirname "$0")/lib/prometheus.sh"
prometheus_require_tools

hostport="${SERVICE_URL#*://}"
hostport="${hostport%%/*}"
if ! curl -fsS --max-time 5 -o /dev/null "$SERVICE_URL/metrics?scope=application"; then
    echo "No metrics at $SERVICE_URL/metrics?scope=application: is the service running?" >&2
    exit 1
fi

prometheus_start "$hostport" /metrics "$SCRAPE_INTERVAL" scope=application
prometheus_await_scrape
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
    prometheus_query "$1" "$end" | jq -r '.data.result[] | "\(.metric | to_entries | map("\(.key)=\(.value)") | join(",") | if . == "" then "all" else . end)\t\(.value[1])"'
}

hits="$(delta 'tiercache_cache_gets_total{result="hit"}' cache)"
gets="$(delta 'tiercache_cache_gets_total' cache)"
reads="$(prometheus_query "sum($gets)" "$end" | jq -r '.data.result[0].value[1] // "0"')"
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
