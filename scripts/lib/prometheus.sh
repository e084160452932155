# A real Prometheus for the scripts of this directory (sourced, not run): Debian's prometheus on a free port of
# 127.0.0.1, its configuration and data in a temporary directory, stopped and removed when the script exits.
#
#   source "$(dirname "$0")/lib/prometheus.sh"
#   prometheus_require_tools                        # prometheus, promtool, jq, curl (apt-get as root when missing)
#   prometheus_start host:port /metrics 1s [scope=application]
#   prometheus_await_scrape                          # until the target has been scraped once
#   prometheus_query 'sum(up)' [unix time]          # the JSON answer of /api/v1/query

prometheus_require_tools() {
    local need=()
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
}

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

prometheus_workdir="$(mktemp -d -t tiercache-prometheus.XXXXXX)"
prometheus_pid=""
prometheus_port=""
prometheus_cleanup() {
    if [[ -n "$prometheus_pid" ]]; then
        kill "$prometheus_pid" 2>/dev/null || true
        wait "$prometheus_pid" 2>/dev/null || true
    fi
    rm -rf "$prometheus_workdir"
}
trap prometheus_cleanup EXIT

# prometheus_start TARGET METRICS_PATH SCRAPE_INTERVAL [PARAM=VALUE]: one job, "tiercache", scraping TARGET.
prometheus_start() {
    local target="$1" path="$2" interval="$3" param="${4:-}"
    prometheus_port="$(free_port)"
    {
        echo "global:"
        echo "  scrape_interval: $interval"
        echo "  scrape_timeout: $interval"
        echo "scrape_configs:"
        echo "  - job_name: tiercache"
        echo "    metrics_path: $path"
        if [[ -n "$param" ]]; then
            echo "    params:"
            echo "      ${param%%=*}: [${param#*=}]"
        fi
        echo "    static_configs:"
        echo "      - targets: [\"$target\"]"
    } >"$prometheus_workdir/prometheus.yml"
    promtool check config "$prometheus_workdir/prometheus.yml" >/dev/null
    prometheus --config.file="$prometheus_workdir/prometheus.yml" --storage.tsdb.path="$prometheus_workdir/data" \
        --web.listen-address="127.0.0.1:$prometheus_port" --log.level=warn >"$prometheus_workdir/prometheus.log" 2>&1 &
    prometheus_pid=$!
    prometheus_await "Prometheus on 127.0.0.1:$prometheus_port" \
        'curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$prometheus_port/-/ready" 2>/dev/null'
}

prometheus_query() {
    curl -sS --fail-with-body --max-time 10 --get "http://127.0.0.1:$prometheus_port/api/v1/query" \
        --data-urlencode "query=$1" --data-urlencode "time=${2:-$(date +%s.%N)}"
}

# prometheus_await WHAT CONDITION: evaluates CONDITION until it holds, for 60 s at most.
prometheus_await() {
    local what="$1" condition="$2" deadline=$((SECONDS + 60))
    until eval "$condition"; do
        if ((SECONDS > deadline)); then
            echo "Timed out waiting for $what" >&2
            cat "$prometheus_workdir/prometheus.log" >&2
            exit 1
        fi
        sleep 0.5
    done
}

prometheus_await_scrape() {
    prometheus_await "a first scrape" \
        '[[ "$(prometheus_query "up{job=\"tiercache\"}" 2>/dev/null | jq -r ".data.result[0].value[1] // empty")" == 1 ]]'
}
