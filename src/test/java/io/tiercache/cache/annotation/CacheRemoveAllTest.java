package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @CacheRemoveAll} empties its cache after a successful call, and leaves other caches alone. */
class CacheRemoveAllTest {

    @ApplicationScoped
    static class Pages {
        private final AtomicInteger reads = new AtomicInteger();

        @CacheResult(cacheName = "remove-all")
        String page(int number) {
            return number + "#" + reads.incrementAndGet();
        }

        @CacheResult(cacheName = "remove-all-other")
        String other(int number) {
            return number + "#" + reads.incrementAndGet();
        }

        @CacheRemoveAll(cacheName = "remove-all")
        void clear(boolean fail) {
            if (fail) {
                throw new IllegalStateException("clear failed");
            }
        }
    }

    private static WeldContainer container;
    private static Pages pages;

    @BeforeAll
    static void start() {
        container = Containers.start(Pages.class);
        pages = container.select(Pages.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void removesEveryEntryOfItsCacheOnly() {
        String first = pages.page(0);
        String second = pages.page(1);
        String other = pages.other(0);
        assertThrows(IllegalStateException.class, () -> pages.clear(true));
        assertEquals(first, pages.page(0));

        pages.clear(false);
        assertNotEquals(first, pages.page(0));
        assertNotEquals(second, pages.page(1));
        assertEquals(other, pages.other(0));
    }
}
