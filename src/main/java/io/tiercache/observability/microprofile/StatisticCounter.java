package io.tiercache.observability.microprofile;

import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Counter;

/**
 * A counter whose count is a cumulative figure of the cache engine, read when the registry is scraped: it goes
 * up as the engine counts, and back to 0 only when the engine's figure does (a counter reset to Prometheus).
 * Nothing increments it: {@link #inc()} is refused.
 */
final class StatisticCounter implements Counter {

    private final LongSupplier count;

    StatisticCounter(LongSupplier count) {
        this.count = count;
    }

    @Override
    public long getCount() {
        return count.getAsLong();
    }

    @Override
    public void inc() {
        throw refused();
    }

    @Override
    public void inc(long n) {
        throw refused();
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("Read from the cache engine's statistics");
    }
}
