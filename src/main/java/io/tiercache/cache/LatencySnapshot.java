package io.tiercache.cache;

/** Latency percentiles of one operation, in nanoseconds; all zero before the first recording. */
public record LatencySnapshot(long count, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos,
                              double meanNanos) {
}
