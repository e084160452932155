/**
 * JMH benchmarks of the cache engine against the libraries it wraps
 * ({@link io.tiercache.cache.bench.TieredCacheBenchmark}), and {@link io.tiercache.cache.bench.BenchEngine}, the
 * engine of one trial with a Redis and a Hazelcast member of its own.
 */
package io.tiercache.cache.bench;
