#!/usr/bin/env bash
# Checks the Grafana dashboard (docker/grafana/dashboards/tiercache.json) and the Prometheus configurations of
# docker/ against a running tiercache: a real Prometheus scrapes it during a bounded workload, then every PromQL
# expression of the dashboard (panel targets and variable queries, Grafana's variables replaced) is asked through
# Prometheus' HTTP API and must return data, with the labels its legend names.
#
# Usage: scripts/check-dashboard.sh [SERVICE_URL [METRICS_URL]]
#   SERVICE_URL  the API (default http://127.0.0.1:8080)
#   METRICS_URL  its Prometheus exposition (default SERVICE_URL/metrics; WildFly: http://HOST:9990/prometheus)
# Environment: DASHBOARD (the JSON file), REQUESTS (workload size, default 300), SCRAPE_INTERVAL (default 1s).
# Exit status: 0 when every check passed, 1 when one failed, 2 when a tool is missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
SERVICE_URL="${1:-http://127.0.0.1:8080}"
SERVICE_URL="${SERVICE_URL%/}"
METRICS_URL="${2:-$SERVICE_URL/metrics}"
DASHBOARD="${DASHBOARD:-$root/docker/grafana/dashboards/tiercache.json}"
REQUESTS="${REQUESTS:-300}"
SCRAPE_INTERVAL="${SCRAPE_INTERVAL:-1s}"
WORKLOAD_PATHS="api/strategies/1 api/strategies/2 api/strategies?page=0&size=5 api/strategies/1/backtests
api/backtests/1 api/backtests/2 api/backtests/1/equity api/symbols"

source "$root/scripts/lib/prometheus.sh"
prometheus_require_tools
failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

echo "== Static checks"
for config in "$root"/docker/prometheus/*.yml; do
    if promtool check config "$config" >/dev/null 2>&1; then
        echo "ok   promtool check config ${config#"$root"/}"
    else
        fail "promtool check config ${config#"$root"/}"
    fi
done
jq -e . "$DASHBOARD" >/dev/null || { echo "FAIL $DASHBOARD is not JSON"; exit 1; }
datasource_uid="$(sed -n 's/^ *uid: *//p' "$root/docker/grafana/provisioning/datasources/prometheus.yaml")"
[[ "$(jq -r '[.panels[].id] | length == (unique | length)' "$DASHBOARD")" == true ]] || fail "panel ids are not unique"
wrong_ds="$(jq -r --arg uid "$datasource_uid" '[.panels[] | select(.datasource.uid != $uid) | .title] | join(", ")' \
    "$DASHBOARD")"
[[ -z "$wrong_ds" ]] || fail "panels not on the provisioned datasource ($datasource_uid): $wrong_ds"
if grep -q mp_scope "$DASHBOARD"; then
    fail "an expression depends on mp_scope, which only MicroProfile Metrics adds"
fi
echo "ok   dashboard JSON: $(jq '.panels | length' "$DASHBOARD") panels, datasource uid $datasource_uid"

metrics_hostport="${METRICS_URL#*://}"
metrics_path="/${metrics_hostport#*/}"
metrics_hostport="${metrics_hostport%%/*}"
if ! curl -fsS --max-time 5 -o /dev/null "$METRICS_URL"; then
    echo "No metrics at $METRICS_URL: is the service running?" >&2
    exit 1
fi
prometheus_start "$metrics_hostport" "$metrics_path" "$SCRAPE_INTERVAL"
prometheus_await_scrape
began=$SECONDS

echo "== Workload: $REQUESTS GET requests on $SERVICE_URL"
read -r -a paths <<<"$(echo $WORKLOAD_PATHS)"
errors=0
for ((i = 0; i < REQUESTS; i++)); do
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$SERVICE_URL/${paths[i % ${#paths[@]}]}" || true)"
    [[ "$status" == 200 ]] || errors=$((errors + 1))
done
echo "$((REQUESTS - errors)) answered 200, $errors did not"
# The rate windows below need samples from before and after the workload
sleep "$(awk -v i="${SCRAPE_INTERVAL%s}" 'BEGIN { print 3 * i + 0.5 }')"
range="$((SECONDS - began + 5))s"

# Grafana's variables: every instance and cache, a rate window of 30 s, the time range since Prometheus started.
resolve() {
    sed -e 's/\$__rate_interval/30s/g' -e "s/\\\$__range/$range/g" -e 's/\$instance/.*/g' -e 's/\$cache/.*/g'
}

echo "== Dashboard expressions (series returned, first value)"
while IFS=$'\x1f' read -r title legend expr; do
    promql="$(resolve <<<"$expr")"
    if ! answer="$(prometheus_query "$promql" 2>/dev/null)"; then
        fail "$title: $(jq -r '.error // empty' <<<"$answer" 2>/dev/null || true) in $promql"
        continue
    fi
    series="$(jq '.data.result | length' <<<"$answer")"
    if [[ "$series" == 0 ]]; then
        fail "$title: no data for $promql"
        continue
    fi
    missing=""
    for label in $(grep -o '{{ *[a-z_]* *}}' <<<"$legend" | tr -d '{} ' || true); do
        [[ "$(jq --arg l "$label" '[.data.result[] | select(.metric[$l] == null)] | length' <<<"$answer")" == 0 ]] \
            || missing+=" $label"
    done
    if [[ -n "$missing" ]]; then
        fail "$title: the legend's label(s)$missing missing from $promql"
        continue
    fi
    printf 'ok   %-34s %-28s %3s series, %s\n' "$title" "${legend:--}" "$series" \
        "$(jq -r '.data.result[0] | (.metric | to_entries | map("\(.key)=\(.value)") | join(",")) + " " + .value[1]' \
            <<<"$answer")"
done < <(jq -r '
    (.panels[] | .title as $t | .targets[] | [$t, (.legendFormat // ""), .expr]),
    (.templating.list[] | select(.type == "query") | .query.query
        | capture("^label_values\\((?<m>.*), *(?<l>[a-z_]+)\\)$")
        | ["variable " + .l, "{{" + .l + "}}", "count by (" + .l + ") (" + .m + ")"])
    | join("\u001f")' "$DASHBOARD")

if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "Every check passed"
