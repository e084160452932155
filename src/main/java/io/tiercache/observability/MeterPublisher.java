package io.tiercache.observability;

/**
 * Publishes {@link MeterDefinition}s in one metrics registry: the adapter of a metrics library (MicroProfile
 * Metrics, Micrometer), a CDI bean present only where that library's API is (see {@code WEB-INF/beans.xml}).
 * {@link CacheMetrics} calls it under its own lock, one call at a time.
 */
public interface MeterPublisher {

    /** Registers {@code meter}, reading its value whenever the registry is scraped. */
    void add(MeterDefinition meter);

    /** Removes {@code meter}, added before. */
    void remove(MeterDefinition meter);
}
