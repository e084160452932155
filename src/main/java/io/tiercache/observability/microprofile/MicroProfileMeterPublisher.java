package io.tiercache.observability.microprofile;

import io.tiercache.observability.LatencyDefinition;
import io.tiercache.observability.MeterDefinition;
import io.tiercache.observability.MeterPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes the meters in the MicroProfile Metrics application registry ({@code /metrics?scope=application}): a
 * gauge as a gauge, a {@link MeterDefinition.Kind#COUNT} as a {@link StatisticCounter} (Prometheus counter
 * {@code <name>_total}; in nanoseconds, so {@code <name>_seconds_total}, when its unit is seconds) and a latency as a
 * {@link LatencyTimer} (Prometheus summary {@code <name>_seconds}), each reading the engine when scraped. Counters and
 * timers of the application's own go through Payara's registration method ({@link PayaraRegistry}); on a registry
 * without it only the gauges are published, and a warning says so.
 */
@ApplicationScoped
public class MicroProfileMeterPublisher implements MeterPublisher {

    private static final System.Logger LOG = System.getLogger(MicroProfileMeterPublisher.class.getName());
    private static final double NANOS_PER_SECOND = 1e9;

    @Inject
    MetricRegistry registry;

    private Optional<PayaraRegistry> payara;

    @PostConstruct
    void findRegistration() {
        payara = PayaraRegistry.of(registry);
        if (payara.isEmpty()) {
            LOG.log(Level.WARNING, "The MicroProfile Metrics registry " + registry.getClass().getName() + " is not Payara's: "
                    + "the cache engine's counts and latencies are not published, only its gauges");
        }
    }

    @Override
    public void add(MeterDefinition meter) {
        boolean seconds = meter.unit() == MeterDefinition.Unit.SECONDS;
        if (meter.kind() == MeterDefinition.Kind.GAUGE) {
            registry.gauge(metadata(meter.name(), meter.description(), seconds ? MetricUnits.SECONDS : MetricUnits.NONE),
                    meter::read, tags(meter.tags()));
        } else {
            double scale = seconds ? NANOS_PER_SECOND : 1;
            payara.ifPresent(payara -> payara.register(
                    metadata(meter.name(), meter.description(), seconds ? MetricUnits.NANOSECONDS : MetricUnits.NONE),
                    new StatisticCounter(() -> Math.round(meter.read() * scale)), tags(meter.tags())));
        }
    }

    @Override
    public void add(LatencyDefinition latency) {
        payara.ifPresent(payara -> payara.register(
                metadata(latency.name(), latency.description(), MetricUnits.NANOSECONDS),
                new LatencyTimer(latency), tags(latency.tags())));
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }

    private static Tag[] tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toArray(Tag[]::new);
    }
}
