package io.tiercache.cache.cluster;

import java.util.Collection;

/**
 * What a member does when another member (or itself) invalidates or advances a cache. Implemented by the cache
 * manager, which dispatches to its caches. Called on Hazelcast executor threads, concurrently.
 */
public interface MemberHandler {

    /** An invalidation of {@code keys} (null: every key) of {@code cache} is starting. */
    void beginInvalidation(String cache, Collection<String> keys);

    /** The invalidation has reached both layers: end it and drop the keys from this member's near cache. */
    void endInvalidation(String cache, Collection<String> keys);

    /** {@code cache} has a new L2 generation. */
    void generationAdvanced(String cache, long generation);
}
