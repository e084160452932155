package io.tiercache.cache.annotation;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * Where annotated methods find their caches unless a {@code cacheResolverFactory} says otherwise: the default
 * {@link CacheManager} of the tiered provider, selected by class name because Hazelcast and Redisson register
 * JCache providers of their own. A runtime or a test that needs another provider replaces this bean with a
 * CDI alternative that overrides {@link #cacheManager()}.
 *
 * <p>When the application stops, the cache manager this bean opened is closed, which shuts down its Hazelcast
 * member and Redis client: an undeployed or redeployed WAR leaves none of them running. From then on this bean
 * refuses to open another one, so that a late caller (a metrics gauge, a health check, the cache warmer, a bean
 * still being destroyed) cannot bring the engine back to life for an application that is gone.
 *
 * <p>Thread-safe: opening and closing are serialised, so a manager being opened when the application stops is
 * closed too.
 */
@ApplicationScoped
public class CacheManagerSource {

    /** Class name of the tiered caching provider. */
    public static final String TIERED_PROVIDER = "io.tiercache.cache.spi.TieredCachingProvider";

    private volatile CacheManager manager;
    private volatile boolean stopped;

    /**
     * The cache manager to resolve caches from: the provider's default one for the thread's context class loader
     * (the application's), looked up on first use and again if something else has closed it.
     *
     * @throws IllegalStateException once the application has stopped
     */
    public CacheManager cacheManager() {
        CacheManager current = manager;
        return current != null && !current.isClosed() ? current : open();
    }

    private synchronized CacheManager open() {
        if (stopped) {
            throw new IllegalStateException("The application has stopped: its tiered cache manager is closed and is "
                    + "not started again");
        }
        if (manager == null || manager.isClosed()) {
            manager = Caching.getCachingProvider(TIERED_PROVIDER).getCacheManager();
        }
        return manager;
    }

    /** Whether the application has stopped, so that {@link #cacheManager()} refuses (late callers check first). */
    public boolean stopped() {
        return stopped;
    }

    @PreDestroy
    synchronized void close() {
        stopped = true;
        if (manager != null) {
            manager.close();
        }
    }
}
