package io.tiercache.cache.store;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.hazelcast.map.IMap;

/**
 * Cluster-wide exclusive locks on the keys of one cache: the locks of a Hazelcast map that holds no entries
 * ({@code tiercache-meta.locks.<cache>}), each held on its key's partition owner and released by Hazelcast when the
 * member that holds it leaves the cluster. Every write of an entry runs under the lock of its key, so a
 * read-decide-write operation ({@code replace}, {@code getAndPut}, {@code invoke}) is atomic against every other write
 * on any member (JSR-107 &sect;4.1: these operations are atomic). Several keys are locked in their natural order, so
 * two writers of overlapping key sets never wait for each other in a cycle.
 *
 * <p><b>Bounded wait</b>: a Hazelcast lock call waits for the key's owner, which may stand still (a paused process)
 * until Hazelcast drops it, 10 s by default. So the locks are taken on a thread of the background executor, which
 * holds them until {@link Held#release}, and the writer waits for them at most its own deadline (what is left of its
 * invalidation timeout). When that passes the write goes ahead without them ({@link Held#locked} false), whether the
 * owner stands still or a holder is slow, and two writes of one key may then interleave (see docs/jsr107-tck.md).
 * Locks obtained after their writer gave up are released at once.
 *
 * <p>Thread-safe.
 */
public final class KeyLocks {

    private final IMap<String, Boolean> locks;
    private final Executor holders;

    /** @param holders runs one thread per held lock set, for as long as it is held */
    public KeyLocks(IMap<String, Boolean> locks, Executor holders) {
        this.locks = locks;
        this.holders = holders;
    }

    /** The name of the lock map of cache {@code cacheName}. */
    public static String mapName(String cacheName) {
        return "tiercache-meta.locks." + cacheName;
    }

    /** Locks every key of {@code texts}, in their natural order, waiting at most {@code timeoutNanos}. */
    public Held lock(Collection<String> texts, long timeoutNanos) {
        Held held = new Held(List.copyOf(new TreeSet<>(texts)));
        holders.execute(held::hold);
        try {
            if (!held.acquired.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
                held.abandon();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held.abandon();
        }
        return held;
    }

    /** The locks of one write, held by a thread of their own until {@link #release}. */
    public final class Held {

        private final List<String> texts;
        private final CountDownLatch acquired = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private boolean locked;
        private boolean abandoned;

        private Held(List<String> texts) {
            this.texts = texts;
        }

        private void hold() {
            int count = 0;
            try {
                for (String text : texts) {
                    locks.lock(text);
                    count++;
                }
                if (grant()) {
                    released.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Hazelcast is shutting down or the call failed: the writer goes ahead without the locks
            } finally {
                acquired.countDown();
                for (int i = count - 1; i >= 0; i--) {
                    locks.unlock(texts.get(i));
                }
            }
        }

        private synchronized boolean grant() {
            if (abandoned) {
                return false;
            }
            locked = true;
            acquired.countDown();
            return true;
        }

        private synchronized void abandon() {
            if (!locked) {
                abandoned = true;
            }
        }

        /** Whether the write holds its keys' locks (false: it waited its deadline, or locking failed). */
        public synchronized boolean locked() {
            return locked;
        }

        /** Releases the locks (no-op when they were not obtained). */
        public void release() {
            released.countDown();
        }
    }
}
