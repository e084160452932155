package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.annotation.Annotation;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.configuration.MutableConfiguration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@code cacheResolverFactory} is honoured: it decides which cache an annotated method works on. */
class CustomResolverFactoryTest {

    /** Sends every method to the cache {@code "resolved-" + cacheName}. */
    public static final class PrefixingResolverFactory implements CacheResolverFactory {
        @Override
        public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
            return new CacheResolver() {
                @Override
                public <K, V> Cache<K, V> resolveCache(CacheInvocationContext<? extends Annotation> context) {
                    String name = "resolved-" + context.getCacheName();
                    Cache<K, V> cache = TestCaches.cacheManager().getCache(name);
                    return cache != null ? cache
                            : TestCaches.cacheManager().createCache(name, new MutableConfiguration<K, V>());
                }
            };
        }

        @Override
        public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
            throw new UnsupportedOperationException();
        }
    }

    @ApplicationScoped
    static class Curves {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "curve", cacheResolverFactory = PrefixingResolverFactory.class)
        Integer curve(long id) {
            return calls.incrementAndGet();
        }
    }

    private static WeldContainer container;

    @BeforeAll
    static void start() {
        container = Containers.start(Curves.class);
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void resolverFactoryChoosesTheCache() {
        Curves curves = container.select(Curves.class).get();
        Integer first = curves.curve(9);
        assertEquals(first, curves.curve(9));
        assertEquals(first, TestCaches.cache("resolved-curve").get(new CanonicalCacheKey("9")));
        assertNull(TestCaches.cache("curve"));
    }
}
