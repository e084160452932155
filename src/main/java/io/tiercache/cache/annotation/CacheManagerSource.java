package io.tiercache.cache.annotation;

import javax.cache.CacheManager;
import javax.cache.Caching;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where annotated methods find their caches unless a {@code cacheResolverFactory} says otherwise: the default
 * {@link CacheManager} of the tiered provider, selected by class name because Hazelcast and Redisson register
 * JCache providers of their own. A runtime or a test that needs another provider replaces this bean with a
 * CDI alternative that overrides {@link #cacheManager()}.
 */
@ApplicationScoped
public class CacheManagerSource {

    /** Class name of the tiered caching provider. */
    public static final String TIERED_PROVIDER = "io.tiercache.cache.spi.TieredCachingProvider";

    /** The cache manager to resolve caches from; the provider keeps it open and returns the same one. */
    public CacheManager cacheManager() {
        return Caching.getCachingProvider(TIERED_PROVIDER).getCacheManager();
    }
}
