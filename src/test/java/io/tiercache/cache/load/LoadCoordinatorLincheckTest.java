package io.tiercache.cache.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Lincheck, in model-checking mode, over the in-member core of the engine: {@link LoadCoordinator} and
 * {@link Flight} between a cache layer (a map) and a source of truth (a counter). {@code read} is a
 * {@code getOrLoad}: the layer, else a single-flight load of the source that publishes into the layer;
 * {@code write} commits to the source, then invalidates the key as the engine does (BEGIN, remove from the layer,
 * END). Every interleaving Lincheck explores must be linearizable to the sequential behaviour, in which a read
 * returns the source's current value: a read that starts after a write returned never sees an older one.
 */
public class LoadCoordinatorLincheckTest {

    private static final String KEY = "k";

    private final LoadCoordinator loads = new LoadCoordinator(Duration.ofDays(1), () -> 0L,
            texts -> CompletableFuture.completedFuture(null));
    private final Map<String, Integer> layer = new ConcurrentHashMap<>();
    private final AtomicInteger source = new AtomicInteger();
    private final AtomicInteger invalidations = new AtomicInteger();

    @Operation
    public int read() {
        Integer cached = layer.get(KEY);
        if (cached != null) {
            return cached;
        }
        Outcome outcome = loads.run(KEY, true, flight -> {
            Integer again = layer.get(KEY);
            if (again != null) {
                return new Outcome(again, Outcome.Source.L1);
            }
            int value = source.get();
            flight.publish(() -> layer.put(KEY, value));
            return new Outcome(value, Outcome.Source.LOADER);
        });
        return (Integer) outcome.value();
    }

    @Operation
    public void write() {
        source.incrementAndGet();
        String id = "i" + invalidations.incrementAndGet();
        loads.begin(id, List.of(KEY), 1L, "sender");
        layer.remove(KEY);
        loads.end(id, List.of(KEY));
    }

    @Test
    void readsAreLinearizableWithWrites() {
        new ModelCheckingOptions()
                .iterations(60)
                .invocationsPerIteration(2_000)
                .threads(3)
                .actorsPerThread(2)
                .check(LoadCoordinatorLincheckTest.class);
    }
}
