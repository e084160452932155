package io.tiercache.cache;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

import io.tiercache.cache.clock.MillisClock;
import io.tiercache.cache.cluster.ClusterMessenger;
import io.tiercache.cache.codec.RejectedValueException;
import io.tiercache.cache.config.CacheSettings;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.l1.L1Entry;
import io.tiercache.cache.l1.L1Tier;
import io.tiercache.cache.l2.L2Hit;
import io.tiercache.cache.l2.L2Tier;
import io.tiercache.cache.l2.L2UnavailableException;
import io.tiercache.cache.load.Flight;
import io.tiercache.cache.load.LoadCoordinator;
import io.tiercache.cache.stats.StatisticsRecorder;
import io.tiercache.cache.stats.TieredCacheStatistics;

/**
 * The tiered {@link Cache}: L1 ({@link L1Tier}, Hazelcast map with near cache) over L2 ({@link L2Tier}, Redis).
 *
 * <p><b>Reads</b> ({@code get}, {@code getOrLoad}): the near cache/Hazelcast first; on a miss one {@link Flight} per
 * key reads Redis (a hit is promoted into L1 with {@code min(L1 TTL, life left in Redis)}), then runs the loader if
 * any and stores its value in Redis and Hazelcast. A Redis failure, timeout or open circuit is a miss of L2, never an
 * error of the call.
 *
 * <p><b>Writes</b> ({@code put}, {@code putIfAbsent}, {@code remove}, {@code removeAll}, {@code clear},
 * {@link #invalidatePattern}) run between the two cluster messages of {@link ClusterMessenger}: all members fence
 * their loads of the keys, Redis is written (or its generation bumped if it cannot be), then Hazelcast, then all
 * members drop the keys from their near caches. When the call returns, every member's next read sees the write.
 *
 * <p><b>Threading</b>: thread-safe; operations run on the caller's thread and block for at most the Redis bound per
 * Redis call, plus Hazelcast operations and, for writes on a multi-member cluster, the acknowledgements of the
 * members (at most {@code tiercache.invalidation.timeout}). Loaders run on the thread of the first caller.
 *
 * <p><b>Serialization</b>: keys are reduced to their stable text ({@link KeyCodec}); values are stored in Hazelcast
 * inside an {@link L1Entry} (Java serialization under Hazelcast's class filter) and in Redis through the allowlist
 * codec. A near-cache hit returns the same value instance to every caller: values must be immutable. Entries are
 * therefore stored by value between members and by reference within one.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TieredJCache<K, V> implements TieredCache<K, V> {

    private static final System.Logger LOG = System.getLogger(TieredJCache.class.getName());

    private final String name;
    private final CacheManager manager;
    private final MutableConfiguration<K, V> configuration;
    private final L1Tier l1;
    private final L2Tier l2;
    private final long l1TtlMillis;
    private final long l2TtlMillis;
    private final ClusterMessenger messenger;
    private final LoadCoordinator loads = new LoadCoordinator();
    private final StatisticsRecorder stats;
    private final Function<? super K, ? extends V> readThrough;
    private final Consumer<TieredJCache<K, V>> onClose;
    private volatile boolean closed;

    /**
     * @param l1      the Hazelcast layer, or null when disabled
     * @param l2      the Redis layer, or null when disabled
     * @param onClose called once when the cache is closed
     */
    public TieredJCache(String name, CacheManager manager, MutableConfiguration<K, V> configuration,
                        CacheSettings settings, L1Tier l1, L2Tier l2, ClusterMessenger messenger,
                        StatisticsRecorder stats, Consumer<TieredJCache<K, V>> onClose) {
        this.name = name;
        this.manager = manager;
        this.configuration = configuration;
        this.l1 = l1;
        this.l2 = l2;
        this.l1TtlMillis = settings.l1Ttl().toMillis();
        this.l2TtlMillis = settings.l2Ttl().toMillis();
        this.messenger = messenger;
        this.stats = stats;
        this.onClose = onClose;
        if (configuration.isReadThrough() && configuration.getCacheLoaderFactory() != null) {
            CacheLoader<K, V> loader = configuration.getCacheLoaderFactory().create();
            this.readThrough = loader::load;
        } else {
            this.readThrough = null;
        }
    }

    // ---- reads ----

    @Override
    public V get(K key) {
        requireOpen();
        return resolve(KeyCodec.text(requireKey(key)), key, readThrough);
    }

    @Override
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        requireOpen();
        Objects.requireNonNull(loader, "loader");
        return resolve(KeyCodec.text(requireKey(key)), key, loader);
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        requireOpen();
        Map<K, V> found = new HashMap<>();
        for (K key : keys) {
            V value = get(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    @Override
    public boolean containsKey(K key) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        if (l1 != null) {
            L1Entry entry = l1.get(text);
            if (entry != null && entry.liveAt(System.currentTimeMillis())) {
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

    @SuppressWarnings("unchecked")
    private V resolve(String text, K key, Function<? super K, ? extends V> loader) {
        if (l1 != null) {
            long start = stats.startL1();
            L1Entry entry = l1.get(text);
            if (entry != null && entry.liveAt(MillisClock.now())) {
                stats.l1Hit(start);
                return (V) entry.value();
            }
            stats.l1Miss(start);
        }
        return (V) loads.run(text, loader != null, flight -> miss(flight, text, key, loader));
    }

    private Object miss(Flight flight, String text, K key, Function<? super K, ? extends V> loader) {
        long now = System.currentTimeMillis();
        if (l1 != null) {
            L1Entry entry = l1.get(text);
            if (entry != null && entry.liveAt(now)) {
                return entry.value();
            }
        }
        if (l2 != null) {
            L2Hit hit = readL2(text);
            if (hit != null) {
                long expiresAt = Math.min(now + l1TtlMillis, hit.expiresAtMillis());
                if (l1 != null && expiresAt > now) {
                    flight.publish(() -> writeL1(text, key, hit.value(), expiresAt));
                }
                return hit.value();
            }
        }
        stats.miss();
        if (loader == null) {
            return null;
        }
        long start = System.nanoTime();
        V value;
        try {
            value = loader.apply(key);
        } catch (RuntimeException | Error e) {
            stats.load(System.nanoTime() - start, true);
            throw e;
        }
        stats.load(System.nanoTime() - start, false);
        if (value != null) {
            requireValue(value);
            flight.publish(() -> {
                if (l2 != null) {
                    writeL2(text, value, false);
                }
                if (l1 != null) {
                    writeL1(text, key, value, System.currentTimeMillis() + l1TtlMillis);
                }
                stats.put(0);
            });
        }
        return value;
    }

    private L2Hit readL2(String text) {
        long start = stats.start();
        try {
            L2Hit hit = l2.get(text, stats::l2Expired);
            if (hit == null) {
                stats.l2Miss(start);
            } else {
                stats.l2Hit(start);
            }
            return hit;
        } catch (L2UnavailableException e) {
            if (e.skipped()) {
                stats.l2Skipped();
                stats.l2Miss(0);
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

    // ---- writes ----

    @Override
    public void put(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        long start = System.nanoTime();
        write(List.of(text), () -> {
            if (l2 != null) {
                writeL2(text, value, true);
            }
            if (l1 != null) {
                writeL1(text, key, value, System.currentTimeMillis() + l1TtlMillis);
            }
        });
        stats.put(System.nanoTime() - start);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        requireOpen();
        Map<String, Map.Entry<? extends K, ? extends V>> byText = new HashMap<>();
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            requireValue(entry.getValue());
            byText.put(KeyCodec.text(requireKey(entry.getKey())), entry);
        }
        long start = System.nanoTime();
        write(byText.keySet(), () -> byText.forEach((text, entry) -> {
            if (l2 != null) {
                writeL2(text, entry.getValue(), true);
            }
            if (l1 != null) {
                writeL1(text, entry.getKey(), entry.getValue(), System.currentTimeMillis() + l1TtlMillis);
            }
        }));
        long each = byText.isEmpty() ? 0 : (System.nanoTime() - start) / byText.size();
        byText.forEach((text, entry) -> stats.put(each));
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        long start = System.nanoTime();
        boolean[] stored = new boolean[1];
        write(List.of(text), () -> {
            long now = System.currentTimeMillis();
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

    @Override
    public boolean remove(K key) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        long start = System.nanoTime();
        boolean removed = removeTexts(List.of(text)) > 0;
        stats.removal(System.nanoTime() - start, removed ? 1 : 0);
        return removed;
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        requireOpen();
        Set<String> texts = new HashSet<>();
        for (K key : keys) {
            texts.add(KeyCodec.text(requireKey(key)));
        }
        long start = System.nanoTime();
        long removed = removeTexts(texts);
        stats.removal(System.nanoTime() - start, removed);
    }

    private long removeTexts(Collection<String> texts) {
        long[] removed = new long[1];
        write(texts, () -> {
            long fromL2 = 0;
            Set<String> gone = new HashSet<>();
            if (l2 != null) {
                try {
                    fromL2 = l2.delete(texts);
                } catch (L2UnavailableException e) {
                    l2Unavailable(e);
                }
            }
            if (l1 != null) {
                long now = System.currentTimeMillis();
                for (String text : texts) {
                    L1Entry previous = l1.remove(text);
                    if (previous != null && previous.liveAt(now)) {
                        gone.add(text);
                    }
                }
            }
            removed[0] = Math.max(fromL2, gone.size());
        });
        return removed[0];
    }

    @Override
    public void removeAll() {
        requireOpen();
        long start = System.nanoTime();
        long removed = invalidate("*");
        stats.removal(System.nanoTime() - start, removed);
    }

    @Override
    public void clear() {
        requireOpen();
        invalidate("*");
    }

    @Override
    public long invalidatePattern(String glob) {
        requireOpen();
        Objects.requireNonNull(glob, "glob");
        return invalidate(glob);
    }

    private long invalidate(String glob) {
        Set<String> removed = new HashSet<>();
        write(null, () -> {
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
        return removed.size();
    }

    /** Runs {@code writes} fenced by the cluster-wide begin/end invalidation messages of {@code texts}. */
    private void write(Collection<String> texts, Runnable writes) {
        messenger.begin(name, texts);
        try {
            writes.run();
        } finally {
            messenger.end(name, texts);
        }
    }

    private void writeL1(String text, Object key, Object value, long expiresAtMillis) {
        l1.set(text, new L1Entry(key, value, expiresAtMillis), expiresAtMillis - System.currentTimeMillis());
        stats.l1Put();
    }

    /** Writes Redis; if it cannot and the write replaces what readers might see, bumps the generation. */
    private void writeL2(String text, Object value, boolean invalidates) {
        try {
            l2.put(text, value, l2TtlMillis);
            stats.l2Put();
        } catch (L2UnavailableException e) {
            if (invalidates) {
                l2Unavailable(e);
            } else if (e.skipped()) {
                stats.l2Skipped();
            } else {
                stats.l2Error(0);
            }
        }
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
        long generation = l2.generation().bump();
        messenger.generation(name, generation);
    }

    // ---- member messages ----

    /** An invalidation of {@code texts} (null: all) began somewhere in the cluster. */
    public void beginInvalidation(Collection<String> texts) {
        loads.begin(texts);
    }

    /** That invalidation ended: the keys leave this member's near cache. */
    public void endInvalidation(Collection<String> texts) {
        loads.end(texts);
        if (l1 != null) {
            l1.invalidateNearCache(texts);
        }
    }

    public void generationAdvanced(long generation) {
        if (l2 != null) {
            l2.generation().advanceTo(generation);
        }
    }

    // ---- the rest of javax.cache.Cache ----

    @Override
    public TieredCacheStatistics snapshot() {
        return stats.snapshot();
    }

    public StatisticsRecorder statistics() {
        return stats;
    }

    @Override
    public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
        if (type.isInstance(configuration)) {
            return type.cast(new MutableConfiguration<>(configuration));
        }
        throw new IllegalArgumentException("The configuration of cache " + name + " is not a " + type.getName());
    }

    public CompleteConfiguration<K, V> configuration() {
        return configuration;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("Cache " + name + " cannot be unwrapped to " + type.getName());
    }

    /** Iterates the live entries of L1 (cluster-wide, from a snapshot); entries only in Redis are not visited. */
    @Override
    @SuppressWarnings("unchecked")
    public Iterator<Cache.Entry<K, V>> iterator() {
        requireOpen();
        List<Cache.Entry<K, V>> live = new ArrayList<>();
        if (l1 != null) {
            long now = System.currentTimeMillis();
            for (Map.Entry<String, L1Entry> entry : l1.entries()) {
                L1Entry value = entry.getValue();
                if (value.liveAt(now)) {
                    live.add(new SimpleEntry<>((K) value.key(), (V) value.value()));
                }
            }
        }
        return List.copyOf(live).iterator();
    }

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
        throw unsupported("loadAll", "use getOrLoad");
    }

    @Override
    public V getAndPut(K key, V value) {
        throw unsupported("getAndPut", "use get then put");
    }

    @Override
    public boolean remove(K key, V oldValue) {
        throw unsupported("remove(key, oldValue)", "use remove(key)");
    }

    @Override
    public V getAndRemove(K key) {
        throw unsupported("getAndRemove", "use get then remove");
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw unsupported("replace(key, oldValue, newValue)", "use put");
    }

    @Override
    public boolean replace(K key, V value) {
        throw unsupported("replace(key, value)", "use put");
    }

    @Override
    public V getAndReplace(K key, V value) {
        throw unsupported("getAndReplace", "use put");
    }

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        throw unsupported("invoke", "entry processors are not supported");
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor,
                                                         Object... arguments) {
        throw unsupported("invokeAll", "entry processors are not supported");
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        throw unsupported("registerCacheEntryListener", "entry listeners are not supported");
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        throw unsupported("deregisterCacheEntryListener", "entry listeners are not supported");
    }

    private UnsupportedOperationException unsupported(String operation, String instead) {
        return new UnsupportedOperationException("Cache." + operation + " is not supported by the tiered cache "
                + name + " (its layers cannot do it atomically): " + instead);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Cache " + name + " is closed");
        }
    }

    private K requireKey(K key) {
        Objects.requireNonNull(key, "key");
        Class<K> type = configuration.getKeyType();
        if (type != Object.class && !type.isInstance(key)) {
            throw new ClassCastException("Key " + key.getClass().getName() + " is not a " + type.getName());
        }
        return key;
    }

    private void requireValue(Object value) {
        Objects.requireNonNull(value, "value");
        Class<V> type = configuration.getValueType();
        if (type != Object.class && !type.isInstance(value)) {
            throw new ClassCastException("Value " + value.getClass().getName() + " is not a " + type.getName());
        }
    }

    private record SimpleEntry<K, V>(K getKey, V getValue) implements Cache.Entry<K, V> {

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new IllegalArgumentException("Entry cannot be unwrapped to " + type.getName());
        }
    }
}
