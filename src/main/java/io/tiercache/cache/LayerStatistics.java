package io.tiercache.cache;

/**
 * Counters of one layer of one cache.
 *
 * @param hits        reads answered by this layer
 * @param misses      reads this layer could not answer
 * @param puts        entries written to this layer (puts and promotions)
 * @param evictions   entries evicted for size (L1: those this member owned; L2: always 0, Redis evicts silently)
 * @param expirations entries expired (L1: those this member owned; L2: entries read after their expiry)
 * @param errors      calls that failed or exceeded the time bound, and stored values rejected by the codec
 * @param skipped     calls not made because the circuit breaker was open
 * @param latency     latency of this layer's reads
 */
public record LayerStatistics(long hits, long misses, long puts, long evictions, long expirations, long errors,
                              long skipped, LatencySnapshot latency) {
}
