package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @CachePut} stores the {@code @CacheValue} argument under the key of the {@code @CacheKey} arguments, so
 * that a {@code @CacheResult} method of the same cache reads it back; it stores after the call
 * or before it; a failed call stores only for {@code cacheFor} exceptions; a {@code null} value removes the key.
 */
class CachePutTest {

    static final String CACHE = "put";

    @ApplicationScoped
    static class Names {
        private final AtomicInteger reads = new AtomicInteger();
        private final AtomicInteger writes = new AtomicInteger();

        @CacheResult(cacheName = CACHE)
        String read(long id) {
            reads.incrementAndGet();
            return "stored-" + id;
        }

        @CachePut(cacheName = CACHE)
        void write(@CacheKey long id, @CacheValue String name, boolean fail) {
            writes.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("write failed");
            }
        }

        @CachePut(cacheName = CACHE, afterInvocation = false)
        void writeFirst(@CacheKey long id, @CacheValue String name, boolean fail) {
            writes.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("write failed");
            }
        }

        @CachePut(cacheName = CACHE, cacheFor = IllegalStateException.class)
        void writeEvenOnFailure(@CacheKey long id, @CacheValue String name, boolean fail) {
            writes.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("write failed");
            }
        }

        int reads() {
            return reads.get();
        }

        int writes() {
            return writes.get();
        }
    }

    private static WeldContainer container;
    private static Names names;

    @BeforeAll
    static void start() {
        container = Containers.start(Names.class);
        names = container.select(Names.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    private static Object cached(String key) {
        return TestCaches.cache(CACHE).get(new CanonicalCacheKey(key));
    }

    @Test
    void putAfterInvocationIsReadBack() {
        assertEquals("stored-1", names.read(1));
        int reads = names.reads();
        names.write(1, "Momentum", false);
        assertEquals("Momentum", cached("1"));
        assertEquals("Momentum", names.read(1));
        assertEquals(reads, names.reads());
    }

    @Test
    void failedCallStoresNothingUnlessCacheForSelectsTheException() {
        assertThrows(IllegalStateException.class, () -> names.write(3, "Lost", true));
        assertFalse(TestCaches.cache(CACHE).containsKey(new CanonicalCacheKey("3")));
        assertThrows(IllegalStateException.class, () -> names.writeEvenOnFailure(3, "Kept", true));
        assertEquals("Kept", cached("3"));
    }

    @Test
    void putBeforeInvocationHappensEvenWhenTheCallFails() {
        assertThrows(IllegalStateException.class, () -> names.writeFirst(4, "Early", true));
        assertEquals("Early", cached("4"));
    }

    @Test
    void nullValueRemovesTheKey() {
        names.write(5, "Value", false);
        assertEquals("Value", cached("5"));
        names.write(5, null, false);
        assertFalse(TestCaches.cache(CACHE).containsKey(new CanonicalCacheKey("5")));
    }
}
