package io.tiercache.cache.jcache;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheStatistics;
import io.tiercache.cache.event.EventDispatcher;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.stats.StatisticsRecorder;
import io.tiercache.cache.store.Mutation;
import io.tiercache.cache.store.TieredStore;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.EventType;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * The tiered {@link Cache}: the JCache face of a {@link TieredStore}. It checks the arguments (open cache, non-null
 * keys and values of the configured types), reduces keys to their stable text ({@link KeyCodec}), runs the
 * customizations of its configuration and leaves reads, writes, locking, fencing and statistics to the store; see
 * there for the layers, the coherence rules and the blocking bounds.
 *
 * <p><b>Atomic operations</b> ({@code putIfAbsent}, {@code getAndPut}, {@code getAndRemove}, {@code getAndReplace},
 * both {@code replace}, {@code remove(key, oldValue)}, {@code invoke}) decide from the current value and write under
 * the key's cluster-wide lock, inside one invalidation of the key ({@link TieredStore#update}): atomic on every
 * member (JSR-107 &sect;4.1), and, like every write, visible to every member's next read when they return.
 *
 * <p><b>Integration</b> (JSR-107 &sect;8): the {@code CacheLoader} runs on a read-through miss and for
 * {@link #loadAll} (asynchronously, reporting to its {@code CompletionListener}); the {@code CacheWriter} runs before
 * the cache changes ({@link WriteThrough}). <b>Expiry</b> (&sect;6): {@link ExpiryRules}. <b>Events</b> (&sect;8.4):
 * each change is reported to the entry listeners here and on the other members ({@link EventDispatcher}) while the
 * key is still locked. Customizations that are {@link Closeable} are closed with the cache.
 *
 * <p><b>Serialization</b>: values are stored in Hazelcast inside an {@code L1Entry} (Java serialization under
 * Hazelcast's class filter) and in Redis through the allowlist codec; store-by-value or by reference:
 * {@link ValueCopier}.
 *
 * <p>Thread-safe.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TieredJCache<K, V> implements TieredCache<K, V> {

    private final String name;
    private final CacheManager manager;
    private final MutableConfiguration<K, V> configuration;
    private final TieredStore store;
    private final CacheLoader<K, V> loader;
    private final Function<K, V> readThrough;
    private final WriteThrough<K, V> writer;
    private final ExpiryRules expiry;
    private final ValueCopier copies;
    private final EventDispatcher<K, V> events;
    private final Consumer<TieredJCache<K, V>> onClose;
    private final Runnable stopLapses;
    private volatile boolean closed;

    /**
     * @param hazelcast the instance that carries entry events between the members
     * @param onClose   called once when the cache is closed
     */
    @SuppressWarnings("unchecked")
    public TieredJCache(String name, CacheManager manager, MutableConfiguration<K, V> configuration, TieredStore store,
                        HazelcastInstance hazelcast, Consumer<TieredJCache<K, V>> onClose) {
        this.name = name;
        this.manager = manager;
        this.configuration = configuration;
        this.store = store;
        this.onClose = onClose;
        this.loader = configuration.getCacheLoaderFactory() == null ? null
                : configuration.getCacheLoaderFactory().create();
        this.readThrough = configuration.isReadThrough() && loader != null ? this::load : null;
        this.writer = new WriteThrough<>(configuration.isWriteThrough()
                && configuration.getCacheWriterFactory() != null
                ? (CacheWriter<K, V>) configuration.getCacheWriterFactory().create() : null);
        this.expiry = new ExpiryRules(configuration.getExpiryPolicyFactory().create());
        this.copies = new ValueCopier(configuration.isStoreByValue(), manager.getClassLoader(), name);
        this.events = new EventDispatcher<>(this, hazelcast);
        configuration.getCacheEntryListenerConfigurations().forEach(events::register);
        this.stopLapses = store.onLapse((key, value) -> {
            if (events.active()) {
                events.lapsed((K) key, (V) value);
            }
        });
    }

    /**
     * Runs an atomic operation of the store on the entry of {@code text} and reports the change it made to the
     * entry listeners while the key is still locked (&sect;8.4: events of one key in the order of its changes).
     */
    private Mutation update(String text, K key, boolean countGet, Function<Supplier<Object>, Mutation> decide) {
        Observed observed = observed(key, decide);
        return store.update(text, key, countGet, writer.active(), observed.decide(), observed.applied());
    }

    /**
     * {@link #update} for what a read writes (a read-through load's value, an access renewal): it never waits for a
     * recovery from a pause, and applies nothing during one ({@link TieredStore#updateOnRead}).
     */
    private Mutation updateOnRead(String text, K key, Function<Supplier<Object>, Mutation> decide) {
        Observed observed = observed(key, decide);
        return store.updateOnRead(text, key, writer.active(), observed.decide(), observed.applied());
    }

    /** An operation's decision, and what reports its applied change to the entry listeners (nothing without any). */
    private record Observed(Function<Supplier<Object>, Mutation> decide, Consumer<Mutation> applied) {
    }

    @SuppressWarnings("unchecked")
    private Observed observed(K key, Function<Supplier<Object>, Mutation> decide) {
        if (!events.active()) {
            return new Observed(decide, applied -> { });
        }
        Object[] old = new Object[1];
        boolean[] read = new boolean[1];
        return new Observed(current -> {
            Supplier<Object> once = () -> {
                if (!read[0]) {
                    read[0] = true;
                    old[0] = current.get();
                }
                return old[0];
            };
            Mutation mutation = decide.apply(once);
            if (mutation.kind() != Mutation.Kind.NONE) {
                once.get();
            }
            return mutation;
        }, applied -> {
            V previous = (V) old[0];
            switch (applied.kind()) {
                case PUT -> {
                    if (applied.counted()) {
                        events.changed(previous == null ? EventType.CREATED : EventType.UPDATED, key,
                                (V) applied.value(), previous);
                    }
                }
                case REMOVE -> {
                    if (previous != null) {
                        events.changed(applied.counted() ? EventType.REMOVED : EventType.EXPIRED, key, previous,
                                previous);
                    }
                }
                case NONE -> { }
            }
        });
    }

    private V load(K key) {
        try {
            V value = loader.load(key);
            return value == null ? null : requireValue(value);
        } catch (CacheLoaderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheLoaderException("Loader of cache " + name + " failed for a key", e);
        }
    }

    // ---- reads ----

    @Override
    @SuppressWarnings("unchecked")
    public V get(K key) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        V value = (V) store.get(text, key, null);
        if (value != null) {
            accessed(text, key, value);
        } else if (readThrough != null) {
            value = loadThrough(text, key, readThrough);
        }
        return copies.copy(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getFromL1(K key) {
        requireOpen();
        if (expiry.renewsOnAccess()) {
            return null;
        }
        return copies.copy((V) store.getFromL1(KeyCodec.text(requireKey(key))));
    }

    /**
     * Loads {@code key} into the cache on the tiered store's own path (one load per key and member, stored for the
     * cache's eternal life) when the expiry policy is eternal and nobody listens; otherwise as {@link #get} does with
     * read-through, so that the value lives the creation duration and its creation is reported.
     */
    @Override
    @SuppressWarnings("unchecked")
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        requireOpen();
        Objects.requireNonNull(loader, "loader");
        String text = KeyCodec.text(requireKey(key));
        Function<K, V> checked = k -> {
            V value = loader.apply(k);
            return value == null ? null : requireValue(value);
        };
        if (!expiry.knowsUpdates() && !events.active()) {
            return copies.copy((V) store.get(text, key, k -> checked.apply((K) k)));
        }
        V value = (V) store.get(text, key, null);
        return copies.copy(value != null ? value : loadThrough(text, key, checked));
    }

    /**
     * Read-through (JSR-107 &sect;8.2) of a key that was missing: as an atomic operation, so the loaded value is
     * stored with the creation duration and its creation reported to the listeners, unless a value arrived meanwhile
     * (which is then returned). The load counts in the statistics; a failure of the loader reaches the caller and
     * leaves the entry unchanged. On a member recovering from a pause it only loads: the value is returned, not
     * stored ({@link #updateOnRead}).
     */
    @SuppressWarnings("unchecked")
    private V loadThrough(String text, K key, Function<K, V> load) {
        if (store.l1Suspended()) {
            return (V) store.load(key, k -> load.apply((K) k));
        }
        Object[] found = new Object[1];
        updateOnRead(text, key, current -> {
            found[0] = current.get();
            if (found[0] != null) {
                return Mutation.none();
            }
            found[0] = store.load(key, k -> load.apply((K) k));
            return found[0] == null ? Mutation.none() : expiry.stored(found[0], false);
        });
        return (V) found[0];
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        requireOpen();
        keys.forEach(this::requireKey);
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
        return store.containsKey(KeyCodec.text(requireKey(key)));
    }

    /**
     * Renews the life of an entry that was read, when the expiry policy has an access duration (&sect;6.1); not on a
     * member recovering from a pause, where it would apply nothing ({@link #updateOnRead}) after a round of messages
     * and locks that a read need not wait for.
     */
    private void accessed(String text, K key, V value) {
        if (expiry.renewsOnAccess() && !store.l1Suspended()) {
            updateOnRead(text, key, current -> current.get() == null ? Mutation.none() : expiry.accessed(value));
        }
    }

    // ---- writes ----

    @Override
    public void put(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        update(text, key, false, current -> {
            boolean existed = expiry.knowsUpdates() && current.get() != null;
            writer.write(key, value);
            return expiry.stored(value, existed);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public void putAll(Map<? extends K, ? extends V> entries) {
        requireOpen();
        Map<String, Map.Entry<?, ?>> byText = new HashMap<>();
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            requireValue(entry.getValue());
            byText.put(KeyCodec.text(requireKey(entry.getKey())), entry);
        }
        CacheWriterException failure = writer.writeAll(entries, key -> byText.remove(KeyCodec.text(key)));
        if (events.active() || expiry.knowsUpdates()) {
            byText.forEach((text, entry) -> update(text, (K) entry.getKey(), false,
                    current -> expiry.stored(entry.getValue(), current.get() != null)));
        } else {
            store.putAll(byText);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        return update(text, key, true, current -> {
            if (current.get() != null) {
                return Mutation.none();
            }
            writer.write(key, value);
            return expiry.stored(value, false);
        }).kind() == Mutation.Kind.PUT;
    }

    @Override
    public V getAndPut(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        return previous(text, key, old -> {
            writer.write(key, value);
            return expiry.stored(value, old != null);
        });
    }

    @Override
    public boolean remove(K key) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        if (!writer.active() && !events.active()) {
            return store.remove(List.of(text)) > 0;
        }
        return update(text, key, false, current -> {
            boolean existed = current.get() != null;
            writer.delete(key);
            return existed ? Mutation.remove() : Mutation.none();
        }).kind() == Mutation.Kind.REMOVE;
    }

    @Override
    public boolean remove(K key, V oldValue) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(oldValue);
        return update(text, key, true, current -> {
            Object value = current.get();
            if (value == null) {
                return Mutation.none();
            }
            if (!value.equals(oldValue)) {
                return expiry.accessed(value);
            }
            writer.delete(key);
            return Mutation.remove();
        }).kind() == Mutation.Kind.REMOVE;
    }

    @Override
    public V getAndRemove(K key) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        return previous(text, key, old -> {
            writer.delete(key);
            return old == null ? Mutation.none() : Mutation.remove();
        });
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(oldValue);
        requireValue(newValue);
        return update(text, key, true, current -> {
            Object value = current.get();
            if (value == null) {
                return Mutation.none();
            }
            if (!value.equals(oldValue)) {
                return expiry.accessed(value);
            }
            writer.write(key, newValue);
            return expiry.stored(newValue, true);
        }).kind() == Mutation.Kind.PUT;
    }

    @Override
    public boolean replace(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        return update(text, key, true, current -> {
            if (current.get() == null) {
                return Mutation.none();
            }
            writer.write(key, value);
            return expiry.stored(value, true);
        }).kind() == Mutation.Kind.PUT;
    }

    @Override
    public V getAndReplace(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        return previous(text, key, old -> {
            if (old == null) {
                return Mutation.none();
            }
            writer.write(key, value);
            return expiry.stored(value, true);
        });
    }

    /** Runs an atomic operation that returns the entry's previous value (counted as a get). */
    @SuppressWarnings("unchecked")
    private V previous(String text, K key, Function<V, Mutation> decide) {
        Object[] previous = new Object[1];
        update(text, key, true, current -> {
            previous[0] = current.get();
            return decide.apply((V) previous[0]);
        });
        return (V) previous[0];
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        requireOpen();
        Map<String, K> texts = new HashMap<>();
        for (K key : keys) {
            texts.put(KeyCodec.text(requireKey(key)), key);
        }
        CacheWriterException failure = writer.deleteAll(keys, key -> texts.remove(KeyCodec.text(key)));
        if (events.active()) {
            texts.forEach((text, key) -> update(text, key, false,
                    current -> current.get() == null ? Mutation.none() : Mutation.remove()));
        } else {
            store.remove(texts.keySet());
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Removes every entry; through a writer, the entries of both layers are deleted as {@link #removeAll(Set)} does
     * first, and when Redis cannot be walked completely a {@code CacheException} leaves the cache and the writer's
     * store unchanged.
     */
    @Override
    public void removeAll() {
        requireOpen();
        if (writer.active()) {
            Set<K> keys = new HashSet<>();
            entries(true).forEach(entry -> keys.add(entry.getKey()));
            removeAll(keys);
        }
        store.invalidate("*", true);
    }

    @Override
    public void clear() {
        requireOpen();
        store.invalidate("*", false);
    }

    @Override
    public long invalidatePattern(String glob) {
        requireOpen();
        Objects.requireNonNull(glob, "glob");
        return store.invalidate(glob, false);
    }

    // ---- entry processors ----

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        List<T> result = new ArrayList<>(1);
        update(text, key, true, current -> {
            ProcessedEntry<K, V> entry = new ProcessedEntry<>(key, current,
                    readThrough);
            try {
                result.add(entryProcessor.process(entry, arguments));
                boolean existed = entry.existed();
                return switch (entry.change()) {
                    case NONE -> existed && entry.accessed() ? expiry.accessed(entry.value()) : Mutation.none();
                    case LOADED -> expiry.stored(entry.value(), false);
                    case PUT -> {
                        requireValue(entry.value());
                        writer.write(key, entry.value());
                        yield expiry.stored(entry.value(), entry.existed());
                    }
                    case REMOVE -> {
                        writer.delete(key);
                        yield existed ? Mutation.remove() : Mutation.none();
                    }
                };
            } catch (EntryProcessorException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new EntryProcessorException(e);
            }
        });
        return result.isEmpty() ? null : copies.copy(result.get(0));
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor,
                                                         Object... arguments) {
        requireOpen();
        keys.forEach(this::requireKey);
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        Map<K, EntryProcessorResult<T>> results = new HashMap<>();
        for (K key : keys) {
            try {
                T result = invoke(key, entryProcessor, arguments);
                if (result != null) {
                    results.put(key, () -> result);
                }
            } catch (EntryProcessorException e) {
                results.put(key, () -> {
                    throw e;
                });
            }
        }
        return results;
    }

    // ---- integration ----

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
        requireOpen();
        Objects.requireNonNull(keys, "keys");
        keys.forEach(key -> Objects.requireNonNull(key, "key"));
        CompletionListener done = listener == null ? NO_LISTENER : listener;
        if (loader == null) {
            done.onCompletion();
            return;
        }
        Set<K> wanted = new LinkedHashSet<>(keys);
        CompletableFuture.runAsync(() -> {
            try {
                List<K> missing = new ArrayList<>();
                for (K key : wanted) {
                    if (replaceExistingValues || !containsKey(key)) {
                        missing.add(key);
                    }
                }
                Map<K, V> loaded = missing.isEmpty() ? Map.of() : loader.loadAll(missing);
                for (Map.Entry<K, V> entry : loaded.entrySet()) {
                    if (entry.getKey() != null && entry.getValue() != null) {
                        K key = entry.getKey();
                        V value = requireValue(entry.getValue());
                        update(KeyCodec.text(requireKey(key)), key, false,
                                current -> expiry.stored(value, expiry.knowsUpdates() && current.get() != null));
                    }
                }
                done.onCompletion();
            } catch (CacheLoaderException e) {
                done.onException(e);
            } catch (RuntimeException e) {
                done.onException(new CacheLoaderException(e));
            }
        });
    }

    private static final CompletionListener NO_LISTENER = new CompletionListener() {
        @Override
        public void onCompletion() {
        }

        @Override
        public void onException(Exception e) {
        }
    };

    // ---- the rest of javax.cache.Cache ----

    @Override
    public TieredCacheStatistics snapshot() {
        return store.statistics().snapshot();
    }

    @Override
    public java.util.OptionalLong l1OwnedEntries() {
        return store.l1OwnedEntries();
    }

    /** The store this cache is the JCache face of. */
    public TieredStore store() {
        return store;
    }

    public StatisticsRecorder statistics() {
        return store.statistics();
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

    /** Records in the configuration whether statistics are enabled (the manager registers the MXBean). */
    public void statisticsEnabled(boolean enabled) {
        configuration.setStatisticsEnabled(enabled);
    }

    /** Records in the configuration whether management is enabled (the manager registers the MXBean). */
    public void managementEnabled(boolean enabled) {
        configuration.setManagementEnabled(enabled);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    /** Closes the cache here and its {@link Closeable} loader, writer and expiry policy (&sect;4.1.5). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
            stopLapses.run();
            events.close();
            for (Object customization : new Object[] {loader, writer.writer(), expiry.policy()}) {
                if (customization instanceof Closeable closeable) {
                    try {
                        closeable.close();
                    } catch (IOException | RuntimeException e) {
                        System.getLogger(TieredJCache.class.getName()).log(System.Logger.Level.WARNING,
                                "Cache " + name + ": closing " + customization.getClass().getName() + " failed", e);
                    }
                }
            }
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

    /**
     * Iterates the live entries of both layers (cluster-wide, from a snapshot: {@link TieredStore#entries}) whose key
     * is of the cache's key type. {@code remove} removes the last entry returned from the cache.
     */
    @Override
    public Iterator<Cache.Entry<K, V>> iterator() {
        requireOpen();
        Iterator<Cache.Entry<K, V>> snapshot = entries(false).iterator();
        return new Iterator<>() {
            private Cache.Entry<K, V> last;

            @Override
            public boolean hasNext() {
                return snapshot.hasNext();
            }

            @Override
            public Cache.Entry<K, V> next() {
                if (!snapshot.hasNext()) {
                    throw new NoSuchElementException();
                }
                last = snapshot.next();
                store.iterated();
                if (expiry.renewsOnAccess()) {
                    accessed(KeyCodec.text(last.getKey()), last.getKey(), last.getValue());
                }
                return new TieredEntry<>(last.getKey(), copies.copy(last.getValue()));
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException("next() has not returned an entry");
                }
                TieredJCache.this.remove(last.getKey());
                last = null;
            }
        };
    }

    /** The snapshot of the store's live entries whose key is of the cache's key type ({@link TieredStore#entries}). */
    @SuppressWarnings("unchecked")
    private List<Cache.Entry<K, V>> entries(boolean whole) {
        Class<K> keyType = configuration.getKeyType();
        List<Cache.Entry<K, V>> live = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : store.entries(whole)) {
            if (keyType.isInstance(entry.getKey())) {
                live.add(new TieredEntry<>((K) entry.getKey(), (V) entry.getValue()));
            }
        }
        return live;
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        requireOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        events.register(listenerConfiguration);
        configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        requireOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        events.deregister(listenerConfiguration);
        configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
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

    private V requireValue(V value) {
        Objects.requireNonNull(value, "value");
        Class<V> type = configuration.getValueType();
        if (type != Object.class && !type.isInstance(value)) {
            throw new ClassCastException("Value " + value.getClass().getName() + " is not a " + type.getName());
        }
        return value;
    }
}
