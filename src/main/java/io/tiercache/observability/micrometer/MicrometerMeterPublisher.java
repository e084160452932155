package io.tiercache.observability.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.tiercache.observability.MeterDefinition;
import io.tiercache.observability.MeterPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Publishes the meters in the server's Micrometer {@link MeterRegistry} (on WildFly, exposed by its Prometheus
 * registry). A {@link MeterDefinition.Kind#COUNT} is a function counter (Prometheus name {@code …_total}), any
 * other meter a gauge; a {@link MeterDefinition.Unit#SECONDS} value's name ends in {@code .seconds}.
 *
 * <p>Only {@code MeterRegistry}'s shorthand methods ({@code gauge(name, tags, …)}, {@code more().counter(name, tags,
 * …)}) are used: WildFly's per-deployment registry forwards those to its exporting registries and keeps meters
 * registered through the builders to itself. So the meters have no description. The registry holds a meter's state
 * object weakly: the definitions are kept here while they are registered.
 */
@ApplicationScoped
public class MicrometerMeterPublisher implements MeterPublisher {

    @Inject
    MeterRegistry registry;

    private final Map<MeterDefinition, Meter> registered = new ConcurrentHashMap<>();

    @Override
    public void add(MeterDefinition meter) {
        List<Tag> tags = new ArrayList<>();
        meter.tags().forEach((key, value) -> tags.add(Tag.of(key, value)));
        String name = meter.unit() == MeterDefinition.Unit.SECONDS ? meter.name() + ".seconds" : meter.name();
        Meter added;
        if (meter.kind() == MeterDefinition.Kind.COUNT) {
            added = registry.more().counter(name, tags, meter, MeterDefinition::read);
        } else {
            registry.gauge(name, tags, meter, MeterDefinition::read);
            added = registry.find(name).tags(tags).gauge();
        }
        if (added != null) {
            registered.put(meter, added);
        }
    }

    @Override
    public void remove(MeterDefinition meter) {
        Meter removed = registered.remove(meter);
        if (removed != null) {
            registry.remove(removed);
        }
    }
}
