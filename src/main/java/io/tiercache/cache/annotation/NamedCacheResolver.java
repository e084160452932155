package io.tiercache.cache.annotation;

import io.tiercache.cache.ConfiguredTtls;
import java.lang.annotation.Annotation;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheResolver;
import javax.cache.configuration.MutableConfiguration;

/**
 * Resolves one cache by name, creating it when it does not exist yet with a default {@link MutableConfiguration}
 * stored by reference whose entries expire at the TTLs configured for the cache ({@link ConfiguredTtls}). Keeps the
 * cache it found and looks it up again once that one is closed, so a cache destroyed (or whose manager was closed)
 * and re-created is found again. Thread-safe: of two threads creating the same cache, the loser reads the winner's.
 */
final class NamedCacheResolver implements CacheResolver {

    private final CacheManagerSource source;
    private final String name;
    private volatile Cache<?, ?> found;

    NamedCacheResolver(CacheManagerSource source, String name) {
        this.source = source;
        this.name = name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> resolveCache(CacheInvocationContext<? extends Annotation> context) {
        Cache<?, ?> known = found;
        if (known == null || known.isClosed()) {
            known = lookUp();
            found = known;
        }
        return (Cache<K, V>) known;
    }

    private <K, V> Cache<K, V> lookUp() {
        CacheManager manager = source.cacheManager();
        Cache<K, V> cache = manager.getCache(name);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, new MutableConfiguration<K, V>().setStoreByValue(false)
                    .setExpiryPolicyFactory(new ConfiguredTtls()));
        } catch (CacheException alreadyCreated) {
            Cache<K, V> existing = manager.getCache(name);
            if (existing == null) {
                throw alreadyCreated;
            }
            return existing;
        }
    }
}
