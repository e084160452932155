package io.tiercache.observability.microprofile;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Registers metrics of the application's own implementation in Payara's MicroProfile Metrics registry, through its
 * public {@code MetricRegistryImpl.register(Metadata, String type, Metric, Tag...)}. MicroProfile Metrics 5 has no
 * API for that: its {@code counter(…)} and {@code timer(…)} only create the registry's own metrics, which count what
 * the application records in them, while the engine's figures are cumulative counts and percentiles it computes
 * itself. Payara's exposition writes any {@link Counter} as a Prometheus counter and any {@link Timer} as a summary,
 * so a counter that reads the engine's count when scraped is exact and never behind.
 */
final class PayaraRegistry {

    private final MetricRegistry registry;
    private final Method register;

    private PayaraRegistry(MetricRegistry registry, Method register) {
        this.registry = registry;
        this.register = register;
    }

    /** Payara's registration method of {@code registry}, or empty if {@code registry} is not Payara's. */
    static Optional<PayaraRegistry> of(MetricRegistry registry) {
        try {
            return Optional.of(new PayaraRegistry(registry, registry.getClass()
                    .getMethod("register", Metadata.class, String.class, Metric.class, Tag[].class)));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    void register(Metadata metadata, Counter counter, Tag... tags) {
        invoke(metadata, Counter.class, counter, tags);
    }

    void register(Metadata metadata, Timer timer, Tag... tags) {
        invoke(metadata, Timer.class, timer, tags);
    }

    private void invoke(Metadata metadata, Class<? extends Metric> type, Metric metric, Tag[] tags) {
        try {
            register.invoke(registry, metadata, type.getName(), metric, tags);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + register, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not register " + metadata.getName(), e.getCause());
        }
    }
}
