package io.tiercache.cache.store;

import io.tiercache.cache.clock.TickingClock;
import io.tiercache.cache.cluster.ClusterMessenger;
import io.tiercache.cache.cluster.Invalidation;
import io.tiercache.cache.cluster.InvalidationHandler;
import io.tiercache.cache.codec.RejectedValueException;
import io.tiercache.cache.config.CacheSettings;
import io.tiercache.cache.l1.L1Entry;
import io.tiercache.cache.l1.L1Tier;
import io.tiercache.cache.l2.L2Hit;
import io.tiercache.cache.l2.L2Tier;
import io.tiercache.cache.l2.L2UnavailableException;
import io.tiercache.cache.load.Flight;
import io.tiercache.cache.load.LoadCoordinator;
import io.tiercache.cache.load.Outcome;
import io.tiercache.cache.load.Outcome.Source;
import io.tiercache.cache.stats.StatisticsRecorder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.CacheException;

/**
 * The two layers of one cache on this member and the rules that keep them coherent: reads, misses, writes, fencing
 * and statistics. Keys arrive as their stable text (with the original key, kept in L1 for iteration); arguments are
 * checked by the caller.
 *
 * <p><b>Reads</b>: L1 (near cache, then the Hazelcast map), then one {@link Flight} per key reads Redis (a hit is
 * promoted into L1 with {@code min(L1 TTL, life left in Redis)}) and runs the loader if any, storing its value in
 * Redis and Hazelcast. An error of either layer is a miss of that layer, never an error of the read.
 *
 * <p><b>Writes</b> run inside one invalidation of their keys ({@link ClusterMessenger#begin}) and under their keys'
 * cluster-wide locks ({@link KeyLocks}): every member fences its loads of the keys, an atomic operation reads the
 * current value and decides ({@link #update}), Redis is written (or, when the outcome of a Redis write is unknown, the
 * cache's L2 generation bumped), then Hazelcast, then every member drops the keys from its near cache. When a write
 * returns, every member's next read sees it. A write that did not get its locks or its L1 write done in time keeps its
 * keys fenced until it has removed them from L1 under their locks, so L1 never ends with an older value than Redis
 * ({@link #write}). A load's Redis write whose outcome is unknown (it timed out and may
 * still land) bumps the generation too, so it cannot surface after a later invalidation.
 *
 * <p><b>Expiry</b>: each value is stored with the end of its life ({@link Mutation#ttlMillis}) in both layers: the
 * Redis key's {@code PX} and its envelope, the Hazelcast entry's TTL (in whole seconds) and its {@link L1Entry}. An
 * eternal life is no TTL in either layer, unless the cache expires its entries at its configured TTLs
 * ({@link CacheSettings#ttlExpiry}): then an eternal life is the L1 TTL in L1 and the L2 TTL in Redis, and every
 * other life is capped by them. A value promoted from Redis keeps the end it has there (within the L1 TTL, for such a
 * cache).
 *
 * <p><b>Statistics</b>: every get counts exactly one hit or miss overall and per layer it reached: an L1 hit; else an
 * L1 miss and, with L2 enabled, an L2 hit or miss. Callers that joined another caller's flight count what that
 * flight found.
 *
 * <p>Thread-safe; operations run on the caller's thread (loaders on the first caller's) and block for at most the
 * Redis bound per Redis call, plus Hazelcast operations and, for writes on a multi-member cluster, the members'
 * acknowledgements (at most {@code tiercache.invalidation.timeout} each); a write on a member recovering from a pause
 * waits for the recovery too ({@link #suspendL1}). Cluster messages arrive on Hazelcast threads.
 */
public final class TieredStore implements InvalidationHandler {

    private static final System.Logger LOG = System.getLogger(TieredStore.class.getName());
    /** L1 gets at least this long to apply a write, even when waiting for the members used up the deadline. */
    private static final long MIN_L1_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A write waits at least this long for its keys' locks (a healthy owner grants one in about a millisecond), even
     * when waiting for the members used up the deadline.
     */
    private static final long MIN_LOCK_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * How long an atomic operation waits for its key's lock: longer than Hazelcast takes to drop a member that stands
     * still (its heartbeat timeout, 10 s by default) and hand the lock's partition to another.
     */
    private static final long EXCLUSIVE_LOCK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /**
     * How long a write on a member recovering from a pause waits for the recovery ({@link #suspendL1}): longer than a
     * member that was dropped takes to be merged back, or to give up on the others (30 s alone).
     */
    private static final long RECOVERY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(45);
    /** How long a read on a member recovering from a pause waits for the generation registry before it skips L2. */
    private static final long GENERATION_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** How long a generation the registry confirmed is trusted by a member recovering from a pause. */
    private static final long GENERATION_CONFIRMED_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How long a write waits for a pause it noticed to be acted on by the thread that reports it. */
    private static final long REPORT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final L1Tier l1;
    private final L2Tier l2;
    private final long l1TtlMillis;
    private final long l2TtlMillis;
    private final boolean ttlExpiry;
    private final ClusterMessenger messenger;
    private final LoadCoordinator loads;
    private final KeyLocks locks;
    private final StatisticsRecorder stats;
    private final TickingClock clock;
    private final Executor background;
    private volatile boolean l1Suspended;
    /** When the generation registry last confirmed the L2 generation during a recovery ({@link System#nanoTime}). */
    private volatile long generationConfirmedAt;
    /** Guards the wait of writes for {@link #resumeL1}. */
    private final Object resumed = new Object();
    private volatile BiConsumer<Object, Object> lapsed;

    /**
     * @param l1 the Hazelcast layer, or null when disabled
     * @param l2 the Redis layer, or null when disabled
     */
    public TieredStore(String name, CacheSettings settings, L1Tier l1, L2Tier l2, ClusterMessenger messenger,
                       LoadCoordinator loads, KeyLocks locks, StatisticsRecorder stats, TickingClock clock,
                       Executor background) {
        this.name = name;
        this.l1 = l1;
        this.l2 = l2;
        this.l1TtlMillis = settings.l1Ttl().toMillis();
        this.l2TtlMillis = settings.l2Ttl().toMillis();
        this.ttlExpiry = settings.ttlExpiry();
        this.messenger = messenger;
        this.loads = loads;
        this.locks = locks;
        this.stats = stats;
        this.clock = clock;
        this.background = background;
    }

    public StatisticsRecorder statistics() {
        return stats;
    }

    /** The number of L1 entries this member owns; empty when L1 is disabled or this member is a client. */
    public OptionalLong l1OwnedEntries() {
        return l1 == null ? OptionalLong.empty() : l1.ownedEntries();
    }

    // ---- reads ----

    /** The value of {@code text}, from a layer or else from {@code loader} (null: none); null when neither has one. */
    public Object get(String text, Object key, Function<Object, Object> loader) {
        long start = stats.startGet();
        if (l1Readable(text)) {
            L1Entry entry = readL1(text);
            stats.l1Latency(start);
            if (entry != null && entry.liveAt(clock.millis())) {
                stats.l1Hit();
                stats.getTime(start);
                return entry.value();
            }
        }
        Outcome outcome;
        try {
            outcome = loads.run(text, loader != null, flight -> miss(flight, text, key, loader));
        } catch (RuntimeException | Error e) {
            count(new Outcome(null, Source.LOADER), start);
            throw e;
        }
        count(outcome, start);
        return outcome.value();
    }

    /**
     * The value of {@code text} when L1 may answer and holds it live, counted as a hit exactly as {@link #get} counts
     * an L1 hit; null otherwise, counting nothing.
     */
    public Object getFromL1(String text) {
        if (!l1Readable(text)) {
            return null;
        }
        long start = stats.startGet();
        L1Entry entry = readL1(text);
        if (entry == null || !entry.liveAt(clock.millis())) {
            return null;
        }
        stats.l1Latency(start);
        stats.l1Hit();
        stats.getTime(start);
        return entry.value();
    }

    private void count(Outcome outcome, long start) {
        Source source = outcome.source();
        if (l1 != null) {
            if (source == Source.L1) {
                stats.l1Hit();
            } else {
                stats.l1Miss();
            }
        }
        if (l2 != null && source != Source.L1) {
            if (source == Source.L2) {
                stats.l2Hit();
            } else {
                stats.l2Miss();
            }
        }
        if (!outcome.hit()) {
            stats.miss();
        }
        stats.getTime(start);
    }

    private Outcome miss(Flight flight, String text, Object key, Function<Object, Object> loader) {
        long pauses = clock.pauses();
        long now = clock.millis();
        if (l1Readable(text)) {
            L1Entry entry = readL1(text);
            if (entry != null && entry.liveAt(now)) {
                return new Outcome(entry.value(), Source.L1);
            }
            if (entry != null) {
                lapsedOnRead(text, entry);
            }
        }
        if (l2 != null) {
            L2Hit hit = readL2(text);
            if (hit != null) {
                long expiresAt = ttlExpiry ? Math.min(now + l1TtlMillis, hit.expiresAtMillis())
                        : hit.expiresAtMillis();
                if (l1 != null && expiresAt > now) {
                    flight.publish(() -> {
                        if (readMayStore(pauses)) {
                            promote(text, key, hit.value(), expiresAt);
                        }
                    });
                }
                return new Outcome(hit.value(), Source.L2);
            }
        }
        if (loader == null) {
            return new Outcome(null, Source.NONE);
        }
        Object value = load(key, loader);
        if (value != null) {
            flight.publish(() -> {
                if (!readMayStore(pauses)) {
                    return;
                }
                long stored = clock.millis();
                if (l2 != null) {
                    writeL2(text, value, expiresAt(Mutation.ETERNAL, L1Entry.NEVER, l2TtlMillis, stored), false, null);
                }
                if (l1 != null) {
                    promote(text, key, value, expiresAt(Mutation.ETERNAL, L1Entry.NEVER, l1TtlMillis, stored));
                }
                stats.put(0);
            });
        }
        return new Outcome(value, Source.LOADER);
    }

    /**
     * Reports the entries whose life ends while in L1 to {@code lapsed} (key, value): those that Hazelcast lets lapse
     * at their TTL on the member that owns them (on a Hazelcast event thread), and those that a read on this member
     * finds past their expiry and removes (on the reader's thread); once per lapse cluster-wide, as the entry is
     * removed once. Only for a cache whose L1 expiry is the expiry of its entries (its configured TTLs are not their
     * expiry, or it has no L2); not for entries only in Redis. Returns what stops the reports.
     */
    public Runnable onLapse(BiConsumer<Object, Object> lapsed) {
        if (l1 == null || (ttlExpiry && l2 != null)) {
            return () -> { };
        }
        this.lapsed = lapsed;
        Runnable stop = l1.onLapse(entry -> {
            if (entry != null && !entry.liveAt(clock.millis())) {
                lapsed.accept(entry.key(), entry.value());
            }
        });
        return () -> {
            this.lapsed = null;
            stop.run();
        };
    }

    /** A read found {@code entry} past its expiry: removes it, if nobody did first, and reports its lapse. */
    private void lapsedOnRead(String text, L1Entry entry) {
        BiConsumer<Object, Object> report = lapsed;
        if (report == null) {
            return;
        }
        try {
            if (l1.removeIfSame(text, entry)) {
                report.accept(entry.key(), entry.value());
            }
        } catch (RuntimeException e) {
            stats.l1Error();
            LOG.log(Level.DEBUG, () -> "Cache " + name + ": removing the lapsed entry " + text + " failed: " + e);
        }
    }

    /**
     * Whether this member stood still since {@code pauses} was read ({@link TickingClock#pauses()}): a flight that
     * began before a pause may have missed the invalidations made meanwhile, so it stores nothing.
     */
    private boolean pausedSince(long pauses) {
        return clock.stalled() || clock.pauses() != pauses;
    }

    /**
     * Whether a read that began when the pause count was {@code pauses} may store what it found or loaded: not when
     * this member stood still since (it may have missed invalidations meanwhile), nor while it recovers from a pause
     * (the others' writes may not fence its loads, and what it writes may not reach them).
     */
    private boolean readMayStore(long pauses) {
        return !pausedSince(pauses) && !l1Suspended;
    }

    /** Runs {@code loader} for {@code key}, counting the load, or its failure, in the statistics. */
    public Object load(Object key, Function<Object, Object> loader) {
        long start = System.nanoTime();
        try {
            Object value = loader.apply(key);
            stats.load(System.nanoTime() - start, false);
            return value;
        } catch (RuntimeException | Error e) {
            stats.load(System.nanoTime() - start, true);
            throw e;
        }
    }

    /** Whether a live value of {@code text} is in L1 or L2 (no statistics, no loading). */
    public boolean containsKey(String text) {
        if (l1Readable(text)) {
            L1Entry entry = readL1(text);
            if (entry != null && entry.liveAt(clock.millis())) {
                return true;
            }
        }
        if (l2 != null && generationCurrent()) {
            try {
                return l2.get(text, () -> { }) != null;
            } catch (L2UnavailableException | RejectedValueException e) {
                return false;
            }
        }
        return false;
    }

    /** Counts an entry handed out by an iterator as a hit (JSR-107 &sect;12.4: iteration reads entries). */
    public void iterated() {
        stats.l1Hit();
    }

    /**
     * The live entries of the cache, cluster-wide, as a snapshot of (key, value) pairs: those of L1, then those only in
     * Redis ({@link L2Tier#entries}), each key with the type its text tells ({@link L2Tier#keyOf}: the text of a
     * {@code StableKey} comes back as a {@code String}). An entry whose key Redis holds a rejected form of is left out.
     *
     * @param whole whether to fail when Redis could not be walked completely (an error, the breaker open, the scan
     *              timeout) rather than leave out what it did not tell
     * @throws CacheException when {@code whole} and Redis could not be walked completely
     */
    public List<Map.Entry<Object, Object>> entries(boolean whole) {
        Map<String, Map.Entry<Object, Object>> live = new LinkedHashMap<>();
        if (l1 != null && !l1Suspended) {
            long now = clock.millis();
            for (Map.Entry<String, L1Entry> entry : l1.entries()) {
                L1Entry value = entry.getValue();
                if (value.liveAt(now)) {
                    live.put(entry.getKey(), Map.entry(value.key(), value.value()));
                }
            }
        }
        if (l2 != null && !generationCurrent()) {
            if (whole) {
                throw new CacheException("Cache " + name + ": this member is recovering from a pause and could not"
                        + " confirm the L2 generation");
            }
        } else if (l2 != null) {
            L2Tier.Entries found = l2.entries();
            if (whole && !found.complete()) {
                throw new CacheException("Cache " + name + ": Redis could not be walked completely");
            }
            found.hits().forEach((text, hit) -> {
                if (!live.containsKey(text)) {
                    try {
                        live.put(text, Map.entry(l2.keyOf(text), hit.value()));
                    } catch (RejectedValueException | IllegalArgumentException e) {
                        LOG.log(Level.WARNING, "Cache " + name + ": key " + text + " in Redis rejected: " + e);
                    }
                }
            });
        }
        return new ArrayList<>(live.values());
    }

    /**
     * Whether L1 may answer a read of {@code text}: not while an invalidation of the key is in progress anywhere
     * (L1 may not have caught up with it yet, e.g. when the key's owner is paused), nor while this member is
     * suspended after a pause of its own.
     */
    private boolean l1Readable(String text) {
        return l1 != null && !loads.fenced(text) && !clock.stalled() && !l1Suspended;
    }

    private L1Entry readL1(String text) {
        try {
            return l1.get(text);
        } catch (RuntimeException e) {
            stats.l1Error();
            LOG.log(Level.DEBUG, () -> "Cache " + name + ": L1 read of " + text + " failed: " + e);
            return null;
        }
    }

    private L2Hit readL2(String text) {
        long start = stats.start();
        if (!generationCurrent()) {
            stats.l2Skipped();
            return null;
        }
        try {
            L2Hit hit = l2.get(text, stats::l2Expired);
            stats.l2Latency(start);
            return hit;
        } catch (L2UnavailableException e) {
            if (e.skipped()) {
                stats.l2Skipped();
            } else {
                stats.l2Error(start);
            }
            return null;
        } catch (RejectedValueException e) {
            stats.l2Error(start);
            LOG.log(Level.WARNING, "Cache " + name + ": value of key " + text + " in Redis rejected: "
                    + e.getMessage());
            return null;
        }
    }

    /**
     * Whether this member may trust the L2 generation it knows: always, unless it is recovering from a pause, in which
     * it may have missed a bump (another member's write whose Redis outcome was unknown), so it asks the generation
     * registry first, within {@link #GENERATION_REFRESH_NANOS}, and trusts the answer for
     * {@link #GENERATION_CONFIRMED_NANOS}; never while it is alone (its copy of the registry is its own). Without an
     * answer, L2 is not read (a miss).
     */
    private boolean generationCurrent() {
        if (!l1Suspended) {
            return true;
        }
        if (messenger.alone()) {
            return false;
        }
        long now = System.nanoTime();
        if (now - generationConfirmedAt < GENERATION_CONFIRMED_NANOS) {
            return true;
        }
        if (!l2.generation().refresh(GENERATION_REFRESH_NANOS)) {
            return false;
        }
        generationConfirmedAt = now;
        return true;
    }

    /** Stores a value found below L1 or loaded into L1; a failure is counted and leaves the read unharmed. */
    private void promote(String text, Object key, Object value, long expiresAtMillis) {
        if (l1Suspended) {
            return;
        }
        try {
            writeL1(text, key, value, expiresAtMillis);
        } catch (RuntimeException e) {
            stats.l1Error();
            LOG.log(Level.DEBUG, () -> "Cache " + name + ": L1 write of " + text + " failed: " + e);
        }
    }

    /**
     * Stores {@code value} in Redis until {@code expiresAtMillis} ({@link L1Entry#NEVER}: no expiry). A SET that
     * failed or timed out may still land later, after an invalidation of the key, so the generation is bumped to make
     * it unservable. A SET skipped by the breaker never reached Redis: it bumps the generation only when
     * {@code replacing} (a caller's write, which must not leave the old value servable), not for a loaded value.
     *
     * @param within the write's invalidation, or null for a load
     */
    private void writeL2(String text, Object value, long expiresAtMillis, boolean replacing, Invalidation within) {
        try {
            l2.put(text, value, expiresAtMillis);
            stats.l2Put();
        } catch (L2UnavailableException e) {
            if (e.skipped() && !replacing) {
                stats.l2Skipped();
            } else {
                l2Unavailable(e, within);
            }
        }
    }

    // ---- writes ----

    /**
     * Stores every entry of {@code entries} (key text to key and value) in both layers on every member, under the
     * locks of all their keys.
     */
    public void putAll(Map<String, Map.Entry<?, ?>> entries) {
        long start = System.nanoTime();
        long now = clock.millis();
        long l1ExpiresAt = expiresAt(Mutation.ETERNAL, L1Entry.NEVER, l1TtlMillis, now);
        long l2ExpiresAt = expiresAt(Mutation.ETERNAL, L1Entry.NEVER, l2TtlMillis, now);
        write(entries.keySet(), invalidation -> {
            if (l2 != null) {
                entries.forEach((text, entry) -> writeL2(text, entry.getValue(), l2ExpiresAt, true, invalidation));
            }
        }, () -> {
            List<CompletableFuture<?>> stores = new ArrayList<>();
            entries.forEach((text, entry) -> stores.add(storeL1(text, entry.getKey(), entry.getValue(),
                    l1ExpiresAt)));
            return CompletableFuture.allOf(stores.toArray(CompletableFuture[]::new));
        }, null);
        long each = entries.isEmpty() ? 0 : (System.nanoTime() - start) / entries.size();
        entries.forEach((text, entry) -> stats.put(each));
    }

    private CompletableFuture<Void> storeL1(String text, Object key, Object value, long expiresAtMillis) {
        return l1.setAsync(text, new L1Entry(key, value, expiresAtMillis), lifeLeft(expiresAtMillis))
                .toCompletableFuture().thenRun(stats::l1Put);
    }

    /**
     * When a value stored at {@code now} for a life of {@code ttlMillis} ({@link Mutation#ttlMillis}) stops being
     * served in a layer whose TTL is {@code layerTtlMillis}, by the cache's expiry rule; {@code currentExpiresAt} is
     * the end the entry had when it was read ({@link L1Entry#NEVER} when it was not), for {@link Mutation#UNCHANGED}.
     */
    private long expiresAt(long ttlMillis, long currentExpiresAt, long layerTtlMillis, long now) {
        long own = ttlMillis == Mutation.UNCHANGED ? currentExpiresAt
                : ttlMillis == Mutation.ETERNAL ? L1Entry.NEVER : now + ttlMillis;
        return ttlExpiry ? Math.min(own, now + layerTtlMillis) : own;
    }

    /** The life left until {@code expiresAtMillis} (at least 1 ms), or {@link L1Entry#NEVER}. */
    private long lifeLeft(long expiresAtMillis) {
        return expiresAtMillis == L1Entry.NEVER ? L1Entry.NEVER : Math.max(1, expiresAtMillis - clock.millis());
    }

    /**
     * Applies to the entry of {@code text} the {@link Mutation} that {@code decide} returns, atomically on every
     * member: inside one invalidation of the key and under the key's cluster-wide lock ({@link KeyLocks}), so no other
     * write of the key and no load that began before it can come in between. {@code decide} may ask for the current
     * value (Redis, else L1: what the last write that returned left, or a value loaded since); it runs on the
     * caller's thread and may throw, which leaves the entry unchanged.
     *
     * <p>The lock is waited for until the invalidation's deadline, like any write's; an operation that reads the
     * current value, or is {@code exclusive}, waits for it up to {@link #EXCLUSIVE_LOCK_WAIT_NANOS} (the owner of the
     * key may stand still until Hazelcast drops it), since going ahead without it could lose another write
     * (JSR-107 &sect;4.1: these operations are atomic), and fails with a {@link CacheException}, the entry
     * unchanged, when it did not come by then.
     *
     * @param countGet  whether asking for the current value counts as a get (hit or miss) in the statistics
     * @param exclusive whether the operation needs the lock even if it does not read (it has side effects whose
     *                  order must be the cache's, e.g. a {@code CacheWriter})
     * @param applied   called with the mutation once it is applied (visible on every member), still under the lock
     * @return the mutation applied
     */
    public Mutation update(String text, Object key, boolean countGet, boolean exclusive,
                           Function<Supplier<Object>, Mutation> decide, Consumer<Mutation> applied) {
        return update(text, key, countGet, exclusive, false, decide, applied);
    }

    /**
     * {@link #update} for what a read writes (a read-through load's value, an access renewal), asking for the current
     * value without counting a get: it never waits for this member's recovery from a pause ({@link #suspendL1}), and
     * applies nothing when this member is recovering or stood still since it began (a read must not block, and its
     * write could not reach the others).
     */
    public Mutation updateOnRead(String text, Object key, boolean exclusive, Function<Supplier<Object>, Mutation> decide,
                                 Consumer<Mutation> applied) {
        return update(text, key, false, exclusive, true, decide, applied);
    }

    private Mutation update(String text, Object key, boolean countGet, boolean exclusive, boolean onRead,
                            Function<Supplier<Object>, Mutation> decide, Consumer<Mutation> applied) {
        long start = System.nanoTime();
        long pauses = clock.pauses();
        Mutation[] decided = new Mutation[1];
        long[] expiresAt = {L1Entry.NEVER, L1Entry.NEVER};
        write(List.of(text), (invalidation, held) -> {
            if (exclusive) {
                exclusive(held);
            }
            long[] current = {L1Entry.NEVER};
            decided[0] = decide.apply(() -> {
                exclusive(held);
                return current(text, countGet, current);
            });
            if (onRead && !readMayStore(pauses)) {
                decided[0] = Mutation.none();
            }
            long now = clock.millis();
            expiresAt[0] = expiresAt(decided[0].ttlMillis(), current[0], l1TtlMillis, now);
            expiresAt[1] = expiresAt(decided[0].ttlMillis(), current[0], l2TtlMillis, now);
            if (l2 != null) {
                switch (decided[0].kind()) {
                    case PUT -> writeL2(text, decided[0].value(), expiresAt[1], true, invalidation);
                    case REMOVE -> deleteL2(List.of(text), invalidation);
                    case NONE -> { }
                }
            }
        }, () -> switch (decided[0].kind()) {
            case PUT -> storeL1(text, key, decided[0].value(), expiresAt[0]);
            case REMOVE -> l1.removeAsync(text).toCompletableFuture().thenApply(previous -> (Void) null);
            case NONE -> CompletableFuture.<Void>completedFuture(null);
        }, null, () -> applied.accept(decided[0]), !onRead);
        if (decided[0].counted()) {
            switch (decided[0].kind()) {
                case PUT -> stats.put(System.nanoTime() - start);
                case REMOVE -> stats.removal(System.nanoTime() - start, 1);
                case NONE -> { }
            }
        }
        return decided[0];
    }

    private void exclusive(KeyLocks.Held held) {
        if (!held.await(EXCLUSIVE_LOCK_WAIT_NANOS)) {
            throw new CacheException("Cache " + name + ": the lock of a key did not come within "
                    + TimeUnit.NANOSECONDS.toSeconds(EXCLUSIVE_LOCK_WAIT_NANOS) + " s; nothing was changed");
        }
    }

    /**
     * The current value of {@code text} for an atomic operation: Redis's, else L1's; null when neither has one. The
     * end of its life goes to {@code expiresAt[0]}.
     */
    private Object current(String text, boolean countGet, long[] expiresAt) {
        Outcome found = new Outcome(null, Source.NONE);
        if (l2 != null) {
            L2Hit hit = readL2(text);
            if (hit != null) {
                found = new Outcome(hit.value(), Source.L2);
                expiresAt[0] = hit.expiresAtMillis();
            }
        }
        if (found.value() == null && l1 != null && !l1Suspended) {
            L1Entry entry = readL1(text);
            if (entry != null && entry.liveAt(clock.millis())) {
                found = new Outcome(entry.value(), Source.L1);
                expiresAt[0] = entry.expiresAtMillis();
            }
        }
        if (countGet) {
            count(found, 0);
        }
        return found.value();
    }

    private long deleteL2(Collection<String> texts, Invalidation within) {
        try {
            return l2.delete(texts);
        } catch (L2UnavailableException e) {
            l2Unavailable(e, within);
            return 0;
        }
    }

    /**
     * Removes the entries of {@code texts} from both layers on every member, under the locks of their keys; returns
     * how many were present.
     */
    public long remove(Collection<String> texts) {
        long start = System.nanoTime();
        long[] fromL2 = new long[1];
        Long fromL1 = write(texts, invalidation -> {
            if (l2 != null) {
                fromL2[0] = deleteL2(texts, invalidation);
            }
        }, () -> {
            long now = clock.millis();
            List<CompletableFuture<Boolean>> removals = texts.stream()
                    .map(text -> l1.removeAsync(text).toCompletableFuture()
                            .thenApply(previous -> previous != null && previous.liveAt(now)))
                    .toList();
            return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new))
                    .thenApply(done -> removals.stream().filter(CompletableFuture::join).count());
        }, 0L);
        long removed = Math.max(fromL2[0], fromL1 == null ? 0 : fromL1);
        stats.removal(System.nanoTime() - start, removed);
        return removed;
    }

    /**
     * Removes from both layers on every member the entries whose key text matches Redis glob {@code glob}; if Redis
     * cannot be walked completely the L2 generation is bumped instead.
     *
     * @param countRemovals whether the removed entries count as removals in the statistics ({@code removeAll})
     * @return the number of distinct keys removed from either layer while live (those of L1 only if it answered in
     *         time)
     */
    public long invalidate(String glob, boolean countRemovals) {
        long start = System.nanoTime();
        Set<String> removed = new HashSet<>();
        Set<String> fromL1 = write(null, invalidation -> {
            if (l2 == null) {
                return;
            }
            L2Tier.ScanResult result = l2.deleteMatching(glob);
            removed.addAll(result.texts());
            if (!result.complete()) {
                bumpGeneration(invalidation);
            }
        }, () -> CompletableFuture.supplyAsync(() -> l1.removeMatching(glob, clock.millis()), background), Set.of());
        removed.addAll(fromL1 == null ? Set.of() : fromL1);
        if (countRemovals) {
            stats.removal(System.nanoTime() - start, removed.size());
        }
        return removed.size();
    }

    private <T> T write(Collection<String> keys, Consumer<Invalidation> l2Writes,
                        Supplier<CompletableFuture<T>> l1Writes, T unknown) {
        return write(keys, (invalidation, held) -> l2Writes.accept(invalidation), l1Writes, unknown, () -> { }, true);
    }

    /**
     * Runs a write inside one cluster-wide invalidation of {@code keys} (null: all) and, when {@code keys} are given,
     * under their locks ({@link KeyLocks}, waited for until the invalidation's deadline): {@code l2Writes} on the
     * caller's thread, given the invalidation and the locks, null for all keys (each Redis call bounded; it checks
     * itself whether there is an L2), then
     * the L1 writes (only when there is an L1), waited for until the deadline (the invalidation timeout after it
     * began, at least {@link #MIN_L1_WAIT_NANOS}); {@code applied} runs once the write is visible on every member,
     * still under the locks (not when the write failed).
     *
     * <p>A write is <em>ordered</em> when it held its keys' locks from before its Redis writes until its L1 writes were
     * done: then Redis and L1 saw it in the same order relative to every other ordered write. When the locks did not
     * come in time (the owner of a key stands still, or their holder is slow) or L1 did not answer in time (the write
     * then returns {@code unknown}) or failed, the write is <em>unordered</em>: its L1 write may land before or after
     * another write's of the same key, whatever their order in Redis. Its keys then stay fenced on every member (reads
     * bypass L1, loads do not store) until, its L1 writes done and its keys' locks held at last, it removes the keys
     * from L1: so the last L1 change of a key is always a removal or the write of an ordered write that nothing wrote
     * to Redis after, and L1 never keeps a value older than Redis's. Then the invalidation ends (every member drops
     * the keys from its near cache). An invalidation of all keys or a pattern writes no value to L1, so it takes no
     * locks and only its END waits for its L1 removals.
     *
     * <p>Unless {@code awaitRecovery} is false (what a read writes), the write waits for this member's recovery from a
     * pause before it starts and before it returns ({@link #awaitRecovery}).
     */
    private <T> T write(Collection<String> keys, BiConsumer<Invalidation, KeyLocks.Held> l2Writes,
                        Supplier<CompletableFuture<T>> l1Writes, T unknown, Runnable applied, boolean awaitRecovery) {
        if (!awaitRecovery) {
            return writeInvalidated(keys, l2Writes, l1Writes, unknown, applied);
        }
        long deadline = System.nanoTime() + RECOVERY_WAIT_NANOS;
        long pauses = clock.pauses();
        awaitRecovery(deadline, "nothing was written");
        T result = writeInvalidated(keys, l2Writes, l1Writes, unknown, applied);
        if (pausedSince(pauses)) {
            awaitReported(pauses);
        }
        awaitRecovery(deadline, "it was written, but other members may serve older values until this member is back"
                + " in the cluster");
        return result;
    }

    /**
     * Waits, briefly, until the pause that {@link #pausedSince} saw since {@code pauses} has been acted on (another
     * thread may be reporting it): then {@link #suspendL1} has run if it applies to this member.
     */
    private void awaitReported(long pauses) {
        long deadline = System.nanoTime() + REPORT_WAIT_NANOS;
        while (clock.pauses() == pauses && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /**
     * Waits until this member has recovered from its last pause ({@link #resumeL1}), when it is recovering
     * ({@link #suspendL1}): a member that stood still may have been dropped from the cluster without knowing it yet,
     * and what it writes then reaches Redis and its own L1 only, while the others keep serving their copies. Its writes
     * therefore return only once it is confirmed in the cluster again, or has emptied L1 on every member after it was
     * merged back, so that a write that has returned is seen by every member's next read. A cache without L1 has
     * nothing to wait for.
     *
     * @param deadline the end of the wait ({@link System#nanoTime}), one for the whole write
     * @throws CacheException when the recovery did not end by {@code deadline}, naming {@code written}: what became of
     *                        the write
     */
    private void awaitRecovery(long deadline, String written) {
        if (!l1Suspended || l1 == null) {
            return;
        }
        synchronized (resumed) {
            while (l1Suspended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new CacheException("Cache " + name + ": this member stood still and is not confirmed in"
                            + " the cluster again after " + TimeUnit.NANOSECONDS.toSeconds(RECOVERY_WAIT_NANOS)
                            + " s; " + written);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(resumed, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CacheException("Cache " + name + ": interrupted waiting for this member to recover"
                            + " from a pause; " + written, e);
                }
            }
        }
    }

    /** One write, as {@link #write} describes it, once this member trusts its place in the cluster. */
    private <T> T writeInvalidated(Collection<String> keys, BiConsumer<Invalidation, KeyLocks.Held> l2Writes,
                                   Supplier<CompletableFuture<T>> l1Writes, T unknown, Runnable applied) {
        Invalidation invalidation = messenger.begin(name, keys);
        KeyLocks.Held held = null;
        CompletableFuture<T> l1Done;
        try {
            if (keys != null) {
                held = locks.lock(keys, Math.max(invalidation.remainingNanos(), MIN_LOCK_WAIT_NANOS));
            }
            l2Writes.accept(invalidation, held);
            l1Done = l1 == null ? CompletableFuture.completedFuture(null) : l1Writes.get();
        } catch (RuntimeException | Error e) {
            try {
                invalidation.end();
            } catch (RuntimeException ended) {
                e.addSuppressed(ended);
            } finally {
                release(held);
            }
            throw e;
        }
        try {
            T result = l1Done.get(Math.max(invalidation.remainingNanos(), MIN_L1_WAIT_NANOS), TimeUnit.NANOSECONDS);
            if (held == null || held.locked() || l1 == null) {
                try {
                    invalidation.end();
                    applied.run();
                } finally {
                    release(held);
                }
            } else {
                try {
                    applied.run();
                } finally {
                    settle(keys, invalidation, held, l1Done);
                }
            }
            return result;
        } catch (TimeoutException e) {
            stats.l1Error();
            LOG.log(Level.WARNING, "Cache " + name + ": L1 did not complete a write within the invalidation timeout;"
                    + " its keys stay fenced on every member until it does");
            try {
                applied.run();
            } finally {
                settle(keys, invalidation, held, l1Done);
            }
            return unknown;
        } catch (ExecutionException e) {
            stats.l1Error();
            settle(keys, invalidation, held, l1Done);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CacheException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settle(keys, invalidation, held, l1Done);
            throw new CacheException("Interrupted waiting for L1 of cache " + name, e);
        }
    }

    /**
     * Ends an unordered write ({@link #write}) in the background: once its L1 writes are done (or failed) and its keys'
     * locks are held, removes the keys from L1, ends the invalidation and releases the locks. When the removal fails
     * the invalidation is left to lapse: each member then drops the keys from L1 before it lifts the fence
     * ({@link LoadCoordinator}).
     */
    private void settle(Collection<String> keys, Invalidation invalidation, KeyLocks.Held held,
                        CompletableFuture<?> l1Done) {
        CompletableFuture<?> written = l1Done.handle((result, failure) -> null);
        if (keys == null) {
            written.whenCompleteAsync((done, failure) -> invalidation.end(), background);
            return;
        }
        CompletableFuture<Boolean> locked = held == null ? CompletableFuture.completedFuture(true)
                : held.obtained().toCompletableFuture();
        written.thenCombine(locked, (done, lockHeld) -> lockHeld)
                .thenComposeAsync(lockHeld -> CompletableFuture.allOf(keys.stream()
                        .map(text -> l1.removeAsync(text).toCompletableFuture())
                        .toArray(CompletableFuture[]::new)), background)
                .whenCompleteAsync((done, failure) -> {
                    try {
                        if (failure == null) {
                            invalidation.end();
                        } else {
                            stats.l1Error();
                            LOG.log(Level.WARNING, "Cache " + name + ": removing the keys of an unordered write from"
                                    + " L1 failed; they stay fenced until the invalidation lapses: " + failure);
                        }
                    } finally {
                        release(held);
                    }
                }, background);
    }

    private static void release(KeyLocks.Held held) {
        if (held != null) {
            held.release();
        }
    }

    private void writeL1(String text, Object key, Object value, long expiresAtMillis) {
        l1.set(text, new L1Entry(key, value, expiresAtMillis), lifeLeft(expiresAtMillis));
        stats.l1Put();
    }

    private void l2Unavailable(L2UnavailableException e, Invalidation within) {
        if (e.skipped()) {
            stats.l2Skipped();
        } else {
            stats.l2Error(0);
        }
        bumpGeneration(within);
    }

    /**
     * Starts a new L2 generation on every member. Within a write it waits for the generation registry and the
     * members at most what is left of the write's invalidation timeout (a member that did not answer the write's
     * BEGIN will not answer this either, and catches up from the registry once it is back), at least
     * {@link #MIN_L1_WAIT_NANOS}; outside one (a load), the invalidation timeout.
     *
     * @param within the write's invalidation, or null
     */
    private void bumpGeneration(Invalidation within) {
        long timeout = within == null ? messenger.timeoutNanos()
                : Math.max(within.remainingNanos(), MIN_L1_WAIT_NANOS);
        long start = System.nanoTime();
        long generation = l2.generation().bump(timeout, background);
        messenger.generation(name, generation, Math.max(0, timeout - (System.nanoTime() - start)));
    }

    // ---- cluster messages ----

    @Override
    public void beginInvalidation(String id, Collection<String> keys, long sentAtMillis, String sender) {
        loads.begin(id, keys, sentAtMillis, sender);
    }

    @Override
    public void memberLeft(String member) {
        loads.senderLeft(member);
    }

    @Override
    public void endInvalidation(String id, Collection<String> keys) {
        if (l1 != null) {
            l1.invalidateNearCache(keys);
        }
        loads.end(id, keys);
    }

    @Override
    public void generationAdvanced(long generation) {
        if (l2 != null) {
            l2.generation().advanceTo(generation);
        }
    }

    // ---- this member's own pauses ----

    /**
     * This member was paused long enough to have missed invalidations: from now on reads bypass L1 (near cache and
     * map, which may be a split-off copy), nothing is written to it, loads store nothing (this member may not be
     * told of the others' writes, which would not fence its loads) and L2 is read only once the generation registry
     * has confirmed the L2 generation (a bump may have been missed), until {@link #resumeL1}; writes wait for that
     * before they start and before they return (45 s in all at most, then they fail).
     */
    public void suspendL1() {
        generationConfirmedAt = System.nanoTime() - GENERATION_CONFIRMED_NANOS;
        l1Suspended = true;
        dropNearCache();
    }

    /** Whether reads bypass L1 because this member was paused ({@link #suspendL1}). */
    public boolean l1Suspended() {
        return l1Suspended;
    }

    /** Drops every entry of this member's near cache. */
    public void dropNearCache() {
        if (l1 != null) {
            l1.invalidateNearCache(null);
        }
    }

    /**
     * Empties this cache's L1 map (when this member is alone, only its own copy); returns false, after logging it,
     * when that failed.
     */
    public boolean clearL1() {
        if (l1 != null) {
            try {
                l1.clear();
            } catch (RuntimeException e) {
                stats.l1Error();
                LOG.log(Level.WARNING, "Cache " + name + ": clearing L1 after a pause failed: " + e);
                return false;
            }
        }
        return true;
    }

    /**
     * Empties this cache's L1 on every member (the map, and each member's near cache before the invalidation ends):
     * after this member was cut off from the others, its writes of that time reached L2 and its own L1 only. Returns
     * false, after logging it, when that failed.
     */
    public boolean clearL1Everywhere() {
        if (l1 != null) {
            try {
                Invalidation invalidation = messenger.begin(name, null);
                try {
                    l1.clear();
                } finally {
                    invalidation.end();
                }
            } catch (RuntimeException e) {
                stats.l1Error();
                LOG.log(Level.WARNING, "Cache " + name + ": clearing L1 on every member after a split failed: " + e);
                return false;
            }
        }
        return true;
    }

    /**
     * This member belongs to the cluster again and its L1 is the cluster's: the near cache is emptied of anything
     * that predates the pause, the fences of invalidations sent before {@code pauseEndMillis} are lifted (their END
     * may never come: it was sent while this member was out of the cluster, and their writes have completed since),
     * the L2 generation caught up, and L1 serves again.
     */
    public void resumeL1(long pauseEndMillis) {
        dropNearCache();
        loads.liftSentBefore(pauseEndMillis);
        if (l2 != null) {
            l2.generation().refresh();
        }
        synchronized (resumed) {
            l1Suspended = false;
            resumed.notifyAll();
        }
    }
}
