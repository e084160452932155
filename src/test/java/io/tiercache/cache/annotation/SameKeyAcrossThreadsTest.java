package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two threads passing equal (not identical) arguments build the same key: the second call is a hit, and the
 * entry sits under the documented key text.
 */
class SameKeyAcrossThreadsTest {

    enum Frequency { DAILY, WEEKLY }

    record Window(LocalDate from, LocalDate to) {
    }

    @ApplicationScoped
    static class Equity {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "same-key")
        Integer curve(String strategy, Window window, Frequency frequency, List<String> symbols) {
            return calls.incrementAndGet();
        }

        int calls() {
            return calls.get();
        }
    }

    private static WeldContainer container;
    private static Equity equity;

    @BeforeAll
    static void start() {
        container = Containers.start(Equity.class);
        equity = container.select(Equity.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    private static Integer callOnNewThread() throws Exception {
        return CompletableFuture.supplyAsync(() -> equity.curve(new String("trend"),
                new Window(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-06-30")),
                Frequency.DAILY, List.of(new String("ES"), new String("NQ")))).get();
    }

    @Test
    void equalArgumentsOnTwoThreadsShareOneEntry() throws Exception {
        Integer first = callOnNewThread();
        assertEquals(first, callOnNewThread());
        assertEquals(1, equity.calls());
        assertEquals(first, TestCaches.cache("same-key").get(new CanonicalCacheKey(
                "\"trend\",Window(from=2024-01-01,to=2024-06-30),DAILY,[\"ES\",\"NQ\"]")));
    }
}
