package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @CacheRemove} removes the key of its {@code @CacheKey} arguments after the call or before it; a failed
 * call removes only for {@code evictFor} exceptions.
 */
class CacheRemoveTest {

    static final String CACHE = "remove";

    @ApplicationScoped
    static class Strategies {
        private final AtomicInteger reads = new AtomicInteger();

        @CacheResult(cacheName = CACHE)
        String read(long id) {
            return id + "#" + reads.incrementAndGet();
        }

        @CacheRemove(cacheName = CACHE)
        void delete(@CacheKey long id, boolean fail) {
            if (fail) {
                throw new IllegalStateException("delete failed");
            }
        }

        @CacheRemove(cacheName = CACHE, afterInvocation = false)
        void deleteFirst(@CacheKey long id, boolean fail) {
            if (fail) {
                throw new IllegalStateException("delete failed");
            }
        }

        @CacheRemove(cacheName = CACHE, evictFor = IllegalStateException.class)
        void deleteEvenOnFailure(@CacheKey long id, boolean fail) {
            if (fail) {
                throw new IllegalStateException("delete failed");
            }
        }
    }

    private static WeldContainer container;
    private static Strategies strategies;

    @BeforeAll
    static void start() {
        container = Containers.start(Strategies.class);
        strategies = container.select(Strategies.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void removeAfterInvocationMakesTheNextReadRunTheMethod() {
        String first = strategies.read(1);
        assertEquals(first, strategies.read(1));
        String other = strategies.read(2);
        strategies.delete(1, false);
        String reloaded = strategies.read(1);
        assertEquals(reloaded, strategies.read(1));
        assertEquals(other, strategies.read(2));
        assertNotEquals(reloaded, first);
    }

    @Test
    void failedCallRemovesOnlyForEvictForExceptions() {
        String cached = strategies.read(3);
        assertThrows(IllegalStateException.class, () -> strategies.delete(3, true));
        assertEquals(cached, strategies.read(3));
        assertThrows(IllegalStateException.class, () -> strategies.deleteEvenOnFailure(3, true));
        assertNotEquals(cached, strategies.read(3));
    }

    @Test
    void removeBeforeInvocationHappensEvenWhenTheCallFails() {
        String cached = strategies.read(4);
        assertThrows(IllegalStateException.class, () -> strategies.deleteFirst(4, true));
        assertNotEquals(cached, strategies.read(4));
    }
}
