package io.tiercache.observability.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tiercache.cache.LatencySnapshot;
import io.tiercache.observability.LatencyDefinition;
import io.tiercache.observability.MeterDefinition;
import io.tiercache.observability.MeterDefinition.Kind;
import io.tiercache.observability.MeterDefinition.Unit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Micrometer adapter against Micrometer's own simple registry: meter types, names, tags, live values. */
class MicrometerMeterPublisherTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMeterPublisher publisher = new MicrometerMeterPublisher();

    MicrometerMeterPublisherTest() {
        publisher.registry = registry;
    }

    @Test
    void countsAreFunctionCountersAndSecondsGoIntoTheName() {
        AtomicLong hits = new AtomicLong(3);
        publisher.add(new MeterDefinition("tiercache.cache.hits", Kind.COUNT, "Reads answered", Unit.NONE,
                Map.of("cache", "c", "layer", "l1"), hits::get));
        publisher.add(new MeterDefinition("tiercache.cache.load.time", Kind.COUNT, "Time in loaders", Unit.SECONDS,
                Map.of("cache", "c"), () -> 1.5));
        publisher.add(new MeterDefinition("tiercache.cache.hit.ratio", Kind.GAUGE, "Hit ratio", Unit.NONE,
                Map.of("cache", "c"), () -> 0.25));

        hits.set(5);
        assertEquals(5.0, registry.get("tiercache.cache.hits").tags("cache", "c", "layer", "l1")
                .functionCounter().count());
        assertEquals(1.5, registry.get("tiercache.cache.load.time.seconds").tags("cache", "c")
                .functionCounter().count());
        assertEquals(0.25, registry.get("tiercache.cache.hit.ratio").tags("cache", "c").gauge().value());
    }

    @Test
    void aLatencyIsAFunctionTimerWithItsMaxAndPercentiles() {
        AtomicReference<LatencySnapshot> latency = new AtomicReference<>(new LatencySnapshot(0, 0, 0, 0, 0, 0));
        publisher.add(new LatencyDefinition("tiercache.cache.latency", "Read latency",
                Map.of("cache", "c", "layer", "l2"), latency::get));

        latency.set(new LatencySnapshot(4, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 1_500_000));
        var timer = registry.get("tiercache.cache.latency").tags("cache", "c", "layer", "l2").functionTimer();
        assertEquals(4.0, timer.count());
        assertEquals(0.006, timer.totalTime(TimeUnit.SECONDS), 1e-12, "count times mean");
        assertEquals(0.004, registry.get("tiercache.cache.latency.seconds.max").tags("cache", "c", "layer", "l2")
                .gauge().value(), 1e-12);
        assertEquals(0.003, registry.get("tiercache.cache.latency.percentile.seconds")
                .tags("cache", "c", "layer", "l2", "phi", "0.99").gauge().value(), 1e-12);
        assertEquals(0.001, registry.get("tiercache.cache.latency.percentile.seconds")
                .tags("cache", "c", "layer", "l2", "phi", "0.5").gauge().value(), 1e-12);
    }
}
