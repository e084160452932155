package io.tiercache.cache.stats;

import io.tiercache.cache.LayerStatistics;
import io.tiercache.cache.TieredCacheStatistics;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The statistics of one cache on this member. Counters are {@link LongAdder}s and latencies go to lock-free
 * HdrHistogram recorders, so recording costs a few nanoseconds and allocates nothing; latency recording can be
 * switched off ({@code tiercache.stats.latency}) and L1 reads are timed by sampling
 * ({@code tiercache.stats.l1-latency-sample}). Thread-safe.
 */
public final class StatisticsRecorder {

    private final String cacheName;
    private final boolean latencyEnabled;
    private final int l1SampleMask;
    private final LongAdder l1Hits = new LongAdder();
    private final LongAdder l1Misses = new LongAdder();
    private final LongAdder l1Puts = new LongAdder();
    private final LongAdder l1Evictions = new LongAdder();
    private final LongAdder l1Expirations = new LongAdder();
    private final LongAdder l1Errors = new LongAdder();
    private final LongAdder l2Hits = new LongAdder();
    private final LongAdder l2Misses = new LongAdder();
    private final LongAdder l2Puts = new LongAdder();
    private final LongAdder l2Expirations = new LongAdder();
    private final LongAdder l2Errors = new LongAdder();
    private final LongAdder l2Skipped = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder removals = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder loadFailures = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder putNanos = new LongAdder();
    private final LongAdder removeNanos = new LongAdder();
    private final LatencyRecorder l1Latency = new LatencyRecorder();
    private final LatencyRecorder l2Latency = new LatencyRecorder();
    private final LatencyRecorder loadLatency = new LatencyRecorder();
    private final LatencyRecorder getLatency = new LatencyRecorder();

    /**
     * @param latencyEnabled whether latency histograms are recorded
     * @param l1SampleRate   one get in this many is timed (rounded up to a power of two; 1 times them all)
     */
    public StatisticsRecorder(String cacheName, boolean latencyEnabled, int l1SampleRate) {
        this.cacheName = cacheName;
        this.latencyEnabled = latencyEnabled;
        this.l1SampleMask = Integer.highestOneBit(Math.max(1, l1SampleRate) * 2 - 1) - 1;
    }

    /** A time stamp for the latency of an operation, or 0 when latency recording is off. */
    public long start() {
        return latencyEnabled ? System.nanoTime() : 0;
    }

    /**
     * A time stamp for a get, or 0 when this get is not sampled: timing every near-cache hit would cost two clock
     * reads, a third of the hit itself, so the L1 and get-time histograms hold a uniform sample of the gets.
     */
    public long startGet() {
        return latencyEnabled && (ThreadLocalRandom.current().nextInt() & l1SampleMask) == 0 ? System.nanoTime() : 0;
    }

    /** Records the time of a sampled L1 lookup that began at {@code start}. */
    public void l1Latency(long start) {
        if (start != 0) {
            l1Latency.record(System.nanoTime() - start);
        }
    }

    /** Records the time of a sampled get, whatever answered it, that began at {@code start}. */
    public void getTime(long start) {
        if (start != 0) {
            getLatency.record(System.nanoTime() - start);
        }
    }

    public void l1Hit() {
        l1Hits.increment();
    }

    public void l1Miss() {
        l1Misses.increment();
    }

    public void l2Hit() {
        l2Hits.increment();
    }

    public void l2Miss() {
        l2Misses.increment();
    }

    /** Records the time of a Redis read that began at {@code start} (from {@link #start()}). */
    public void l2Latency(long start) {
        if (start != 0) {
            l2Latency.record(System.nanoTime() - start);
        }
    }

    /** A Redis call that failed or timed out, begun at {@code start} (0: not timed). */
    public void l2Error(long start) {
        l2Errors.increment();
        l2Latency(start);
    }

    public void l2Skipped() {
        l2Skipped.increment();
    }

    public void l1Error() {
        l1Errors.increment();
    }

    public void l1Put() {
        l1Puts.increment();
    }

    public void l2Put() {
        l2Puts.increment();
    }

    public void l2Expired() {
        l2Expirations.increment();
    }

    public void miss() {
        misses.increment();
    }

    public void put(long nanos) {
        puts.increment();
        putNanos.add(nanos);
    }

    public void removal(long nanos, long removed) {
        removals.add(removed);
        removeNanos.add(nanos);
    }

    public void load(long nanos, boolean failed) {
        (failed ? loadFailures : loads).increment();
        loadNanos.add(nanos);
        if (latencyEnabled) {
            loadLatency.record(nanos);
        }
    }

    /** The adder Hazelcast's eviction listener increments. */
    public LongAdder l1Evictions() {
        return l1Evictions;
    }

    /** The adder Hazelcast's expiration listener increments. */
    public LongAdder l1Expirations() {
        return l1Expirations;
    }

    public long putNanos() {
        return putNanos.sum();
    }

    public long removeNanos() {
        return removeNanos.sum();
    }

    public TieredCacheStatistics snapshot() {
        return new TieredCacheStatistics(cacheName, l1Hits.sum() + l2Hits.sum(), misses.sum(), puts.sum(),
                removals.sum(), loads.sum(), loadFailures.sum(), loadNanos.sum(),
                new LayerStatistics(l1Hits.sum(), l1Misses.sum(), l1Puts.sum(), l1Evictions.sum(),
                        l1Expirations.sum(), l1Errors.sum(), 0, l1Latency.snapshot()),
                new LayerStatistics(l2Hits.sum(), l2Misses.sum(), l2Puts.sum(), 0, l2Expirations.sum(),
                        l2Errors.sum(), l2Skipped.sum(), l2Latency.snapshot()),
                loadLatency.snapshot(), getLatency.snapshot());
    }

    /** Resets every counter and histogram (JCache {@code CacheStatisticsMXBean.clear()}). */
    public void clear() {
        for (LongAdder adder : new LongAdder[] {l1Hits, l1Misses, l1Puts, l1Evictions, l1Expirations, l1Errors,
                l2Hits, l2Misses, l2Puts, l2Expirations, l2Errors, l2Skipped, misses, puts, removals, loads,
                loadFailures, loadNanos, putNanos, removeNanos}) {
            adder.reset();
        }
        l1Latency.reset();
        l2Latency.reset();
        loadLatency.reset();
        getLatency.reset();
    }
}
