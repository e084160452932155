package io.tiercache.cache.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.spi.CachingProvider;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.TieredJCache;
import io.tiercache.cache.clock.MillisClock;
import io.tiercache.cache.cluster.ClusterMessenger;
import io.tiercache.cache.cluster.MemberHandler;
import io.tiercache.cache.codec.AllowlistCodec;
import io.tiercache.cache.config.CacheSettings;
import io.tiercache.cache.config.EngineSettings;
import io.tiercache.cache.config.SettingsSource;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.l1.HazelcastFactory;
import io.tiercache.cache.l1.L1Tier;
import io.tiercache.cache.l2.Generation;
import io.tiercache.cache.l2.L2Tier;
import io.tiercache.cache.l2.RedisGuard;
import io.tiercache.cache.l2.RedissonFactory;
import io.tiercache.cache.management.JCacheConfigurationBean;
import io.tiercache.cache.management.JCacheStatistics;
import io.tiercache.cache.management.MBeans;
import io.tiercache.cache.stats.StatisticsRecorder;
import org.redisson.api.RedissonClient;

/**
 * A {@link CacheManager} that owns one Hazelcast instance (member or client) and one Redisson client, started when
 * the manager is created and shut down when it is closed. Its settings come from the properties given to the
 * provider, then MicroProfile Config (see {@link EngineSettings}).
 *
 * <p>Caches are created with {@link #createCache}; a cache is cluster-wide by name, so every member creates the caches
 * it uses, with the same settings. A JCache expiry policy in the configuration caps both TTLs with its creation
 * duration; policies that change expiry on access are rejected.
 *
 * <p>Thread-safe.
 */
public final class TieredCacheManager implements CacheManager, MemberHandler {

    private final TieredCachingProvider provider;
    private final URI uri;
    private final ClassLoader classLoader;
    private final Properties properties;
    private final SettingsSource source;
    private final EngineSettings settings;
    private final AllowlistCodec codec;
    private final HazelcastInstance hazelcast;
    private final RedissonClient redisson;
    private final RedisGuard guard;
    private final ClusterMessenger messenger;
    private final IMap<String, Long> generations;
    private final Map<String, TieredJCache<?, ?>> caches = new ConcurrentHashMap<>();
    private volatile boolean closed;

    TieredCacheManager(TieredCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties) {
        this.provider = provider;
        this.uri = uri;
        this.classLoader = classLoader;
        this.properties = properties;
        this.source = SettingsSource.of(properties, classLoader);
        this.settings = EngineSettings.of(source);
        this.codec = new AllowlistCodec(settings.codecAllow(), settings.codecLimits(), classLoader);
        this.hazelcast = HazelcastFactory.start(settings, codec.allowPatterns(), classLoader);
        try {
            this.redisson = RedissonFactory.create(settings);
        } catch (RuntimeException e) {
            hazelcast.shutdown();
            throw e;
        }
        this.guard = new RedisGuard("redis-" + hazelcast.getName(), settings);
        RedissonFactory.connect(redisson, guard, settings.redisConnectTimeout());
        this.messenger = new ClusterMessenger(hazelcast, this, settings.clientMode(), settings.invalidationTimeout());
        this.generations = hazelcast.getMap("tiercache.generations");
        MillisClock.acquire();
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        requireOpen();
        MutableConfiguration<K, V> copy = copyOf(configuration);
        CacheSettings cacheSettings = CacheSettings.of(source, cacheName);
        ExpiryPolicy expiry = copy.getExpiryPolicyFactory().create();
        if (expiry.getExpiryForAccess() != null) {
            throw new UnsupportedOperationException("Cache " + cacheName
                    + ": expiry policies that change expiry on access are not supported by the tiered cache");
        }
        javax.cache.expiry.Duration creation = expiry.getExpiryForCreation();
        if (creation != null && !creation.isEternal()) {
            if (creation.isZero()) {
                throw new IllegalArgumentException("Cache " + cacheName + ": a zero creation expiry caches nothing");
            }
            cacheSettings = cacheSettings.cappedAt(Duration.ofMillis(creation.getTimeUnit()
                    .toMillis(creation.getDurationAmount())));
        }
        if (copy.isWriteThrough()) {
            throw new UnsupportedOperationException("Cache " + cacheName + ": write-through is not supported");
        }
        if (copy.getCacheEntryListenerConfigurations().iterator().hasNext()) {
            throw new UnsupportedOperationException("Cache " + cacheName + ": entry listeners are not supported");
        }
        CacheSettings effective = cacheSettings;
        TieredJCache<K, V> cache = open(cacheName, copy, effective);
        if (caches.putIfAbsent(cacheName, cache) != null) {
            throw new CacheException("Cache " + cacheName + " already exists");
        }
        if (copy.isStatisticsEnabled()) {
            enableStatistics(cacheName, true);
        }
        if (copy.isManagementEnabled()) {
            enableManagement(cacheName, true);
        }
        return cache;
    }

    private <K, V> TieredJCache<K, V> open(String cacheName, MutableConfiguration<K, V> configuration,
                                           CacheSettings cacheSettings) {
        StatisticsRecorder stats = new StatisticsRecorder(cacheName, settings.latencyStatistics(),
                settings.l1LatencySample());
        L1Tier l1 = cacheSettings.l1Enabled()
                ? L1Tier.open(hazelcast, settings.clientMode(), cacheName, cacheSettings, settings.backupCount(),
                stats.l1Evictions(), stats.l1Expirations())
                : null;
        L2Tier l2 = cacheSettings.l2Enabled()
                ? new L2Tier(redisson, guard, new KeyCodec(cacheName), codec,
                Generation.open(cacheName, generations, redisson, guard, settings.redisConnectTimeout().toNanos()),
                settings.scanCount(), settings.scanTimeout().toNanos())
                : null;
        return new TieredJCache<>(cacheName, this, configuration, cacheSettings, l1, l2, messenger, stats,
                this::closed);
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

    private void closed(TieredJCache<?, ?> cache) {
        caches.remove(cache.getName(), cache);
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
        messenger.close();
        redisson.shutdown();
        hazelcast.shutdown();
        MillisClock.release();
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
        if (type.isInstance(hazelcast)) {
            return type.cast(hazelcast);
        }
        if (type.isInstance(redisson)) {
            return type.cast(redisson);
        }
        throw new IllegalArgumentException("CacheManager cannot be unwrapped to " + type.getName());
    }

    @Override
    public void beginInvalidation(String cache, Collection<String> keys) {
        TieredJCache<?, ?> target = caches.get(cache);
        if (target != null) {
            target.beginInvalidation(keys);
        }
    }

    @Override
    public void endInvalidation(String cache, Collection<String> keys) {
        TieredJCache<?, ?> target = caches.get(cache);
        if (target != null) {
            target.endInvalidation(keys);
        }
    }

    @Override
    public void generationAdvanced(String cache, long generation) {
        TieredJCache<?, ?> target = caches.get(cache);
        if (target != null) {
            target.generationAdvanced(generation);
        }
    }

    /** Whether the Redis circuit breaker lets calls through (for health checks). */
    public boolean redisAvailable() {
        return guard.available();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("CacheManager " + uri + " is closed");
        }
    }
}
