package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.cache.ResultCapture;
import io.tiercache.cache.TieredCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @CacheResult}: the first call of a key runs the method, later calls of that key read the cache; the entry
 * sits in the tiered cache, in Redis under the readable key {@code tiercache:<cache>:<key text>}.
 */
class CacheResultHitMissTest {

    @ApplicationScoped
    static class Quotes {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "result-hit-miss")
        String quote(String symbol, int scale) {
            return symbol + "x" + scale + "#" + calls.incrementAndGet();
        }

        int calls() {
            return calls.get();
        }
    }

    private static WeldContainer container;
    private static Quotes quotes;

    @BeforeAll
    static void start() {
        container = Containers.start(Quotes.class);
        quotes = container.select(Quotes.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void missRunsTheMethodAndHitReadsTheCache() {
        assertEquals("EURx2#1", quotes.quote("EUR", 2));
        assertEquals("EURx2#1", quotes.quote("EUR", 2));
        assertEquals(1, quotes.calls());

        assertEquals("EURx3#2", quotes.quote("EUR", 3));
        assertEquals("USDx2#3", quotes.quote("USD", 2));
        assertEquals("EURx3#2", quotes.quote("EUR", 3));
        assertEquals(3, quotes.calls());

        var cache = TestCaches.cache("result-hit-miss");
        assertEquals("EURx2#1", cache.get(new CanonicalCacheKey("\"EUR\",2")));
        assertNotNull(cache.unwrap(TieredCache.class));
        assertTrue(TestCaches.redisHas("tiercache:result-hit-miss:\"EUR\",2"));
    }

    /**
     * A call captured by {@link ResultCapture} names the cache, the key and the value it returned, on a miss (the
     * method ran) as on a hit, so that the entry can be read again without the call.
     */
    @Test
    void aCapturedCallNamesItsEntry() {
        for (int i = 0; i < 2; i++) {
            int calls = quotes.calls();
            ResultCapture capture = ResultCapture.begin();
            String value;
            try {
                value = quotes.quote("CHF", 7);
            } finally {
                capture.end();
            }
            ResultCapture.Entry entry = capture.single();
            assertNotNull(entry, "call " + i);
            assertEquals("result-hit-miss", entry.cache().getName());
            assertEquals(new CanonicalCacheKey("\"CHF\",7"), entry.key());
            assertSame(value, entry.value());
            assertEquals(value, entry.cache().get(entry.key()));
            assertEquals(i == 0 ? 1 : 0, quotes.calls() - calls, i == 0 ? "a miss: the method ran" : "a hit");
        }
    }
}
