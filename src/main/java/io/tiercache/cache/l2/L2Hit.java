package io.tiercache.cache.l2;

/** A value found in Redis with the wall-clock time at which it expires there. */
public record L2Hit(Object value, long expiresAtMillis) {
}
