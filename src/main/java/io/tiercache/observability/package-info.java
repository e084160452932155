/**
 * MicroProfile Metrics and Health of the cache engine.
 *
 * <p>{@link io.tiercache.observability.CacheMetrics} publishes, in the application registry
 * ({@code /metrics?scope=application}), gauges that read the engine's own statistics snapshots (nothing is counted
 * twice): per cache and layer ({@code cache}, {@code layer} tags) hits, misses, puts, evictions, expirations, errors,
 * skipped calls, hit ratio and read-latency percentiles ({@code quantile} tag); per cache gets, writes, removals,
 * loads, load time and load-latency percentiles, L1 entries; Redis up and the circuit breaker. The readiness checks
 * ({@link io.tiercache.observability.DatabaseHealthCheck}, {@link io.tiercache.observability.HazelcastHealthCheck},
 * {@link io.tiercache.observability.RedisHealthCheck}) report each component; Redis down is degraded, not unready.
 * {@code docs/observability.md} lists every metric and check.
 */
package io.tiercache.observability;
