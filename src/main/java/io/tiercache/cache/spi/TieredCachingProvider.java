package io.tiercache.cache.spi;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * The JCache provider of the tiered cache. Select it by name, since Hazelcast and Redisson register providers too:
 * {@code Caching.getCachingProvider("io.tiercache.cache.spi.TieredCachingProvider")}.
 *
 * <p>One {@link TieredCacheManagerImpl} per (class loader, URI); its properties, given on first request, override
 * MicroProfile Config for that manager (e.g. a Hazelcast port per manager, to run several members in one JVM).
 *
 * <p>Thread-safe (managers are created and released under this provider's lock).
 */
public final class TieredCachingProvider implements CachingProvider {

    private static final URI DEFAULT_URI = URI.create(TieredCachingProvider.class.getName());

    private final Map<ClassLoader, Map<URI, TieredCacheManagerImpl>> managers = new WeakHashMap<>();

    @Override
    public synchronized CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        URI target = uri == null ? getDefaultURI() : uri;
        ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
        Map<URI, TieredCacheManagerImpl> byUri = managers.computeIfAbsent(loader, l -> new HashMap<>());
        TieredCacheManagerImpl manager = byUri.get(target);
        if (manager == null || manager.isClosed()) {
            manager = new TieredCacheManagerImpl(this, target, loader,
                    properties == null ? new Properties() : properties);
            byUri.put(target, manager);
        }
        return manager;
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
        return getCacheManager(uri, classLoader, getDefaultProperties());
    }

    @Override
    public CacheManager getCacheManager() {
        return getCacheManager(getDefaultURI(), getDefaultClassLoader());
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TieredCachingProvider.class.getClassLoader();
    }

    @Override
    public URI getDefaultURI() {
        return DEFAULT_URI;
    }

    @Override
    public Properties getDefaultProperties() {
        return new Properties();
    }

    @Override
    public void close() {
        for (TieredCacheManagerImpl manager : snapshot(null, null)) {
            manager.close();
        }
    }

    @Override
    public void close(ClassLoader classLoader) {
        for (TieredCacheManagerImpl manager : snapshot(classLoader, null)) {
            manager.close();
        }
    }

    @Override
    public void close(URI uri, ClassLoader classLoader) {
        for (TieredCacheManagerImpl manager : snapshot(classLoader, uri)) {
            manager.close();
        }
    }

    private synchronized java.util.List<TieredCacheManagerImpl> snapshot(ClassLoader classLoader, URI uri) {
        java.util.List<TieredCacheManagerImpl> found = new java.util.ArrayList<>();
        managers.forEach((loader, byUri) -> {
            if (classLoader == null || loader == classLoader) {
                byUri.forEach((u, m) -> {
                    if (uri == null || u.equals(uri)) {
                        found.add(m);
                    }
                });
            }
        });
        return found;
    }

    synchronized void released(TieredCacheManagerImpl manager) {
        Map<URI, TieredCacheManagerImpl> byUri = managers.get(manager.getClassLoader());
        if (byUri != null) {
            byUri.remove(manager.getURI(), manager);
        }
    }

    @Override
    public boolean isSupported(OptionalFeature feature) {
        return false;
    }
}
