/**
 * L2: one Redis string per entry (through Redisson), its envelope (generation, expiry, codec payload), the
 * generation of each cache that makes every entry an outage may have left behind unservable, and the
 * {@link io.tiercache.cache.l2.RedisGuard} through which every Redis call waits at most the Redis bound and is skipped
 * while the circuit breaker is open. Thread-safe.
 */
package io.tiercache.cache.l2;
