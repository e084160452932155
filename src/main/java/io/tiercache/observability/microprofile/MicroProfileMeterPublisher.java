package io.tiercache.observability.microprofile;

import java.util.Map;

import io.tiercache.observability.MeterDefinition;
import io.tiercache.observability.MeterPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes the meters in the MicroProfile Metrics application registry ({@code /metrics?scope=application}).
 * MicroProfile Metrics 5 has no counter backed by a function, so a {@link MeterDefinition.Kind#COUNT} is a gauge
 * named {@code <name>.total} ({@code rate()} and {@code increase()} work on it in PromQL).
 */
@ApplicationScoped
public class MicroProfileMeterPublisher implements MeterPublisher {

    @Inject
    MetricRegistry registry;

    @Override
    public void add(MeterDefinition meter) {
        Metadata metadata = Metadata.builder().withName(name(meter)).withDescription(meter.description())
                .withUnit(meter.unit() == MeterDefinition.Unit.SECONDS ? MetricUnits.SECONDS : MetricUnits.NONE)
                .build();
        registry.gauge(metadata, meter::read, tags(meter.tags()));
    }

    @Override
    public void remove(MeterDefinition meter) {
        registry.remove(new MetricID(name(meter), tags(meter.tags())));
    }

    private static String name(MeterDefinition meter) {
        return meter.kind() == MeterDefinition.Kind.COUNT ? meter.name() + ".total" : meter.name();
    }

    private static Tag[] tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toArray(Tag[]::new);
    }
}
