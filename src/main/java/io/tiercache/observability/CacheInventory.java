package io.tiercache.observability;

import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheManager;
import io.tiercache.cache.annotation.CacheManagerSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * The application's tiered cache manager (the one the cache annotations use) and the caches it has created so far.
 * Caches are created on first use, so a cache appears here once something has used it. Thread-safe.
 */
@ApplicationScoped
public class CacheInventory {

    private static final System.Logger LOG = System.getLogger(CacheInventory.class.getName());

    private final CacheManagerSource source;
    private volatile String lastFailure;

    @Inject
    public CacheInventory(CacheManagerSource source) {
        this.source = source;
    }

    /** For CDI proxies only. */
    protected CacheInventory() {
        this.source = null;
    }

    /**
     * The tiered cache manager, or empty if it could not be started (the failure is logged when it first occurs,
     * not again on every later call that meets the same failure) or the application has stopped (then nothing is
     * started or logged: a gauge or health check called during or after undeploy sees no engine).
     */
    public Optional<TieredCacheManager> manager() {
        if (source.stopped()) {
            return Optional.empty();
        }
        try {
            CacheManager manager = source.cacheManager();
            lastFailure = null;
            return Optional.of(manager.unwrap(TieredCacheManager.class));
        } catch (RuntimeException e) {
            String failure = String.valueOf(e);
            if (!source.stopped() && !failure.equals(lastFailure)) {
                lastFailure = failure;
                LOG.log(Level.WARNING, "The tiered cache manager is not available", e);
            }
            return Optional.empty();
        }
    }

    /** The open caches by name, in name order. */
    public Map<String, TieredCache<?, ?>> caches() {
        Map<String, TieredCache<?, ?>> caches = new TreeMap<>();
        manager().filter(m -> !m.isClosed()).ifPresent(manager -> {
            for (String name : manager.getCacheNames()) {
                Cache<Object, Object> cache = manager.getCache(name);
                if (cache != null && !cache.isClosed()) {
                    caches.put(name, cache.unwrap(TieredCache.class));
                }
            }
        });
        return caches;
    }

    /** The open cache {@code name}, if there is one. */
    public Optional<TieredCache<?, ?>> cache(String name) {
        return manager().filter(manager -> !manager.isClosed())
                .map(manager -> manager.<Object, Object>getCache(name))
                .filter(cache -> !cache.isClosed())
                .map(cache -> cache.unwrap(TieredCache.class));
    }
}
