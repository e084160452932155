package io.tiercache.cache.store;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import com.hazelcast.map.IMap;

/**
 * Cluster-wide exclusive locks on the keys of one cache: the locks of a Hazelcast map that holds no entries
 * ({@code tiercache-meta.locks.<cache>}), each held on its key's partition owner and released by Hazelcast when the
 * member that holds it leaves the cluster. Every write of an entry runs under the lock of its key, so a
 * read-decide-write operation ({@code replace}, {@code getAndPut}, {@code invoke}) is atomic against every other write
 * on any member (JSR-107 &sect;4.1: these operations are atomic). Several keys are locked in their natural order, so
 * two writers of overlapping key sets never wait for each other in a cycle.
 *
 * <p>Reentrant per thread, as Hazelcast's map locks are; a lock is released by the thread that took it. Thread-safe.
 */
public final class KeyLocks {

    private final IMap<String, Boolean> locks;

    public KeyLocks(IMap<String, Boolean> locks) {
        this.locks = locks;
    }

    /** The name of the lock map of cache {@code cacheName}. */
    public static String mapName(String cacheName) {
        return "tiercache-meta.locks." + cacheName;
    }

    /** Locks every key of {@code texts}, in their natural order; returns them in that order, for {@link #unlock}. */
    public List<String> lock(Collection<String> texts) {
        List<String> ordered = List.copyOf(new TreeSet<>(texts));
        int locked = 0;
        try {
            for (String text : ordered) {
                locks.lock(text);
                locked++;
            }
        } catch (RuntimeException | Error e) {
            unlock(ordered.subList(0, locked));
            throw e;
        }
        return ordered;
    }

    /** Releases the locks {@link #lock} took, in reverse order. */
    public void unlock(List<String> locked) {
        for (int i = locked.size() - 1; i >= 0; i--) {
            locks.unlock(locked.get(i));
        }
    }
}
