package io.tiercache.cache.store;

import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import io.tiercache.cache.cluster.ClusterMessenger;
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

/**
 * The two layers of one cache on this member and the rules that keep them coherent: reads, misses, writes, fencing
 * and statistics. Keys arrive as their stable text (with the original key, kept in L1 for iteration); arguments are
 * checked by the caller.
 *
 * <p><b>Reads</b>: L1 (near cache, then the Hazelcast map), then one {@link Flight} per key reads Redis (a hit is
 * promoted into L1 with {@code min(L1 TTL, life left in Redis)}) and runs the loader if any, storing its value in
 * Redis and Hazelcast. An error of either layer is a miss of that layer, never an error of the read.
 *
 * <p><b>Writes</b> run inside one {@link ClusterMessenger#invalidate} of their keys: every member fences its loads of
 * the keys, Redis is written (or, when the outcome of a Redis write is unknown, the cache's L2 generation bumped),
 * then Hazelcast, then every member drops the keys from its near cache. When a write returns, every member's next
 * read sees it. A load's Redis write whose outcome is unknown (it timed out and may still land) bumps the generation
 * too, so it cannot surface after a later invalidation.
 *
 * <p><b>Statistics</b>: every get counts exactly one hit or miss overall and per layer it reached: an L1 hit; else an
 * L1 miss and, with L2 enabled, an L2 hit or miss. Callers that joined another caller's flight count what that
 * flight found.
 *
 * <p>Thread-safe; operations run on the caller's thread (loaders on the first caller's) and block for at most the
 * Redis bound per Redis call, plus Hazelcast operations and, for writes on a multi-member cluster, the members'
 * acknowledgements (at most {@code tiercache.invalidation.timeout} each). Cluster messages arrive on Hazelcast threads.
 */
public final class TieredStore implements InvalidationHandler {

    private static final System.Logger LOG = System.getLogger(TieredStore.class.getName());

    private final String name;
    private final L1Tier l1;
    private final L2Tier l2;
    private final long l1TtlMillis;
    private final long l2TtlMillis;
    private final ClusterMessenger messenger;
    private final LoadCoordinator loads;
    private final StatisticsRecorder stats;
    private final InstantSource clock;

    /**
     * @param l1 the Hazelcast layer, or null when disabled
     * @param l2 the Redis layer, or null when disabled
     */
    public TieredStore(String name, CacheSettings settings, L1Tier l1, L2Tier l2, ClusterMessenger messenger,
                       LoadCoordinator loads, StatisticsRecorder stats, InstantSource clock) {
        this.name = name;
        this.l1 = l1;
        this.l2 = l2;
        this.l1TtlMillis = settings.l1Ttl().toMillis();
        this.l2TtlMillis = settings.l2Ttl().toMillis();
        this.messenger = messenger;
        this.loads = loads;
        this.stats = stats;
        this.clock = clock;
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
        Outcome outcome = null;
        if (l1 != null) {
            L1Entry entry = readL1(text);
            stats.l1Latency(start);
            if (entry != null && entry.liveAt(clock.millis())) {
                outcome = new Outcome(entry.value(), Source.L1);
            }
        }
        if (outcome == null) {
            outcome = loads.run(text, loader != null, flight -> miss(flight, text, key, loader));
        }
        count(outcome, start);
        return outcome.value();
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
        long now = clock.millis();
        if (l1 != null) {
            L1Entry entry = readL1(text);
            if (entry != null && entry.liveAt(now)) {
                return new Outcome(entry.value(), Source.L1);
            }
        }
        if (l2 != null) {
            L2Hit hit = readL2(text);
            if (hit != null) {
                long expiresAt = Math.min(now + l1TtlMillis, hit.expiresAtMillis());
                if (l1 != null && expiresAt > now) {
                    flight.publish(() -> promote(text, key, hit.value(), expiresAt));
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
                if (l2 != null) {
                    writeL2(text, value);
                }
                if (l1 != null) {
                    promote(text, key, value, clock.millis() + l1TtlMillis);
                }
                stats.put(0);
            });
        }
        return new Outcome(value, Source.LOADER);
    }

    private Object load(Object key, Function<Object, Object> loader) {
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
        if (l1 != null) {
            L1Entry entry = readL1(text);
            if (entry != null && entry.liveAt(clock.millis())) {
                return true;
            }
        }
        if (l2 != null) {
            try {
                return l2.get(text, () -> { }) != null;
            } catch (L2UnavailableException | RejectedValueException e) {
                return false;
            }
        }
        return false;
    }

    /** The live entries of L1, cluster-wide, as a snapshot of (key, value) pairs; entries only in Redis are absent. */
    public List<Map.Entry<Object, Object>> l1Entries() {
        List<Map.Entry<Object, Object>> live = new ArrayList<>();
        if (l1 != null) {
            long now = clock.millis();
            for (Map.Entry<String, L1Entry> entry : l1.entries()) {
                L1Entry value = entry.getValue();
                if (value.liveAt(now)) {
                    live.add(Map.entry(value.key(), value.value()));
                }
            }
        }
        return live;
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

    /** Stores a value found below L1 or loaded into L1; a failure is counted and leaves the read unharmed. */
    private void promote(String text, Object key, Object value, long expiresAtMillis) {
        try {
            writeL1(text, key, value, expiresAtMillis);
        } catch (RuntimeException e) {
            stats.l1Error();
            LOG.log(Level.DEBUG, () -> "Cache " + name + ": L1 write of " + text + " failed: " + e);
        }
    }

    /**
     * Stores a loaded value in Redis. A SET skipped by the breaker never reached Redis; one that failed or timed out
     * may still land later, after an invalidation of the key, so the generation is bumped to make it unservable.
     */
    private void writeL2(String text, Object value) {
        try {
            l2.put(text, value, l2TtlMillis);
            stats.l2Put();
        } catch (L2UnavailableException e) {
            if (e.skipped()) {
                stats.l2Skipped();
            } else {
                l2Unavailable(e);
            }
        }
    }

    // ---- writes ----

    /** Stores {@code value} in both layers on every member. */
    public void put(String text, Object key, Object value) {
        long start = System.nanoTime();
        messenger.invalidate(name, List.of(text), () -> store(text, key, value));
        stats.put(System.nanoTime() - start);
    }

    /** Stores every entry of {@code entries} (key text to key and value) in both layers on every member. */
    public void putAll(Map<String, Map.Entry<?, ?>> entries) {
        long start = System.nanoTime();
        messenger.invalidate(name, entries.keySet(), () -> entries.forEach((text, entry) ->
                store(text, entry.getKey(), entry.getValue())));
        long each = entries.isEmpty() ? 0 : (System.nanoTime() - start) / entries.size();
        entries.forEach((text, entry) -> stats.put(each));
    }

    private void store(String text, Object key, Object value) {
        if (l2 != null) {
            try {
                l2.put(text, value, l2TtlMillis);
                stats.l2Put();
            } catch (L2UnavailableException e) {
                l2Unavailable(e);
            }
        }
        if (l1 != null) {
            try {
                writeL1(text, key, value, clock.millis() + l1TtlMillis);
            } catch (RuntimeException e) {
                stats.l1Error();
                throw e;
            }
        }
    }

    /** Stores {@code value} unless a live value is present in either layer; returns whether it stored it. */
    public boolean putIfAbsent(String text, Object key, Object value) {
        long start = System.nanoTime();
        boolean[] stored = new boolean[1];
        messenger.invalidate(name, List.of(text), () -> {
            long now = clock.millis();
            if (l1 != null) {
                L1Entry present = l1.get(text);
                if (present != null && present.liveAt(now)) {
                    return;
                }
            }
            if (l2 != null) {
                try {
                    if (!l2.putIfAbsent(text, value, l2TtlMillis)) {
                        return;
                    }
                    stats.l2Put();
                    stored[0] = true;
                } catch (L2UnavailableException e) {
                    l2Unavailable(e);
                }
            }
            if (l1 != null) {
                L1Entry entry = new L1Entry(key, value, now + l1TtlMillis);
                if (stored[0]) {
                    l1.set(text, entry, l1TtlMillis);
                } else {
                    stored[0] = l1.setIfAbsent(text, entry, l1TtlMillis, now);
                }
                if (stored[0]) {
                    stats.l1Put();
                }
            }
        });
        if (stored[0]) {
            stats.put(System.nanoTime() - start);
        }
        return stored[0];
    }

    /** Removes the entries of {@code texts} from both layers on every member; returns how many were present. */
    public long remove(Collection<String> texts) {
        long start = System.nanoTime();
        long[] removed = new long[1];
        messenger.invalidate(name, texts, () -> {
            long fromL2 = 0;
            if (l2 != null) {
                try {
                    fromL2 = l2.delete(texts);
                } catch (L2UnavailableException e) {
                    l2Unavailable(e);
                }
            }
            long fromL1 = 0;
            if (l1 != null) {
                long now = clock.millis();
                for (String text : texts) {
                    L1Entry previous = l1.remove(text);
                    if (previous != null && previous.liveAt(now)) {
                        fromL1++;
                    }
                }
            }
            removed[0] = Math.max(fromL2, fromL1);
        });
        stats.removal(System.nanoTime() - start, removed[0]);
        return removed[0];
    }

    /**
     * Removes from both layers on every member the entries whose key text matches Redis glob {@code glob}; if Redis
     * cannot be walked completely the L2 generation is bumped instead.
     *
     * @param countRemovals whether the removed entries count as removals in the statistics ({@code removeAll})
     * @return the number of distinct keys removed from either layer
     */
    public long invalidate(String glob, boolean countRemovals) {
        long start = System.nanoTime();
        Set<String> removed = new HashSet<>();
        messenger.invalidate(name, null, () -> {
            if (l2 != null) {
                L2Tier.ScanResult result = l2.deleteMatching(glob);
                removed.addAll(result.deleted());
                if (!result.complete()) {
                    bumpGeneration();
                }
            }
            if (l1 != null) {
                removed.addAll(l1.removeMatching(glob));
            }
        });
        if (countRemovals) {
            stats.removal(System.nanoTime() - start, removed.size());
        }
        return removed.size();
    }

    private void writeL1(String text, Object key, Object value, long expiresAtMillis) {
        l1.set(text, new L1Entry(key, value, expiresAtMillis), expiresAtMillis - clock.millis());
        stats.l1Put();
    }

    private void l2Unavailable(L2UnavailableException e) {
        if (e.skipped()) {
            stats.l2Skipped();
        } else {
            stats.l2Error(0);
        }
        bumpGeneration();
    }

    private void bumpGeneration() {
        messenger.generation(name, l2.generation().bump());
    }

    // ---- cluster messages ----

    @Override
    public void beginInvalidation(String id, Collection<String> keys) {
        loads.begin(id, keys);
    }

    @Override
    public void endInvalidation(String id, Collection<String> keys) {
        loads.end(id);
        if (l1 != null) {
            l1.invalidateNearCache(keys);
        }
    }

    @Override
    public void generationAdvanced(long generation) {
        if (l2 != null) {
            l2.generation().advanceTo(generation);
        }
    }
}
