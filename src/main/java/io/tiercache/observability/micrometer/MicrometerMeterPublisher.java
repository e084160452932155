package io.tiercache.observability.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.tiercache.observability.LatencyDefinition;
import io.tiercache.observability.LatencyDefinition.Quantile;
import io.tiercache.observability.MeterDefinition;
import io.tiercache.observability.MeterPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the meters in the server's Micrometer {@link MeterRegistry} (on WildFly, exposed by its Prometheus
 * registry). A {@link MeterDefinition.Kind#COUNT} is a function counter (Prometheus name {@code …_total}), any
 * other meter a gauge; a {@link MeterDefinition.Unit#SECONDS} value's name ends in {@code .seconds}. A latency is a
 * function timer (Prometheus summary {@code <name>_seconds} with {@code _count} and {@code _sum}), a gauge
 * {@code <name>.seconds.max}, and one gauge {@code <name>.percentile.seconds} per quantile, tagged {@code phi}
 * (Micrometer's naming of percentiles computed on the client): Micrometer puts quantiles into a Prometheus summary
 * only for the timers it records itself, and the engine computes its percentiles on its own.
 *
 * <p>Only {@code MeterRegistry}'s shorthand methods ({@code gauge(name, tags, …)}, {@code more().counter(name, tags,
 * …)}, {@code more().timer(name, tags, …)}) are used: WildFly's per-deployment registry forwards those to its
 * exporting registries and keeps meters registered through the builders to itself. So the meters have no
 * description. The registry holds a meter's state object weakly: the definitions are kept here.
 */
@ApplicationScoped
public class MicrometerMeterPublisher implements MeterPublisher {

    private static final double NANOS_PER_SECOND = 1e9;

    @Inject
    MeterRegistry registry;

    private final List<Object> registered = new CopyOnWriteArrayList<>();

    @Override
    public void add(MeterDefinition meter) {
        String name = meter.unit() == MeterDefinition.Unit.SECONDS ? meter.name() + ".seconds" : meter.name();
        if (meter.kind() == MeterDefinition.Kind.COUNT) {
            registry.more().counter(name, tags(meter.tags()), meter, MeterDefinition::read);
        } else {
            registry.gauge(name, tags(meter.tags()), meter, MeterDefinition::read);
        }
        registered.add(meter);
    }

    @Override
    public void add(LatencyDefinition latency) {
        List<Tag> tags = tags(latency.tags());
        registry.more().timer(latency.name(), tags, latency, l -> l.read().count(),
                l -> LatencyDefinition.sumNanos(l.read()), TimeUnit.NANOSECONDS);
        registry.gauge(latency.name() + ".seconds.max", tags, latency, l -> l.read().maxNanos() / NANOS_PER_SECOND);
        for (Quantile quantile : Quantile.values()) {
            List<Tag> phi = new ArrayList<>(tags);
            phi.add(Tag.of("phi", Double.toString(quantile.quantile)));
            registry.gauge(latency.name() + ".percentile.seconds", phi, latency,
                    l -> quantile.nanos(l.read()) / NANOS_PER_SECOND);
        }
        registered.add(latency);
    }

    private static List<Tag> tags(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((key, value) -> list.add(Tag.of(key, value)));
        return list;
    }
}
