package io.tiercache.http;

import io.tiercache.cache.ResultCapture;
import io.tiercache.cache.TieredCache;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;

/**
 * Which cache entry answers which GET ({@link StoredResponseFilter}): by request target and {@code Accept}, the tiered
 * cache and key that the first answer came from, and the header fields of the method's policy. Only L1 hits are
 * answered from it. At most {@value #CAPACITY} targets of at most {@value #MAX_TARGET_CHARS} characters each are known
 * (about 20 MiB at most): when a new one would exceed the capacity, one known target, whichever the map iterates
 * first, is forgotten (to be learned again when it is asked for), with no lock. Thread-safe.
 */
final class StoredResponses {

    /** The number of targets known at most. */
    static final int CAPACITY = 10_000;
    /** The longest target learned, in characters of path, query and {@code Accept} together. */
    static final int MAX_TARGET_CHARS = 1_024;

    private final ConcurrentHashMap<Target, Stored> targets = new ConcurrentHashMap<>();

    /**
     * A request as far as the response depends on it.
     *
     * @param path   the request URI's path, as sent
     * @param query  the query string as sent, or null
     * @param accept the {@code Accept} field, or null
     */
    record Target(String path, String query, String accept) {

        /** The characters of its path, query and {@code Accept}. */
        int length() {
            return path.length() + (query == null ? 0 : query.length()) + (accept == null ? 0 : accept.length());
        }
    }

    /**
     * Where a target's response comes from, and its fixed header fields.
     *
     * @param cache        the cache holding the representation
     * @param key          its key there
     * @param cacheControl the {@code Cache-Control} field
     * @param vary         the {@code Vary} field, or null
     * @param contentType  the {@code Content-Type} field
     */
    record Stored(TieredCache<Object, Object> cache, Object key, String cacheControl, String vary,
                  String contentType) {

        /**
         * The representation L1 holds now ({@link TieredCache#getFromL1}: a hit counted as {@code get} counts it);
         * null when L1 holds none (nothing counted: the JAX-RS request that follows reads Redis or loads, and counts
         * the miss), or holds something else.
         */
        Representation current() {
            try {
                return cache.getFromL1(key) instanceof Representation representation ? representation : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** What answers {@code target}, or null. */
    Stored find(Target target) {
        return targets.get(target);
    }

    /**
     * Learns that {@code target} was answered 200 with {@code representation}, the value of {@code entry}, when the
     * response sent it under its own tag ({@code etag}) as a public response; otherwise learns nothing.
     */
    void learn(Target target, ResultCapture.Entry entry, Representation representation, String etag,
            String cacheControl, String vary, String contentType) {
        if (etag == null || cacheControl == null || contentType == null || !cacheControl.startsWith("public")
                || !etag.equals(representation.fields().etag()) || target.length() > MAX_TARGET_CHARS
                || targets.containsKey(target)) {
            return;
        }
        TieredCache<Object, Object> tiered = tiered(entry.cache());
        if (tiered == null) {
            return;
        }
        if (targets.size() >= CAPACITY) {
            Iterator<Target> first = targets.keySet().iterator();
            if (first.hasNext()) {
                targets.remove(first.next());
            }
        }
        targets.put(target, new Stored(tiered, entry.key(), cacheControl, vary, contentType));
    }

    /** {@code cache} as a tiered cache; null when it is none (its entries are then never reused here). */
    @SuppressWarnings("unchecked")
    private static TieredCache<Object, Object> tiered(Cache<Object, Object> cache) {
        try {
            return cache.unwrap(TieredCache.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Forgets {@code target}, if {@code stored} still answers it. */
    void forget(Target target, Stored stored) {
        targets.remove(target, stored);
    }
}
