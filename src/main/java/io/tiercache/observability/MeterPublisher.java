package io.tiercache.observability;

/**
 * Publishes meters in one metrics registry: the adapter of a metrics library (MicroProfile Metrics, Micrometer), a
 * CDI bean present only where that library's API is (see {@code WEB-INF/beans.xml}). {@link CacheMetrics} calls it
 * under its own lock, one call at a time. Meters stay registered until the application stops.
 */
public interface MeterPublisher {

    /** Registers {@code meter} as a counter or a gauge, reading its value whenever the registry is scraped. */
    void add(MeterDefinition meter);

    /** Registers {@code latency} as a summary, reading its percentiles whenever the registry is scraped. */
    void add(LatencyDefinition latency);
}
