package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.cache.ConfiguredTtls;
import io.tiercache.cache.key.KeyCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheResult;
import javax.cache.configuration.CompleteConfiguration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cache name comes from the annotation, else from {@code @CacheDefaults} on the class, else it is the
 * specification's default {@code fully.qualified.Class.method(param.Types)}.
 */
class CacheDefaultsTest {

    @ApplicationScoped
    @CacheDefaults(cacheName = "defaults-class")
    static class WithDefaults {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult
        Integer fromDefaults(String key) {
            return calls.incrementAndGet();
        }

        @CacheResult(cacheName = "defaults-own")
        Integer ownName(String key) {
            return calls.incrementAndGet();
        }
    }

    @ApplicationScoped
    static class WithoutDefaults {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult
        Integer unnamed(String key, int[] values) {
            return calls.incrementAndGet();
        }
    }

    private static WeldContainer container;

    @BeforeAll
    static void start() {
        container = Containers.start(WithDefaults.class, WithoutDefaults.class);
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void classDefaultsNameTheCacheWhenTheAnnotationDoesNot() {
        WithDefaults bean = container.select(WithDefaults.class).get();
        Integer first = bean.fromDefaults("a");
        assertEquals(first, bean.fromDefaults("a"));
        assertEquals(first, TestCaches.cache("defaults-class").get(new CanonicalCacheKey("\"a\"")));

        Integer own = bean.ownName("a");
        assertEquals(own, TestCaches.cache("defaults-own").get(new CanonicalCacheKey("\"a\"")));
    }

    @Test
    void theCachesOfTheAnnotationsExpireAtTheirConfiguredTtls() {
        WithDefaults bean = container.select(WithDefaults.class).get();
        bean.fromDefaults("ttl");
        Object key = new CanonicalCacheKey("\"ttl\"");
        long pttl = TestCaches.redisTtl(new KeyCodec("defaults-class").redisKey(KeyCodec.text(key)));
        assertTrue(pttl > 3_500_000 && pttl <= 3_600_000, "the engine-wide l2.ttl (1h), was " + pttl);
        assertEquals(new ConfiguredTtls(), TestCaches.cache("defaults-class")
                .getConfiguration(CompleteConfiguration.class).getExpiryPolicyFactory());
    }

    @Test
    void withoutAnyNameTheCacheIsNamedAfterTheMethod() {
        WithoutDefaults bean = container.select(WithoutDefaults.class).get();
        Integer first = bean.unnamed("b", new int[] {1, 2});
        assertEquals(first, bean.unnamed("b", new int[] {1, 2}));
        var cache = TestCaches.cache(
                "io.tiercache.cache.annotation.CacheDefaultsTest$WithoutDefaults.unnamed(java.lang.String,[I)");
        assertNotNull(cache);
        assertEquals(first, cache.get(new CanonicalCacheKey("\"b\",[1,2]")));
    }
}
