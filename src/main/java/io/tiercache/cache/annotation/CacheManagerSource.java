package io.tiercache.cache.annotation;

import javax.cache.CacheManager;
import javax.cache.Caching;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where annotated methods find their caches unless a {@code cacheResolverFactory} says otherwise: the default
 * {@link CacheManager} of the tiered provider, selected by class name because Hazelcast and Redisson register
 * JCache providers of their own. A runtime or a test that needs another provider replaces this bean with a
 * CDI alternative that overrides {@link #cacheManager()}.
 *
 * <p>When the application stops, the cache manager this bean opened is closed, which shuts down its Hazelcast
 * member and Redis client: an undeployed or redeployed WAR leaves none of them running.
 */
@ApplicationScoped
public class CacheManagerSource {

    /** Class name of the tiered caching provider. */
    public static final String TIERED_PROVIDER = "io.tiercache.cache.spi.TieredCachingProvider";

    private volatile CacheManager manager;

    /**
     * The cache manager to resolve caches from: the provider's default one for the thread's context class loader
     * (the application's), looked up on first use and again if it has been closed.
     */
    public CacheManager cacheManager() {
        CacheManager current = manager;
        if (current == null || current.isClosed()) {
            current = Caching.getCachingProvider(TIERED_PROVIDER).getCacheManager();
            manager = current;
        }
        return current;
    }

    @PreDestroy
    void close() {
        CacheManager current = manager;
        if (current != null) {
            current.close();
        }
    }
}
