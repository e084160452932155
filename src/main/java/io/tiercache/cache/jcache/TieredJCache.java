package io.tiercache.cache.jcache;

import java.util.ArrayList;
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

import io.tiercache.cache.TieredCache;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.stats.StatisticsRecorder;
import io.tiercache.cache.TieredCacheStatistics;
import io.tiercache.cache.store.TieredStore;

/**
 * The tiered {@link Cache}: the JCache face of a {@link TieredStore}. It checks the arguments (open cache, non-null
 * keys and values of the configured types), reduces keys to their stable text ({@link KeyCodec}), runs read-through
 * loading and leaves reads, writes, fencing and statistics to the store; see there for the layers, the coherence
 * rules and the blocking bounds.
 *
 * <p><b>Serialization</b>: values are stored in Hazelcast inside an {@code L1Entry} (Java serialization under
 * Hazelcast's class filter) and in Redis through the allowlist codec. A near-cache hit returns the same value instance
 * to every caller: values must be immutable. Entries are therefore stored by value between members and by reference
 * within one.
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
    private final Function<Object, Object> readThrough;
    private final Consumer<TieredJCache<K, V>> onClose;
    private volatile boolean closed;

    /** @param onClose called once when the cache is closed */
    @SuppressWarnings("unchecked")
    public TieredJCache(String name, CacheManager manager, MutableConfiguration<K, V> configuration, TieredStore store,
                        Consumer<TieredJCache<K, V>> onClose) {
        this.name = name;
        this.manager = manager;
        this.configuration = configuration;
        this.store = store;
        this.onClose = onClose;
        if (configuration.isReadThrough() && configuration.getCacheLoaderFactory() != null) {
            CacheLoader<K, V> loader = configuration.getCacheLoaderFactory().create();
            this.readThrough = key -> loader.load((K) key);
        } else {
            this.readThrough = null;
        }
    }

    // ---- reads ----

    @Override
    @SuppressWarnings("unchecked")
    public V get(K key) {
        requireOpen();
        return (V) store.get(KeyCodec.text(requireKey(key)), key, readThrough);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        requireOpen();
        Objects.requireNonNull(loader, "loader");
        return (V) store.get(KeyCodec.text(requireKey(key)), key, k -> {
            V value = loader.apply((K) k);
            if (value != null) {
                requireValue(value);
            }
            return value;
        });
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
        return store.containsKey(KeyCodec.text(requireKey(key)));
    }

    // ---- writes ----

    @Override
    public void put(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        store.put(text, key, requireValue(value));
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        requireOpen();
        Map<String, Map.Entry<?, ?>> byText = new HashMap<>();
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            requireValue(entry.getValue());
            byText.put(KeyCodec.text(requireKey(entry.getKey())), entry);
        }
        store.putAll(byText);
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        return store.putIfAbsent(text, key, requireValue(value));
    }

    @Override
    public boolean remove(K key) {
        requireOpen();
        return store.remove(List.of(KeyCodec.text(requireKey(key)))) > 0;
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        requireOpen();
        Set<String> texts = new HashSet<>();
        for (K key : keys) {
            texts.add(KeyCodec.text(requireKey(key)));
        }
        store.remove(texts);
    }

    @Override
    public void removeAll() {
        requireOpen();
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
        for (Map.Entry<Object, Object> entry : store.l1Entries()) {
            live.add(new SimpleEntry<>((K) entry.getKey(), (V) entry.getValue()));
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

    private V requireValue(V value) {
        Objects.requireNonNull(value, "value");
        Class<V> type = configuration.getValueType();
        if (type != Object.class && !type.isInstance(value)) {
            throw new ClassCastException("Value " + value.getClass().getName() + " is not a " + type.getName());
        }
        return value;
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
