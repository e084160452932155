/**
 * Metrics and MicroProfile Health of the cache engine.
 *
 * <p>{@link io.tiercache.observability.CacheMetrics} defines the meters, independent of any metrics library
 * ({@link io.tiercache.observability.MeterDefinition} for counters and gauges,
 * {@link io.tiercache.observability.LatencyDefinition} for latency summaries), reading the engine's own statistics
 * snapshots (nothing is counted twice): per cache and layer ({@code cache}, {@code layer} tags) hits, misses, puts,
 * evictions, expirations, errors, skipped calls, hit ratio and read latency; per cache gets, writes, removals, loads,
 * load time and load latency, L1 entries; Redis up and the circuit breaker. The meters of every cache the
 * application declares ({@link io.tiercache.observability.DeclaredCaches}) are registered at startup. It hands
 * them to the {@link io.tiercache.observability.MeterPublisher} of the server's metrics library: MicroProfile Metrics
 * on Payara ({@code observability.microprofile}), Micrometer on WildFly ({@code observability.micrometer}).
 * The readiness checks ({@link io.tiercache.observability.DatabaseHealthCheck},
 * {@link io.tiercache.observability.HazelcastHealthCheck}, {@link io.tiercache.observability.RedisHealthCheck}) report
 * each component; Redis down is degraded, not unready. {@code docs/observability.md} lists every metric and check.
 */
package io.tiercache.observability;
