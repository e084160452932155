package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@code null} result is returned but not cached: the next call runs the method again. */
class CacheResultNullTest {

    @ApplicationScoped
    static class Lookup {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "result-null")
        String find(String name) {
            calls.incrementAndGet();
            return null;
        }

        int calls() {
            return calls.get();
        }
    }

    private static WeldContainer container;
    private static Lookup lookup;

    @BeforeAll
    static void start() {
        container = Containers.start(Lookup.class);
        lookup = container.select(Lookup.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void nullIsNotCached() {
        assertNull(lookup.find("missing"));
        assertNull(lookup.find("missing"));
        assertEquals(2, lookup.calls());
        assertFalse(TestCaches.cache("result-null").containsKey(new CanonicalCacheKey("\"missing\"")));
    }
}
