/**
 * JMH benchmarks of the cache engine against the libraries it wraps
 * ({@link io.tiercache.cache.bench.TieredCacheBenchmark}), of how its cost grows with its size
 * ({@link io.tiercache.cache.bench.L1ScaleBenchmark}, and the one-shot timings of
 * {@link io.tiercache.cache.bench.InvalidationScale}), and {@link io.tiercache.cache.bench.BenchEngine}, the engine of
 * one trial with a Redis and a Hazelcast member of its own.
 */
package io.tiercache.cache.bench;
