package io.tiercache.cache.spi;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.tiercache.cache.cluster.ClusterMessenger;
import io.tiercache.cache.store.TieredStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a member (a client: see below) does after its process stood still for longer than the pause threshold (half the invalidation
 * timeout): the other members may have given up waiting for it and written without it, and may even have dropped it
 * from the cluster, so its near caches and its partitions of the L1 maps may hold values older than writes that
 * have returned. Until it is sure again, every cache on it reads around L1 (L2, then the loader).
 *
 * <p>It is sure again when every other member, asked twice in a row a second apart, counts it as a member (it was
 * not dropped: the writes that waited on it were applied in order when it resumed), or when Hazelcast merged it back
 * after a split brain, or when it has been alone for longer than any split could last unmerged (the others are gone).
 * As soon as it finds itself alone after a pause (on the membership event that leaves it alone, before any merge can
 * follow) it empties its L1 maps, which then hold only its own stale copies: whichever side a later merge keeps (the
 * smaller side's entries are discarded, see {@code L1Tier}; between two single members either may be kept), no stale
 * entry comes back. Once it has others again (merged either way), it empties L1 on every member before it trusts its
 * own: what it wrote while alone reached Redis and only its own copy of L1. Then the near caches are emptied and
 * each cache's L2 generation caught up with the registry. Until then its writes wait before they start and before they
 * return, and its loads store nothing ({@link TieredStore#suspendL1}): a member cut off from its cluster cannot reach
 * the others' L1, which would serve the values its writes replaced, and their writes do not fence its loads.
 *
 * <p>A split brain without a pause (a network partition between running members) ends in a merge too: the members
 * of the side that merged into the other (Hazelcast's {@code MERGED} event) empty L1 on every member once merged,
 * since Hazelcast kept the other side's L1 entries and they may predate what this side wrote while apart. (While the
 * sides are apart, each serves its own L1, which may be older than the other side's writes.)
 *
 * <p>A member that has never had a peer (a single member) could not have missed an invalidation of its members' L1:
 * it only drops its near caches. (Whether it had peers is what it saw before the pause: once it resumes, Hazelcast
 * may already have told it that the others dropped it.)
 *
 * <p>A client owns no L1 data, but the other clients stop waiting for it once its registration lapses (see
 * {@link ClusterMessenger#registeredSince}), and a write that began while it stood still may end without it. After
 * a pause, and whenever its registration lapses without one, it reads around L1 until its registration has stood
 * again, unbroken, for one registration TTL since then: by that time every other client counts it again, and each
 * write that began without waiting for it has returned (its deadline is one invalidation timeout) and reached it.
 *
 * <p>Threading: {@link #accept} runs on the clock's thread (a client's lapse is reported on its heartbeat thread or a
 * Hazelcast thread) and only flags the caches; the checks run on the engine's background executor, one recovery at a
 * time; suspending and resuming are serialized on this object, so a pause during a recovery is never lost.
 */
final class PauseRecovery implements Consumer<Duration> {

    private static final System.Logger LOG = System.getLogger(PauseRecovery.class.getName());
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** Alone for longer than a dropped member takes to be merged back (heartbeat timeout plus merge delays). */
    private static final Duration ALONE_LIMIT = Duration.ofSeconds(30);
    private static final Duration CLIENT_CHECK_INTERVAL = Duration.ofMillis(100);

    private final ClusterMessenger messenger;
    private final boolean client;
    /** How long a client's registration must stand after a pause before it trusts L1 again. */
    private final long clientGraceNanos;
    private final Supplier<Collection<TieredStore>> stores;
    private final Executor background;
    private final AtomicLong merges = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private volatile long pauseEndMillis;
    private volatile long pauseEndNanos;
    private volatile boolean everHadPeers;
    private boolean recovering;
    /** Whether this member has been alone since the last pause (its writes reached no other member's L1). */
    private volatile boolean aloneSincePause;
    /** Whether the L1 maps were emptied while this member was alone since the last pause. */
    private volatile boolean clearedAlone;
    private volatile boolean closed;

    /**
     * @param client             whether the engine is a Hazelcast client (it owns no L1 data)
     * @param invalidationTimeout the engine's invalidation timeout
     */
    PauseRecovery(HazelcastInstance hazelcast, boolean client, Duration invalidationTimeout,
                  ClusterMessenger messenger, Supplier<Collection<TieredStore>> stores, Executor background) {
        this.messenger = messenger;
        this.client = client;
        this.clientGraceNanos = ClusterMessenger.registrationTtl(invalidationTimeout).toNanos();
        this.stores = stores;
        this.background = background;
        if (client) {
            messenger.onRegistrationLapse(() -> suspend("The registration of this client with the cluster lapsed"));
        } else {
            everHadPeers = hazelcast.getCluster().getMembers().size() > 1;
            hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    everHadPeers = true;
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    if (l1Suspended() && event.getMembers().size() < 2) {
                        aloneSincePause = true;
                        clearAloneOnce();
                    }
                }
            });
        }
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                merges.incrementAndGet();
                if (!client) {
                    background.execute(this::clearEverywhereAfterMerge);
                }
            }
        });
    }

    @Override
    public void accept(Duration pause) {
        suspend("The process stood still for " + pause.toMillis() + " ms");
    }

    private void suspend(String why) {
        if (closed) {
            return;
        }
        boolean peers = client || everHadPeers;
        boolean first;
        synchronized (this) {
            if (peers) {
                pauseEndMillis = System.currentTimeMillis();
                pauseEndNanos = System.nanoTime();
                clearedAlone = false;
                aloneSincePause = false;
                pauses.incrementAndGet();
                stores.get().forEach(TieredStore::suspendL1);
            } else {
                stores.get().forEach(TieredStore::dropNearCache);
            }
            first = !recovering;
            if (peers && !recovering) {
                recovering = true;
                background.execute(client ? this::recoverClient : this::recover);
            }
        }
        if (first) {
            LOG.log(peers ? Level.WARNING : Level.INFO, why + (!peers ? ""
                    : client ? ": L1 is bypassed until this client's registration has stood again for "
                    + clientGraceNanos / 1_000_000 + " ms"
                    : ": L1 is bypassed until this member is confirmed in the cluster"));
        }
    }

    /** A client's recovery: waits until its registration has stood for the grace period since the last pause. */
    private void recoverClient() {
        long pause = -1;
        long pausedAt = 0;
        while (!closed) {
            LockSupport.parkNanos(CLIENT_CHECK_INTERVAL.toNanos());
            if (pauses.get() != pause) {
                pause = pauses.get();
                pausedAt = pauseEndNanos;
                continue;
            }
            OptionalLong since = messenger.registeredSince();
            if (since.isPresent()) {
                long from = since.getAsLong() - pausedAt > 0 ? since.getAsLong() : pausedAt;
                if (System.nanoTime() - from >= clientGraceNanos && resumeUnlessPausedSince(pause)) {
                    return;
                }
            }
        }
    }

    private void recover() {
        long pause = pauses.get();
        long mergesAtPause = merges.get();
        int confirmations = 0;
        long aloneSince = 0;
        while (!closed) {
            LockSupport.parkNanos(CHECK_INTERVAL.toNanos());
            if (pauses.get() != pause) {
                pause = pauses.get();
                mergesAtPause = merges.get();
                confirmations = 0;
                aloneSince = 0;
                continue;
            }
            try {
                boolean confirmed;
                if (merges.get() != mergesAtPause) {
                    aloneSincePause = true;
                    confirmed = true;
                } else if (messenger.memberCount() < 2) {
                    aloneSincePause = true;
                    if (aloneSince == 0) {
                        aloneSince = System.nanoTime();
                    }
                    confirmed = clearAloneOnce() && System.nanoTime() - aloneSince > ALONE_LIMIT.toNanos();
                } else {
                    aloneSince = 0;
                    confirmations = messenger.acknowledgedByAllMembers() ? confirmations + 1 : 0;
                    confirmed = confirmations >= 2;
                }
                if (confirmed && clearedEverywhereIfRejoined() && resumeUnlessPausedSince(pause)) {
                    return;
                }
            } catch (RuntimeException e) {
                confirmations = 0;
                LOG.log(Level.WARNING, "Checking this member's place in the cluster failed; trying again: " + e);
            }
        }
    }

    private synchronized boolean l1Suspended() {
        return recovering;
    }

    /**
     * Empties every cache's L1 map unless that was done since the last pause; returns whether they are empty. Runs on
     * a Hazelcast event thread or the recovery; two runs at once only clear twice.
     */
    private boolean clearAloneOnce() {
        if (!clearedAlone) {
            boolean all = true;
            for (TieredStore store : stores.get()) {
                all &= store.clearL1();
            }
            clearedAlone = all;
            if (all) {
                LOG.log(Level.INFO, "Emptied every L1 map after a pause: they may hold values older than writes the"
                        + " other members made without this one");
            }
        }
        return clearedAlone;
    }

    /**
     * After this member was alone since the pause and has others again: empties L1 on every member, so that nothing
     * it wrote while alone is shadowed by their older copies. Returns whether L1 may be trusted (true when there was
     * nothing to do).
     */
    private boolean clearedEverywhereIfRejoined() {
        if (!aloneSincePause || messenger.memberCount() < 2) {
            return true;
        }
        return clearL1Everywhere("this member was alone after a pause, and what it wrote then reached only its own"
                + " L1");
    }

    /** Empties every cache's L1 on every member; returns whether all of them were emptied, after logging why. */
    private boolean clearL1Everywhere(String why) {
        boolean all = true;
        for (TieredStore store : stores.get()) {
            all &= store.clearL1Everywhere();
        }
        if (all) {
            LOG.log(Level.INFO, "Emptied L1 on every member: " + why);
        }
        return all;
    }

    /**
     * After this member's side of a split brain merged into the other side: empties L1 on every member, retrying
     * every {@link #CHECK_INTERVAL} until it succeeds. Hazelcast kept the other side's L1 entries, and this side's
     * writes made while apart reached Redis and this side's L1 only, so the kept copies may predate them.
     */
    private void clearEverywhereAfterMerge() {
        while (!closed && !clearL1Everywhere("after a split-brain merge, the entries kept may predate writes this"
                + " member's side made while apart")) {
            LockSupport.parkNanos(CHECK_INTERVAL.toNanos());
        }
    }

    /** Resumes every cache unless another pause came since {@code pause}; returns whether it resumed them. */
    private synchronized boolean resumeUnlessPausedSince(long pause) {
        if (pauses.get() != pause) {
            return false;
        }
        long end = pauseEndMillis;
        for (TieredStore store : stores.get()) {
            try {
                store.resumeL1(end);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Resuming L1 after a pause failed; trying again: " + e);
                return false;
            }
        }
        recovering = false;
        LOG.log(Level.INFO, client ? "This client's registration stands again: L1 serves again"
                : "This member is confirmed in the cluster again: L1 serves again");
        return true;
    }

    void close() {
        closed = true;
    }
}
