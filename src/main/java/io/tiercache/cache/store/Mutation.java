package io.tiercache.cache.store;

/**
 * What an atomic operation of {@link TieredStore#update} does to its entry, decided from the entry's current value:
 * leave it, store a value for a life of its own, or remove it. What the store makes of a life is the cache's expiry
 * rule ({@link TieredStore}): {@link #ETERNAL} is no expiry, or the cache's TTLs when the cache expires its entries at
 * its configured TTLs, which then also cap every other life.
 *
 * @param kind      what to do
 * @param value     the value to store ({@link Kind#PUT} only)
 * @param ttlMillis how long the stored value lives, in milliseconds (at least 1); {@link #ETERNAL}: no end of its own;
 *                  {@link #UNCHANGED}: the end the entry has now (JSR-107 &sect;6.1: an update duration of
 *                  {@code null})
 * @param counted   whether the statistics count it as a put or removal (an expiry policy's renewal or expiry of an
 *                  entry is neither, JSR-107 &sect;12.4)
 */
public record Mutation(Kind kind, Object value, long ttlMillis, boolean counted) {

    /** The life of a value with no end of its own. */
    public static final long ETERNAL = -1;
    /** The life of a value that keeps the end its entry has now. */
    public static final long UNCHANGED = -2;

    private static final Mutation NONE = new Mutation(Kind.NONE, null, ETERNAL, false);
    private static final Mutation REMOVE = new Mutation(Kind.REMOVE, null, ETERNAL, true);
    private static final Mutation EXPIRE = new Mutation(Kind.REMOVE, null, ETERNAL, false);

    /** What to do with the entry. */
    public enum Kind {
        NONE, PUT, REMOVE
    }

    public static Mutation none() {
        return NONE;
    }

    public static Mutation remove() {
        return REMOVE;
    }

    /** Removes the entry because its expiry policy ends its life (not counted as a removal). */
    public static Mutation expire() {
        return EXPIRE;
    }

    /** Stores {@code value} for {@code ttlMillis}: at least 1, {@link #ETERNAL} or {@link #UNCHANGED}. */
    public static Mutation put(Object value, long ttlMillis) {
        return new Mutation(Kind.PUT, value, ttlMillis, true);
    }

    /** Stores the entry's {@code value} again for a new life of {@code ttlMillis} (not counted as a put). */
    public static Mutation touch(Object value, long ttlMillis) {
        return new Mutation(Kind.PUT, value, ttlMillis, false);
    }
}
