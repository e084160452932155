package io.tiercache.observability.microprofile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tiercache.cache.LatencySnapshot;
import io.tiercache.observability.LatencyDefinition;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Snapshot;
import org.junit.jupiter.api.Test;

/** The timer Payara writes as a summary: the engine's figures read live, in nanoseconds, and nothing recorded. */
class LatencyTimerTest {

    private final AtomicReference<LatencySnapshot> latency =
            new AtomicReference<>(new LatencySnapshot(0, 0, 0, 0, 0, 0));
    private final LatencyTimer timer = new LatencyTimer(new LatencyDefinition("tiercache.cache.latency", "Read latency",
            Map.of("cache", "c"), latency::get));

    @Test
    void readsTheEnginesPercentilesWhenAsked() {
        assertEquals(0, timer.getCount());
        assertEquals(Duration.ZERO, timer.getElapsedTime());

        latency.set(new LatencySnapshot(4, 1_000, 2_000, 3_000, 4_000, 1_500.25));
        Snapshot snapshot = timer.getSnapshot();
        assertEquals(4, timer.getCount());
        assertEquals(Duration.ofNanos(6_001), timer.getElapsedTime(), "count times mean, rounded");
        assertEquals(4, snapshot.size());
        assertEquals(4_000, snapshot.getMax());
        assertEquals(1_500.25, snapshot.getMean());
        assertArrayEquals(new double[] {0.5, 1_000, 0.95, 2_000, 0.99, 3_000}, Arrays.stream(snapshot.percentileValues())
                .flatMapToDouble(p -> Arrays.stream(new double[] {p.getPercentile(), p.getValue()})).toArray());
        assertEquals(0, snapshot.bucketValues().length);
    }

    @Test
    void theElapsedTimeIsNeverAWholeNumberOfSeconds() {
        latency.set(new LatencySnapshot(2, 1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000, 1e9));
        assertEquals(Duration.ofSeconds(2, 1), timer.getElapsedTime());
    }

    @Test
    void nothingIsRecorded() {
        assertThrows(UnsupportedOperationException.class, () -> timer.update(Duration.ofMillis(1)));
        assertThrows(UnsupportedOperationException.class, () -> timer.time(() -> { }));
        assertThrows(UnsupportedOperationException.class, timer::time);
    }
}
