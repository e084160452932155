package io.tiercache.cache.spi;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.ConfiguredTtls;
import io.tiercache.cache.TieredCacheManager;
import io.tiercache.cache.config.CacheSettings;
import io.tiercache.cache.jcache.TieredJCache;
import io.tiercache.cache.management.JCacheConfigurationBean;
import io.tiercache.cache.management.JCacheStatistics;
import io.tiercache.cache.management.MBeans;
import io.tiercache.cache.store.TieredStore;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.redisson.api.RedissonClient;

/**
 * The {@link TieredCacheManager}: the JCache API over the caches of one {@link Engine} (a Hazelcast instance and a
 * Redisson client, started with the manager and shut down when it is closed). Its settings come from the properties
 * given to the provider, then MicroProfile Config (see {@link io.tiercache.cache.config.EngineSettings}).
 *
 * <p>Caches are created with {@link #createCache}; a cache is cluster-wide by name, so every member creates the caches
 * it uses, with the same settings. The JCache expiry policy in the configuration gives each entry its life; a cache
 * configured through MicroProfile Config keeps its TTLs as the expiry of its entries ({@link CacheSettings#ttlExpiry},
 * {@link ConfiguredTtls}).
 *
 * <p>Thread-safe.
 */
public final class TieredCacheManagerImpl implements TieredCacheManager {

    private final TieredCachingProvider provider;
    private final URI uri;
    private final ClassLoader classLoader;
    private final Properties properties;
    private final Engine engine;
    private final Map<String, TieredJCache<?, ?>> caches = new ConcurrentHashMap<>();
    private volatile boolean closed;

    TieredCacheManagerImpl(TieredCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties) {
        this.provider = provider;
        this.uri = uri;
        this.classLoader = classLoader;
        this.properties = properties;
        this.engine = Engine.start(properties, classLoader);
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        requireOpen();
        MutableConfiguration<K, V> copy = copyOf(configuration);
        CacheSettings configured = CacheSettings.of(engine.source(), cacheName);
        CacheSettings cacheSettings = copy.getExpiryPolicyFactory() instanceof ConfiguredTtls
                ? configured.withTtlExpiry() : configured;
        TieredJCache<K, V> cache;
        synchronized (this) {
            if (caches.containsKey(cacheName)) {
                throw new CacheException("Cache " + cacheName + " already exists");
            }
            TieredStore store = engine.openStore(cacheName, cacheSettings);
            cache = new TieredJCache<>(cacheName, this, copy, store, engine.hazelcast(), this::closed);
            caches.put(cacheName, cache);
        }
        if (copy.isStatisticsEnabled()) {
            enableStatistics(cacheName, true);
        }
        if (copy.isManagementEnabled()) {
            enableManagement(cacheName, true);
        }
        return cache;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> MutableConfiguration<K, V> copyOf(Configuration<K, V> configuration) {
        if (configuration instanceof CompleteConfiguration<K, V> complete) {
            return new MutableConfiguration<>(complete);
        }
        return new MutableConfiguration<K, V>().setTypes(configuration.getKeyType(), configuration.getValueType())
                .setStoreByValue(configuration.isStoreByValue());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
        requireOpen();
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        TieredJCache<?, ?> cache = caches.get(cacheName);
        if (cache == null) {
            return null;
        }
        CompleteConfiguration<?, ?> configuration = cache.configuration();
        if (configuration.getKeyType() != keyType || configuration.getValueType() != valueType) {
            throw new ClassCastException("Cache " + cacheName + " has types " + configuration.getKeyType().getName()
                    + "/" + configuration.getValueType().getName());
        }
        return (Cache<K, V>) cache;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String cacheName) {
        requireOpen();
        return (Cache<K, V>) caches.get(cacheName);
    }

    @Override
    public Iterable<String> getCacheNames() {
        requireOpen();
        return Set.copyOf(caches.keySet());
    }

    /** Empties the cache in both layers on every member and closes it here. */
    @Override
    public void destroyCache(String cacheName) {
        requireOpen();
        TieredJCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.clear();
            cache.close();
        }
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        TieredJCache<?, ?> cache = require(cacheName);
        cache.managementEnabled(enabled);
        if (enabled) {
            MBeans.register(new JCacheConfigurationBean(cache.configuration()), "CacheConfiguration", uri.toString(),
                    cacheName);
        } else {
            MBeans.unregister("CacheConfiguration", uri.toString(), cacheName);
        }
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        TieredJCache<?, ?> cache = require(cacheName);
        cache.statisticsEnabled(enabled);
        if (enabled) {
            MBeans.register(new JCacheStatistics(cache.statistics()), "CacheStatistics", uri.toString(), cacheName);
        } else {
            MBeans.unregister("CacheStatistics", uri.toString(), cacheName);
        }
    }

    private TieredJCache<?, ?> require(String cacheName) {
        requireOpen();
        TieredJCache<?, ?> cache = caches.get(cacheName);
        if (cache == null) {
            throw new IllegalArgumentException("No cache " + cacheName);
        }
        return cache;
    }

    private synchronized void closed(TieredJCache<?, ?> cache) {
        if (caches.remove(cache.getName(), cache)) {
            engine.closeStore(cache.getName(), cache.store());
        }
        MBeans.unregister("CacheStatistics", uri.toString(), cache.getName());
        MBeans.unregister("CacheConfiguration", uri.toString(), cache.getName());
    }

    @Override
    public CachingProvider getCachingProvider() {
        return provider;
    }

    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        caches.values().forEach(TieredJCache::close);
        engine.close();
        provider.released(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Unwraps to this manager, its {@link HazelcastInstance} or its {@link RedissonClient}. */
    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(engine.hazelcast())) {
            return type.cast(engine.hazelcast());
        }
        if (type.isInstance(engine.redisson())) {
            return type.cast(engine.redisson());
        }
        throw new IllegalArgumentException("CacheManager cannot be unwrapped to " + type.getName());
    }

    @Override
    public boolean redisAvailable() {
        return engine.redisAvailable();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("CacheManager " + uri + " is closed");
        }
    }
}
