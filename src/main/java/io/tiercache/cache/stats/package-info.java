/**
 * Recording the statistics of a cache on this member: counters ({@code LongAdder}) and latency histograms
 * (HdrHistogram recorders), lock-free, snapshotted into the API's {@link io.tiercache.cache.TieredCacheStatistics}.
 */
package io.tiercache.cache.stats;
