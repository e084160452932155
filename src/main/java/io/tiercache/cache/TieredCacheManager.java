package io.tiercache.cache;

import javax.cache.CacheManager;

/**
 * The {@link CacheManager} of the tiered provider ({@code io.tiercache.cache.spi.TieredCachingProvider}, selected by
 * class name): it owns one Hazelcast instance (member or client) and one Redisson client, started when the manager
 * is created and shut down when it is closed. Its caches unwrap to {@link TieredCache}.
 *
 * <p>{@link #unwrap} also yields the manager's {@code com.hazelcast.core.HazelcastInstance} and
 * {@code org.redisson.api.RedissonClient}, for health checks and metrics.
 *
 * <p>Thread-safe.
 */
public interface TieredCacheManager extends CacheManager {

    /** Whether Redis calls are let through now (the circuit breaker is closed or probing), for health checks. */
    boolean redisAvailable();
}
