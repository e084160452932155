package io.tiercache.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * One meter of the cache engine with a single value, independent of any metrics library: what a registry adapter
 * publishes as a Prometheus counter ({@link Kind#COUNT}) or gauge ({@link Kind#GAUGE}). Latency distributions are
 * {@link LatencyDefinition}s.
 *
 * @param name        the dotted base name, e.g. {@code tiercache.cache.hits}; a registry adds its suffixes (a
 *                    {@link Kind#COUNT} is exposed as {@code …_total}, a {@link Unit#SECONDS} value as
 *                    {@code …_seconds})
 * @param kind        a cumulative count or a value that goes up and down
 * @param description the help text
 * @param unit        the unit of the value
 * @param tags        the tags, in order (the same keys for every meter of a name)
 * @param value       reads the current value; called by the registry's threads, so it must be thread-safe
 */
public record MeterDefinition(String name, Kind kind, String description, Unit unit, Map<String, String> tags,
                              DoubleSupplier value) {

    public MeterDefinition {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The current value. */
    public double read() {
        return value.getAsDouble();
    }

    /** What the value means over time. */
    public enum Kind {
        /**
         * Only goes up, until the application restarts or the cache is closed or its statistics cleared (then it
         * starts again from 0, which Prometheus' {@code rate()} and {@code increase()} read as a counter reset).
         */
        COUNT,
        /** Any current value. */
        GAUGE
    }

    /** The unit of the value. */
    public enum Unit {
        NONE,
        SECONDS
    }
}
