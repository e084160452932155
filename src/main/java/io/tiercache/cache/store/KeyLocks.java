package io.tiercache.cache.store;

import com.hazelcast.map.IMap;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.cache.CacheException;

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
 * invalidation timeout). When that passes the write goes ahead without them ({@link Held#locked} false) and the
 * locks are still taken, later: {@link Held#obtained} completes when they are, and the writer then repairs what an
 * unordered write may have left (see {@code TieredStore}) before it releases them.
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

    /**
     * Locks every key of {@code texts}, in their natural order, waiting at most {@code timeoutNanos}; the locks are
     * taken and held until {@link Held#release} whether or not they came in time.
     *
     * @throws CacheException when interrupted while waiting (the locks are then released as soon as taken)
     */
    public Held lock(Collection<String> texts, long timeoutNanos) {
        Held held = new Held(List.copyOf(new TreeSet<>(texts)));
        holders.execute(held::hold);
        try {
            held.await(timeoutNanos);
        } catch (CacheException e) {
            held.release();
            throw e;
        }
        return held;
    }

    /** The locks of one write, held by a thread of their own until {@link #release}. */
    public final class Held {

        private final List<String> texts;
        private final CompletableFuture<Boolean> obtained = new CompletableFuture<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean locked;

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
                obtained.complete(true);
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Hazelcast is shutting down or the call failed: the writer goes ahead without the locks
            } finally {
                obtained.complete(false);
                for (int i = count - 1; i >= 0; i--) {
                    try {
                        locks.unlock(texts.get(i));
                    } catch (RuntimeException e) {
                        // Hazelcast is shutting down: it releases what this member held as it leaves
                    }
                }
            }
        }

        /**
         * Whether the write holds its keys' locks: it got them within its deadline or by {@link #await} (false: it
         * waited that long, or locking failed).
         */
        public boolean locked() {
            return locked;
        }

        /**
         * Waits up to {@code timeoutNanos} more for the locks, when the write does not hold them yet; returns
         * {@link #locked}.
         *
         * @throws CacheException when interrupted
         */
        public boolean await(long timeoutNanos) {
            if (!locked) {
                try {
                    locked = obtained.get(timeoutNanos, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CacheException("Interrupted waiting for the lock of a key", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            return locked;
        }

        /**
         * Completes once the locks are held, true, or once locking failed (Hazelcast shut down), false; never
         * exceptionally. Completes on the thread that took them, or at once when they already are.
         */
        public CompletionStage<Boolean> obtained() {
            return obtained;
        }

        /** Releases the locks when they are held, or as soon as they are taken. */
        public void release() {
            released.countDown();
        }
    }
}
