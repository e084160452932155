package io.tiercache.cache.jcache;

import io.tiercache.cache.store.Mutation;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;

/**
 * What a cache's {@link ExpiryPolicy} makes of each write and access (JSR-107 &sect;6.1): the life of a stored entry
 * (its creation or update duration; eternal: {@link Mutation#ETERNAL}), the expiry it has kept for an update duration
 * of {@code null}, nothing stored for a zero creation duration, the entry expired by a zero update or access
 * duration, and a renewed life on access. What an eternal life is in each layer (no expiry, or the cache's configured
 * TTLs) is the store's rule. Thread-safe as its policy is.
 */
final class ExpiryRules {

    private final ExpiryPolicy policy;

    ExpiryRules(ExpiryPolicy policy) {
        this.policy = policy;
    }

    ExpiryPolicy policy() {
        return policy;
    }

    /** Whether a write must know if the entry exists (the policy treats creations and updates differently). */
    boolean knowsUpdates() {
        return !(policy instanceof EternalExpiryPolicy);
    }

    /** Whether an access gives the entry a new life. */
    boolean renewsOnAccess() {
        return policy.getExpiryForAccess() != null;
    }

    /** The mutation that stores {@code value}, created or updated as {@code existed} says. */
    Mutation stored(Object value, boolean existed) {
        Duration duration = existed ? policy.getExpiryForUpdate() : policy.getExpiryForCreation();
        if (duration == null) {
            return Mutation.put(value, existed ? Mutation.UNCHANGED : Mutation.ETERNAL);
        }
        long ttl = millis(duration);
        if (ttl == 0) {
            return existed ? Mutation.expire() : Mutation.none();
        }
        return Mutation.put(value, ttl);
    }

    /** The mutation of an access of an entry whose value is {@code value} that leaves it otherwise unchanged. */
    Mutation accessed(Object value) {
        Duration access = policy.getExpiryForAccess();
        if (access == null) {
            return Mutation.none();
        }
        long ttl = millis(access);
        return ttl == 0 ? Mutation.expire() : Mutation.touch(value, ttl);
    }

    /** A JCache duration in milliseconds: {@link Mutation#ETERNAL} for eternal, 0 for zero, else at least 1. */
    private static long millis(Duration duration) {
        if (duration.isEternal()) {
            return Mutation.ETERNAL;
        }
        return Math.max(duration.isZero() ? 0 : 1, duration.getTimeUnit().toMillis(duration.getDurationAmount()));
    }
}
