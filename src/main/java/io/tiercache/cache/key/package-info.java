/**
 * Keys: their stable text (the same on every JVM), the Redis key names and SCAN patterns of a cache (cache names
 * escaped so that no two caches share a key), and {@link io.tiercache.cache.key.RedisGlob}, Redis' own glob
 * matching, so that L1 and L2 select the same keys. Stateless and thread-safe.
 */
package io.tiercache.cache.key;
