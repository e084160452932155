package io.tiercache.cache.cluster;

import java.util.Collection;

/**
 * What one cache does on this member when a member of the cluster (this one included) invalidates it or advances
 * its L2 generation. Registered with {@link ClusterMessenger#register}; called on Hazelcast executor or topic
 * threads, concurrently, and possibly out of order or late: an {@code end} may arrive before its {@code begin}.
 */
public interface InvalidationHandler {

    /**
     * Invalidation {@code id} of {@code keys} (null: every key), sent at {@code sentAtMillis} by member {@code sender}
     * (its UUID; null: a client), is starting.
     */
    void beginInvalidation(String id, Collection<String> keys, long sentAtMillis, String sender);

    /** Invalidation {@code id} has reached both layers: end it and drop {@code keys} from this member's near cache. */
    void endInvalidation(String id, Collection<String> keys);

    /** The cache has a new L2 generation. */
    void generationAdvanced(long generation);

    /** Member {@code member} (its UUID) has left the cluster: the invalidations it began will not end. */
    void memberLeft(String member);
}
