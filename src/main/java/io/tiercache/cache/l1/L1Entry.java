package io.tiercache.cache.l1;

import java.io.Serializable;

/**
 * What the Hazelcast map holds for one cache entry: the original key (for iteration), the value and the wall-clock
 * time at which it stops being served ({@link #NEVER}: none). The expiry is checked on every read, so an entry is
 * never served past it even while Hazelcast has not yet expired it or a near cache still holds it.
 *
 * <p>Immutable. With the near cache in {@code OBJECT} format the same instance, and so the same value instance, is
 * handed to every reader on a member: cached values must be immutable (records, unmodifiable lists).
 * Serialized by Hazelcast with Java serialization under the engine's class filter.
 */
public record L1Entry(Object key, Object value, long expiresAtMillis) implements Serializable {

    /** The expiry of an entry that never expires (and the life, in milliseconds, of a value with no TTL). */
    public static final long NEVER = Long.MAX_VALUE;

    public boolean liveAt(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }
}
