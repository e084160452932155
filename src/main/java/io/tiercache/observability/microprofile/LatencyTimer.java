package io.tiercache.observability.microprofile;

import io.tiercache.cache.LatencySnapshot;
import io.tiercache.observability.LatencyDefinition;
import io.tiercache.observability.LatencyDefinition.Quantile;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;

/**
 * A timer (unit nanoseconds) whose figures are one of the cache engine's latency distributions, read when the
 * registry is scraped: Payara's exposition writes it as a summary in seconds, the quantiles of
 * {@link Quantile}, {@code _count}, {@code _sum}, and {@code _max} as a gauge. Nothing records in
 * it: {@link #update} and {@link #time} are refused.
 *
 * <p>The elapsed time is never a whole number of seconds (1 ns is added then): Payara 6.2025.10 divides such a
 * duration by 1000 when it writes {@code _sum}.
 */
final class LatencyTimer implements Timer {

    private final LatencyDefinition latency;

    LatencyTimer(LatencyDefinition latency) {
        this.latency = latency;
    }

    @Override
    public Duration getElapsedTime() {
        Duration sum = Duration.ofNanos(Math.round(LatencyDefinition.sumNanos(latency.read())));
        return sum.getNano() == 0 && !sum.isZero() ? sum.plusNanos(1) : sum;
    }

    @Override
    public long getCount() {
        return latency.read().count();
    }

    @Override
    public Snapshot getSnapshot() {
        return new LatencySnapshotView(latency.read());
    }

    @Override
    public void update(Duration duration) {
        throw refused();
    }

    @Override
    public <T> T time(Callable<T> event) {
        throw refused();
    }

    @Override
    public void time(Runnable event) {
        throw refused();
    }

    @Override
    public Context time() {
        throw refused();
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("Read from the cache engine's statistics");
    }

    /** The engine's percentiles as a MicroProfile snapshot, in nanoseconds. */
    private static final class LatencySnapshotView extends Snapshot {

        private final LatencySnapshot latency;

        LatencySnapshotView(LatencySnapshot latency) {
            this.latency = latency;
        }

        @Override
        public long size() {
            return latency.count();
        }

        @Override
        public double getMax() {
            return latency.maxNanos();
        }

        @Override
        public double getMean() {
            return latency.meanNanos();
        }

        @Override
        public PercentileValue[] percentileValues() {
            return Arrays.stream(Quantile.values())
                    .map(q -> new PercentileValue(q.quantile, q.nanos(latency)))
                    .toArray(PercentileValue[]::new);
        }

        /** None: the engine computes percentiles, not buckets. */
        @Override
        public HistogramBucket[] bucketValues() {
            return new HistogramBucket[0];
        }

        @Override
        public void dump(OutputStream output) {
            PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
            Arrays.stream(percentileValues()).forEach(out::println);
        }
    }
}
