package io.tiercache.cache.stats;

import io.tiercache.cache.LatencySnapshot;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency histogram (nanoseconds, 1 ns to 60 s, 2 significant digits). Recording is lock-free and
 * allocation-free (HdrHistogram {@link Recorder}); {@link #snapshot()} folds what was recorded since the previous
 * snapshot into a cumulative histogram under this object's lock.
 */
final class LatencyRecorder {

    private static final long HIGHEST = 60_000_000_000L;

    private final Recorder recorder = new Recorder(1, HIGHEST, 2);
    private final Histogram total = new Histogram(1, HIGHEST, 2);
    private Histogram interval;

    void record(long nanos) {
        recorder.recordValue(Math.min(HIGHEST, Math.max(1, nanos)));
    }

    synchronized LatencySnapshot snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return new LatencySnapshot(total.getTotalCount(), total.getValueAtPercentile(50),
                total.getValueAtPercentile(95), total.getValueAtPercentile(99), total.getMaxValue(),
                total.getTotalCount() == 0 ? 0 : total.getMean());
    }

    synchronized void reset() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
    }
}
