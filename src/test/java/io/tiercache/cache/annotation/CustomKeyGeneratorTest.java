package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.GeneratedCacheKey;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code cacheKeyGenerator} is honoured, from the annotation or from {@code @CacheDefaults}: taken as the CDI
 * bean of its type when it is one (with its injections), else made with its no-argument constructor.
 */
class CustomKeyGeneratorTest {

    @ApplicationScoped
    static class Prefix {
        String value() {
            return "bean:";
        }
    }

    /** A key generator that is a CDI bean. */
    @ApplicationScoped
    static class BeanKeyGenerator implements CacheKeyGenerator {
        @Inject
        Prefix prefix;

        @Override
        public GeneratedCacheKey generateCacheKey(CacheKeyInvocationContext<? extends Annotation> context) {
            return new CanonicalCacheKey(prefix.value() + context.getKeyParameters()[0].getValue());
        }
    }

    /** A key generator that is not a bean. */
    public static final class PlainKeyGenerator implements CacheKeyGenerator {
        @Override
        public GeneratedCacheKey generateCacheKey(CacheKeyInvocationContext<? extends Annotation> context) {
            return new CanonicalCacheKey("plain:" + context.getKeyParameters()[0].getValue());
        }
    }

    @ApplicationScoped
    @CacheDefaults(cacheKeyGenerator = PlainKeyGenerator.class)
    static class Reports {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "custom-key", cacheKeyGenerator = BeanKeyGenerator.class)
        Integer byBean(String name) {
            return calls.incrementAndGet();
        }

        @CacheResult(cacheName = "custom-key")
        Integer byDefaults(String name) {
            return calls.incrementAndGet();
        }
    }

    private static WeldContainer container;
    private static Reports reports;

    @BeforeAll
    static void start() {
        container = Containers.start(Reports.class, Prefix.class, BeanKeyGenerator.class);
        reports = container.select(Reports.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void beanKeyGeneratorIsInjectedAndUsed() {
        Integer first = reports.byBean("x");
        assertEquals(first, reports.byBean("x"));
        assertEquals(first, TestCaches.cache("custom-key").get(new CanonicalCacheKey("bean:x")));
    }

    @Test
    void keyGeneratorOfTheClassDefaultsIsConstructed() {
        Integer first = reports.byDefaults("y");
        assertEquals(first, reports.byDefaults("y"));
        assertEquals(first, TestCaches.cache("custom-key").get(new CanonicalCacheKey("plain:y")));
    }
}
