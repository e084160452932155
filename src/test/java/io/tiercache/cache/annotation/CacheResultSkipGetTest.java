package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @CacheResult(skipGet = true)} always runs the method and refreshes the cache with its result. */
class CacheResultSkipGetTest {

    @ApplicationScoped
    static class Prices {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "result-skip-get", skipGet = true)
        Integer refresh(String symbol) {
            return calls.incrementAndGet();
        }

        @CacheResult(cacheName = "result-skip-get")
        Integer read(String symbol) {
            return -calls.incrementAndGet();
        }

        int calls() {
            return calls.get();
        }
    }

    private static WeldContainer container;
    private static Prices prices;

    @BeforeAll
    static void start() {
        container = Containers.start(Prices.class);
        prices = container.select(Prices.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void skipGetRunsEveryTimeAndStoresTheResult() {
        assertEquals(1, prices.refresh("BTC"));
        assertEquals(2, prices.refresh("BTC"));
        assertEquals(2, prices.calls());
        assertEquals(2, prices.read("BTC"));
        assertEquals(2, prices.calls());
        assertEquals(2, TestCaches.cache("result-skip-get").get(new CanonicalCacheKey("\"BTC\"")));
    }
}
