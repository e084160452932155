package io.tiercache.cache;

import java.util.function.Function;
import javax.cache.Cache;

/**
 * A JCache {@link Cache} with two layers, L1 a Hazelcast map read through a near cache and L2 Redis, and the
 * operations the JCache API lacks. Obtain it with {@code cache.unwrap(TieredCache.class)} from a cache of the
 * {@code io.tiercache.cache.spi.TieredCachingProvider}.
 *
 * <p>Reads go near cache, Hazelcast, Redis, then miss; an L2 hit is promoted into L1 for no longer than it has left in
 * Redis. Writes go to Redis, then Hazelcast; when a write or removal returns, every member's next read sees it.
 *
 * @param <K> key type: any {@link java.io.Serializable} type, compared by {@code equals} (see {@code KeyCodec})
 * @param <V> value type: {@link java.io.Serializable}, immutable, of a class inside the codec allowlist
 */
public interface TieredCache<K, V> extends Cache<K, V> {

    /**
     * The cached value of {@code key}, or the value {@code loader} computes for it, which is then cached in both
     * layers. Concurrent misses of one key on this member run {@code loader} once and share its result (or its
     * exception); a null result is returned and not cached. A load that an invalidation of the key overtook returns
     * its value to its callers but does not cache it.
     */
    V getOrLoad(K key, Function<? super K, ? extends V> loader);

    /**
     * The value of {@code key} when L1 holds it live (near cache or Hazelcast map, under the same coherence rules as
     * {@link #get}), counted as the hit {@code get} would count; otherwise null, with nothing counted, loaded or
     * asked of Redis: the caller then reads through {@code get} or {@link #getOrLoad}, which count the miss. Null too
     * when the expiry policy renews entries on access (only {@code get} renews). For a fast path of L1 hits only.
     *
     * @throws IllegalStateException if the cache is closed
     */
    V getFromL1(K key);

    /**
     * Removes from both layers, on every member, the entries whose key text matches the Redis glob {@code glob}
     * ({@code *}, {@code ?}, {@code [abc]}, {@code \} escapes), e.g. {@code strategies:list:*}, with Redis' semantics
     * in both ({@link io.tiercache.cache.key.RedisGlob}: over UTF-8 bytes, so {@code ?} is one byte, and line
     * terminators are bytes like any other). Redis is walked with {@code SCAN MATCH}, within
     * {@code tiercache.redis.scan-timeout}; if it cannot be walked completely the cache's
     * L2 generation is bumped instead, so no matching entry is ever served again.
     *
     * @return the number of distinct keys removed from either layer
     */
    long invalidatePattern(String glob);

    /** This cache's statistics on this member (always recorded, whether or not JCache statistics are enabled). */
    TieredCacheStatistics snapshot();

    /** How many entries of L1 this member owns (its share of the Hazelcast map); empty when L1 is disabled or the engine is a Hazelcast client. */
    java.util.OptionalLong l1OwnedEntries();
}
