package io.tiercache.observability;

import io.tiercache.cache.LatencySnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One latency distribution of the cache engine, independent of any metrics library: published as a Prometheus
 * summary in seconds ({@code <name>_seconds} with the percentiles the engine computes, {@code _count} the operations
 * timed, {@code _sum} their count times their mean) and its largest value ({@code _seconds_max}); the percentiles
 * are those of {@link Quantile}.
 *
 * @param name        the dotted base name, e.g. {@code tiercache.cache.latency}
 * @param description the help text
 * @param tags        the tags, in order (the same keys for every distribution of a name)
 * @param value       reads the current percentiles; called by the registry's threads, so it must be thread-safe
 */
public record LatencyDefinition(String name, String description, Map<String, String> tags,
                                Supplier<LatencySnapshot> value) {

    public LatencyDefinition {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The current percentiles. */
    public LatencySnapshot read() {
        return value.get();
    }

    /** The sum of the timed operations, in nanoseconds: their count times their mean. */
    public static double sumNanos(LatencySnapshot latency) {
        return latency.count() * latency.meanNanos();
    }

    /** The quantiles published: those the engine computes. */
    public enum Quantile {
        P50(0.5, LatencySnapshot::p50Nanos),
        P95(0.95, LatencySnapshot::p95Nanos),
        P99(0.99, LatencySnapshot::p99Nanos);

        /** The quantile, e.g. {@code 0.95}. */
        public final double quantile;
        private final ToLongFunction<LatencySnapshot> nanos;

        Quantile(double quantile, ToLongFunction<LatencySnapshot> nanos) {
            this.quantile = quantile;
            this.nanos = nanos;
        }

        /** Its value in {@code latency}, in nanoseconds. */
        public long nanos(LatencySnapshot latency) {
            return nanos.applyAsLong(latency);
        }
    }
}
