package io.tiercache.cache.spi;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.tiercache.cache.cluster.ClusterMessenger;
import io.tiercache.cache.store.TieredStore;

/**
 * What a member does after its process stood still for longer than the pause threshold (half the invalidation
 * timeout): the other members may have given up waiting for it and written without it, and may even have dropped it
 * from the cluster, so its near caches and its partitions of the L1 maps may hold values older than writes that
 * have returned. Until it is sure again, every cache on it reads around L1 (L2, then the loader).
 *
 * <p>It is sure again when every other member, asked twice in a row a second apart, counts it as a member (it was
 * not dropped: the writes that waited on it were applied in order when it resumed), or when Hazelcast merged it back
 * after a split brain, or when it has been alone for longer than any split could last unmerged (the others are gone).
 * As soon as it finds itself alone after a pause it empties its L1 maps, which then hold only its own stale copies:
 * whichever side a later merge keeps (the smaller side's entries are discarded, see {@code L1Tier}; between two
 * single members either may be kept), no stale entry comes back. Then the near caches are emptied and each cache's
 * L2 generation caught up with the registry.
 *
 * <p>A member that had no peers when it paused (or is a client) could not have missed an invalidation of its
 * members' L1: it only drops its near caches.
 *
 * <p>Threading: {@link #accept} runs on the clock's thread and only flags the caches; the checks run on the
 * engine's background executor, one recovery at a time; suspending and resuming are serialized on this object, so a
 * pause during a recovery is never lost.
 */
final class PauseRecovery implements Consumer<Duration> {

    private static final System.Logger LOG = System.getLogger(PauseRecovery.class.getName());
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** Alone for longer than a dropped member takes to be merged back (heartbeat timeout plus merge delays). */
    private static final Duration ALONE_LIMIT = Duration.ofSeconds(30);

    private final ClusterMessenger messenger;
    private final Supplier<Collection<TieredStore>> stores;
    private final Executor background;
    private final AtomicLong merges = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private volatile long pauseEndMillis;
    private boolean recovering;
    private volatile boolean closed;

    PauseRecovery(HazelcastInstance hazelcast, ClusterMessenger messenger, Supplier<Collection<TieredStore>> stores,
                  Executor background) {
        this.messenger = messenger;
        this.stores = stores;
        this.background = background;
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                merges.incrementAndGet();
            }
        });
    }

    @Override
    public void accept(Duration pause) {
        if (closed) {
            return;
        }
        boolean peers = messenger.memberCount() > 1;
        boolean first;
        synchronized (this) {
            if (peers) {
                pauseEndMillis = System.currentTimeMillis();
                pauses.incrementAndGet();
                stores.get().forEach(TieredStore::suspendL1);
            } else {
                stores.get().forEach(TieredStore::dropNearCache);
            }
            first = !recovering;
            if (peers && !recovering) {
                recovering = true;
                background.execute(this::recover);
            }
        }
        if (first) {
            LOG.log(peers ? Level.WARNING : Level.INFO, "The process stood still for " + pause.toMillis() + " ms"
                    + (peers ? ": L1 is bypassed until this member is confirmed in the cluster" : ""));
        }
    }

    private void recover() {
        long pause = pauses.get();
        long mergesAtPause = merges.get();
        int confirmations = 0;
        long aloneSince = 0;
        while (!closed) {
            LockSupport.parkNanos(CHECK_INTERVAL.toNanos());
            boolean confirmed;
            if (merges.get() != mergesAtPause) {
                confirmed = true;
            } else if (messenger.memberCount() < 2) {
                if (aloneSince == 0) {
                    aloneSince = System.nanoTime();
                    stores.get().forEach(TieredStore::clearL1);
                }
                confirmed = System.nanoTime() - aloneSince > ALONE_LIMIT.toNanos();
            } else {
                aloneSince = 0;
                confirmations = messenger.acknowledgedByAllMembers() ? confirmations + 1 : 0;
                confirmed = confirmations >= 2;
            }
            if (confirmed) {
                synchronized (this) {
                    if (pauses.get() == pause) {
                        long end = pauseEndMillis;
                        stores.get().forEach(store -> store.resumeL1(end));
                        recovering = false;
                        LOG.log(Level.INFO, "This member is confirmed in the cluster again: L1 serves again");
                        return;
                    }
                }
            }
            if (pauses.get() != pause) {
                pause = pauses.get();
                mergesAtPause = merges.get();
                confirmations = 0;
                aloneSince = 0;
            }
        }
    }

    void close() {
        closed = true;
    }
}
