package io.tiercache.observability.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiercache.observability.MeterDefinition;
import io.tiercache.observability.MeterDefinition.Kind;
import io.tiercache.observability.MeterDefinition.Unit;
import org.junit.jupiter.api.Test;

/** The Micrometer adapter against Micrometer's own simple registry: meter types, names, tags, live values, removal. */
class MicrometerMeterPublisherTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMeterPublisher publisher = new MicrometerMeterPublisher();

    MicrometerMeterPublisherTest() {
        publisher.registry = registry;
    }

    @Test
    void countsAreFunctionCountersAndSecondsGoIntoTheName() {
        AtomicLong hits = new AtomicLong(3);
        MeterDefinition count = new MeterDefinition("tiercache.cache.hits", Kind.COUNT, "Reads answered", Unit.NONE,
                Map.of("cache", "c", "layer", "l1"), hits::get);
        MeterDefinition latency = new MeterDefinition("tiercache.cache.latency", Kind.GAUGE, "Read latency",
                Unit.SECONDS, Map.of("cache", "c", "quantile", "0.5"), () -> 0.25);
        publisher.add(count);
        publisher.add(latency);

        hits.set(5);
        assertEquals(5.0, registry.get("tiercache.cache.hits").tags("cache", "c", "layer", "l1")
                .functionCounter().count());
        assertEquals(0.25, registry.get("tiercache.cache.latency.seconds").tags("cache", "c", "quantile", "0.5")
                .gauge().value());

        publisher.remove(count);
        publisher.remove(latency);
        assertTrue(registry.getMeters().isEmpty(), registry.getMeters().toString());
    }
}
