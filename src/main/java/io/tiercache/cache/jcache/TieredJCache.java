package io.tiercache.cache.jcache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
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
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.EventType;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheStatistics;
import io.tiercache.cache.event.EventDispatcher;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.stats.StatisticsRecorder;
import io.tiercache.cache.store.Mutation;
import io.tiercache.cache.store.TieredStore;

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
 * the cache changes, under the key's lock, and when it fails the cache is left unchanged and the failure is a
 * {@code CacheWriterException}. <b>Expiry</b> (&sect;6): the {@code ExpiryPolicy} gives each stored entry its life
 * (creation or update duration, at most the cache's L1 and L2 TTLs; zero stores nothing), and an access duration
 * renews it on a hit. Customizations that are {@link Closeable} are closed with the cache.
 *
 * <p><b>Serialization</b>: values are stored in Hazelcast inside an {@code L1Entry} (Java serialization under
 * Hazelcast's class filter) and in Redis through the allowlist codec. Store-by-value (the JCache default, &sect;2.2):
 * a value read from the near cache is handed out as a copy; store-by-reference hands out the near cache's instance
 * itself (values must then be immutable).
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
    private final Function<Object, Object> readThrough;
    private final CacheWriter<K, V> writer;
    private final ExpiryPolicy expiry;
    private final boolean expiryKnowsUpdates;
    private final EventDispatcher<K, V> events;
    private final Consumer<TieredJCache<K, V>> onClose;
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
        this.readThrough = configuration.isReadThrough() && loader != null ? key -> load((K) key) : null;
        this.writer = configuration.isWriteThrough() && configuration.getCacheWriterFactory() != null
                ? (CacheWriter<K, V>) configuration.getCacheWriterFactory().create() : null;
        this.expiry = configuration.getExpiryPolicyFactory().create();
        this.expiryKnowsUpdates = !(expiry instanceof EternalExpiryPolicy);
        this.events = new EventDispatcher<>(this, hazelcast);
        configuration.getCacheEntryListenerConfigurations().forEach(events::register);
    }

    /**
     * Runs an atomic operation of the store on the entry of {@code text} and reports the change it made to the
     * entry listeners while the key is still locked (&sect;8.4: events of one key in the order of its changes).
     */
    @SuppressWarnings("unchecked")
    private Mutation update(String text, K key, boolean countGet, Function<Supplier<Object>, Mutation> decide) {
        if (!events.active()) {
            return store.update(text, key, countGet, decide, applied -> { });
        }
        Object[] old = new Object[1];
        boolean[] read = new boolean[1];
        return store.update(text, key, countGet, current -> {
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
        V value = (V) store.get(text, key, readThrough);
        if (value != null) {
            accessed(text, key, value);
        }
        return copy(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        requireOpen();
        Objects.requireNonNull(loader, "loader");
        return copy((V) store.get(KeyCodec.text(requireKey(key)), key, k -> {
            V value = loader.apply((K) k);
            if (value != null) {
                requireValue(value);
            }
            return value;
        }));
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

    /** Renews the life of an entry that was read, when the expiry policy has an access duration (&sect;6.1). */
    private void accessed(String text, K key, V value) {
        Duration access = expiry.getExpiryForAccess();
        if (access != null) {
            long ttl = millis(access);
            update(text, key, false, current -> current.get() == null ? Mutation.none()
                    : ttl == 0 ? Mutation.expire() : Mutation.touch(value, ttl));
        }
    }

    // ---- writes ----

    @Override
    public void put(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        update(text, key, false, current -> {
            boolean existed = expiryKnowsUpdates && current.get() != null;
            write(key, value);
            return stored(value, existed);
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
        CacheWriterException failure = null;
        if (writer != null && !entries.isEmpty()) {
            Collection<Cache.Entry<? extends K, ? extends V>> unwritten = new ArrayList<>();
            entries.forEach((key, value) -> unwritten.add(new TieredEntry<>(key, value)));
            try {
                writer.writeAll(unwritten);
            } catch (RuntimeException e) {
                failure = writerFailure(e);
                unwritten.forEach(entry -> byText.remove(KeyCodec.text(entry.getKey())));
            }
        }
        if (events.active() || expiryKnowsUpdates) {
            byText.forEach((text, entry) -> update(text, (K) entry.getKey(), false,
                    current -> stored(entry.getValue(), current.get() != null)));
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
            write(key, value);
            return stored(value, false);
        }).kind() == Mutation.Kind.PUT;
    }

    @Override
    public V getAndPut(K key, V value) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        requireValue(value);
        return previous(text, key, old -> {
            write(key, value);
            return stored(value, old != null);
        });
    }

    @Override
    public boolean remove(K key) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        if (writer == null && !events.active()) {
            return store.remove(List.of(text)) > 0;
        }
        return update(text, key, false, current -> {
            boolean existed = current.get() != null;
            delete(key);
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
                return accessedInPlace(value);
            }
            delete(key);
            return Mutation.remove();
        }).kind() == Mutation.Kind.REMOVE;
    }

    @Override
    public V getAndRemove(K key) {
        requireOpen();
        String text = KeyCodec.text(requireKey(key));
        return previous(text, key, old -> {
            delete(key);
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
                return accessedInPlace(value);
            }
            write(key, newValue);
            return stored(newValue, true);
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
            write(key, value);
            return stored(value, true);
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
            write(key, value);
            return stored(value, true);
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
        CacheWriterException failure = null;
        if (writer != null && !keys.isEmpty()) {
            Collection<Object> undeleted = new ArrayList<>(keys);
            try {
                writer.deleteAll(undeleted);
            } catch (RuntimeException e) {
                failure = writerFailure(e);
                undeleted.forEach(key -> texts.remove(KeyCodec.text(key)));
            }
        }
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

    @Override
    public void removeAll() {
        requireOpen();
        if (writer != null) {
            Set<K> keys = new HashSet<>();
            iterator().forEachRemaining(entry -> keys.add(entry.getKey()));
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
                    readThrough == null ? null : this::load);
            try {
                result.add(entryProcessor.process(entry, arguments));
                boolean existed = entry.existed();
                return switch (entry.change()) {
                    case NONE -> existed && entry.accessed() ? accessedInPlace(entry.value()) : Mutation.none();
                    case LOADED -> stored(entry.value(), false);
                    case PUT -> {
                        requireValue(entry.value());
                        write(key, entry.value());
                        yield stored(entry.value(), entry.existed());
                    }
                    case REMOVE -> {
                        delete(key);
                        yield existed ? Mutation.remove() : Mutation.none();
                    }
                };
            } catch (EntryProcessorException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new EntryProcessorException(e);
            }
        });
        return result.isEmpty() ? null : copy(result.get(0));
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
                                current -> stored(value, expiryKnowsUpdates && current.get() != null));
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

    private void write(K key, V value) {
        if (writer != null) {
            try {
                writer.write(new TieredEntry<>(key, value));
            } catch (RuntimeException e) {
                throw writerFailure(e);
            }
        }
    }

    private void delete(K key) {
        if (writer != null) {
            try {
                writer.delete(key);
            } catch (RuntimeException e) {
                throw writerFailure(e);
            }
        }
    }

    private static CacheWriterException writerFailure(RuntimeException e) {
        return e instanceof CacheWriterException writerException ? writerException : new CacheWriterException(e);
    }

    // ---- expiry ----

    /** The mutation that stores {@code value} with the life the expiry policy gives it (&sect;6.1). */
    private Mutation stored(Object value, boolean existed) {
        Duration duration = existed ? expiry.getExpiryForUpdate() : expiry.getExpiryForCreation();
        if (duration == null) {
            return Mutation.put(value);
        }
        long ttl = millis(duration);
        if (ttl == 0) {
            return existed ? Mutation.expire() : Mutation.none();
        }
        return Mutation.put(value, ttl);
    }

    /** An access of an entry inside an atomic operation that leaves it otherwise unchanged. */
    private Mutation accessedInPlace(Object value) {
        Duration access = expiry.getExpiryForAccess();
        if (access == null) {
            return Mutation.none();
        }
        long ttl = millis(access);
        return ttl == 0 ? Mutation.expire() : Mutation.touch(value, ttl);
    }

    /** A JCache duration in milliseconds: -1 for eternal (the cache's own TTLs), 0 for zero. */
    private static long millis(Duration duration) {
        if (duration.isEternal()) {
            return -1;
        }
        return Math.max(duration.isZero() ? 0 : 1, duration.getTimeUnit().toMillis(duration.getDurationAmount()));
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
            events.close();
            for (Object customization : new Object[] {loader, writer, expiry}) {
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
     * Iterates the live entries of L1 (cluster-wide, from a snapshot); entries only in Redis are not visited.
     * {@code remove} removes the last entry returned from the cache.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Iterator<Cache.Entry<K, V>> iterator() {
        requireOpen();
        List<Cache.Entry<K, V>> live = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : store.l1Entries()) {
            live.add(new TieredEntry<>((K) entry.getKey(), (V) entry.getValue()));
        }
        Iterator<Cache.Entry<K, V>> snapshot = live.iterator();
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
                if (expiry.getExpiryForAccess() != null) {
                    accessed(KeyCodec.text(last.getKey()), last.getKey(), last.getValue());
                }
                return new TieredEntry<>(last.getKey(), copy(last.getValue()));
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

    /**
     * A copy of {@code value} on a store-by-value cache (&sect;2.2: what the caller gets cannot change the cached
     * value), made by Java serialization; {@code value} itself on a store-by-reference cache.
     */
    @SuppressWarnings("unchecked")
    private <T> T copy(T value) {
        if (value == null || !configuration.isStoreByValue() || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?>) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new CacheException("Cache " + name + ": a value cannot be copied: " + e, e);
        }
        ClassLoader classLoader = manager.getClassLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass type) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(type.getName(), false, classLoader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(type);
                }
            }
        }) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new CacheException("Cache " + name + ": a value cannot be copied: " + e, e);
        }
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
