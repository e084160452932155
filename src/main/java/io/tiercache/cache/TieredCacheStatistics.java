package io.tiercache.cache;

/**
 * A snapshot of one cache's statistics on this member, cumulative since the cache was created or its statistics
 * were cleared.
 *
 * @param cacheName     the cache
 * @param hits          gets answered by L1 or L2
 * @param misses        gets answered by neither (whether or not a loader then ran); every get is one hit or one miss
 * @param puts          entries put by callers and by loaders
 * @param removals      entries removed by {@code remove}/{@code removeAll(keys)}
 * @param loads         loader runs that completed
 * @param loadFailures  loader runs that threw
 * @param loadTimeNanos time spent in loaders
 * @param l1            the Hazelcast layer
 * @param l2            the Redis layer
 * @param load          latency of loader runs
 * @param get           latency of gets, whatever answered them (a uniform sample, see {@code tiercache.stats})
 */
public record TieredCacheStatistics(String cacheName, long hits, long misses, long puts, long removals, long loads,
                                    long loadFailures, long loadTimeNanos, LayerStatistics l1, LayerStatistics l2,
                                    LatencySnapshot load, LatencySnapshot get) {
}
