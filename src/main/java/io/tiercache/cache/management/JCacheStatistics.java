package io.tiercache.cache.management;

import io.tiercache.cache.TieredCacheStatistics;
import io.tiercache.cache.stats.StatisticsRecorder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * The standard JCache statistics of a tiered cache, computed from its {@link StatisticsRecorder}: hits are L1 plus
 * L2 hits, evictions are L1 evictions on this member, get time is the mean of the L1 and L2 read latencies weighted
 * by their counts. Times are in microseconds, as JCache specifies.
 */
public final class JCacheStatistics implements CacheStatisticsMXBean {

    private final StatisticsRecorder recorder;

    public JCacheStatistics(StatisticsRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void clear() {
        recorder.clear();
    }

    @Override
    public long getCacheHits() {
        return recorder.snapshot().hits();
    }

    @Override
    public float getCacheHitPercentage() {
        TieredCacheStatistics s = recorder.snapshot();
        long gets = s.hits() + s.misses();
        return gets == 0 ? 0 : 100f * s.hits() / gets;
    }

    @Override
    public long getCacheMisses() {
        return recorder.snapshot().misses();
    }

    @Override
    public float getCacheMissPercentage() {
        TieredCacheStatistics s = recorder.snapshot();
        long gets = s.hits() + s.misses();
        return gets == 0 ? 0 : 100f * s.misses() / gets;
    }

    @Override
    public long getCacheGets() {
        TieredCacheStatistics s = recorder.snapshot();
        return s.hits() + s.misses();
    }

    @Override
    public long getCachePuts() {
        return recorder.snapshot().puts();
    }

    @Override
    public long getCacheRemovals() {
        return recorder.snapshot().removals();
    }

    @Override
    public long getCacheEvictions() {
        return recorder.snapshot().l1().evictions();
    }

    /** The mean of the sampled get times (a uniform sample of every get), in microseconds. */
    @Override
    public float getAverageGetTime() {
        return (float) (recorder.snapshot().get().meanNanos() / 1000.0);
    }

    @Override
    public float getAveragePutTime() {
        long puts = recorder.snapshot().puts();
        return puts == 0 ? 0 : (float) (recorder.putNanos() / (double) puts / 1000.0);
    }

    @Override
    public float getAverageRemoveTime() {
        long removals = recorder.snapshot().removals();
        return removals == 0 ? 0 : (float) (recorder.removeNanos() / (double) removals / 1000.0);
    }
}
