package io.tiercache.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.tiercache.cache.LatencySnapshot;

/**
 * One latency distribution of the cache engine, independent of any metrics library: published as a Prometheus
 * summary in seconds ({@code <name>_seconds} with the percentiles the engine computes, {@code _count} the operations
 * timed, {@code _sum} their count times their mean) and its largest value ({@code _seconds_max}).
 *
 * @param name        the dotted base name, e.g. {@code tiercache.cache.latency}
 * @param description the help text
 * @param tags        the tags, in order (the same keys for every distribution of a name)
 * @param value       reads the current percentiles; called by the registry's threads, so it must be thread-safe
 */
public record LatencyDefinition(String name, String description, Map<String, String> tags,
                                Supplier<LatencySnapshot> value) {

    /** The quantiles published, those of {@link LatencySnapshot}. */
    public static final double[] QUANTILES = {0.5, 0.95, 0.99};

    public LatencyDefinition {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The current percentiles. */
    public LatencySnapshot read() {
        return value.get();
    }

    /** The value at {@code quantile}, one of {@link #QUANTILES}, in nanoseconds. */
    public static long nanosAt(LatencySnapshot latency, double quantile) {
        if (quantile == 0.5) {
            return latency.p50Nanos();
        }
        if (quantile == 0.95) {
            return latency.p95Nanos();
        }
        if (quantile == 0.99) {
            return latency.p99Nanos();
        }
        throw new IllegalArgumentException("No percentile " + quantile);
    }

    /** The sum of the timed operations, in nanoseconds: their count times their mean. */
    public static double sumNanos(LatencySnapshot latency) {
        return latency.count() * latency.meanNanos();
    }
}
