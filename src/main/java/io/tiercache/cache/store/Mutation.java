package io.tiercache.cache.store;

/**
 * What an atomic operation of {@link TieredStore#update} does to its entry, decided from the entry's current value:
 * leave it, store a value (for {@code ttlMillis}, or the cache's TTLs when negative), or remove it.
 *
 * @param kind      what to do
 * @param value     the value to store ({@link Kind#PUT} only)
 * @param ttlMillis how long the stored value lives, at most the cache's TTLs; negative: the cache's TTLs
 * @param counted   whether the statistics count it as a put or removal (an expiry policy's renewal or expiry of an
 *                  entry is neither, JSR-107 &sect;12.4)
 */
public record Mutation(Kind kind, Object value, long ttlMillis, boolean counted) {

    private static final Mutation NONE = new Mutation(Kind.NONE, null, -1, false);
    private static final Mutation REMOVE = new Mutation(Kind.REMOVE, null, -1, true);
    private static final Mutation EXPIRE = new Mutation(Kind.REMOVE, null, -1, false);

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

    /** Stores {@code value} with the cache's TTLs. */
    public static Mutation put(Object value) {
        return new Mutation(Kind.PUT, value, -1, true);
    }

    /** Stores {@code value} for {@code ttlMillis} (negative: the cache's TTLs). */
    public static Mutation put(Object value, long ttlMillis) {
        return new Mutation(Kind.PUT, value, ttlMillis, true);
    }

    /** Stores the entry's {@code value} again for a new life of {@code ttlMillis} (not counted as a put). */
    public static Mutation touch(Object value, long ttlMillis) {
        return new Mutation(Kind.PUT, value, ttlMillis, false);
    }
}
