package io.tiercache.cache.annotation;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;

/**
 * The default {@link CacheResolverFactory}: resolves caches by name from the {@link CacheManagerSource},
 * creating each one with a default {@link javax.cache.configuration.MutableConfiguration} on first use (the
 * tiered provider applies its per-cache settings from configuration, TTLs included: see {@link NamedCacheResolver}).
 */
@Dependent
public class DefaultCacheResolverFactory implements CacheResolverFactory {

    private final CacheManagerSource source;

    @Inject
    public DefaultCacheResolverFactory(CacheManagerSource source) {
        this.source = source;
    }

    /** A factory for use outside CDI, on the tiered provider. */
    public DefaultCacheResolverFactory() {
        this(new CacheManagerSource());
    }

    @Override
    public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
        return new NamedCacheResolver(source, details.getCacheName());
    }

    @Override
    public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
        String name = details.getCacheAnnotation().exceptionCacheName();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(details.getMethod() + " names no exceptionCacheName");
        }
        return new NamedCacheResolver(source, name);
    }
}
