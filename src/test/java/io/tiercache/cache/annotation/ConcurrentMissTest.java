package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Concurrent misses of one key run the method once (the tiered cache's single flight) and share its result. */
class ConcurrentMissTest {

    static final int THREADS = 8;

    @ApplicationScoped
    static class Simulations {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "concurrent-miss")
        String simulate(long backtestId) throws InterruptedException {
            int call = calls.incrementAndGet();
            Thread.sleep(300);
            return backtestId + "#" + call;
        }

        int calls() {
            return calls.get();
        }
    }

    private static WeldContainer container;
    private static Simulations simulations;

    @BeforeAll
    static void start() {
        container = Containers.start(Simulations.class);
        simulations = container.select(Simulations.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void concurrentMissesOfOneKeyRunTheMethodOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return simulations.simulate(42);
                }));
            }
            for (Future<String> result : results) {
                assertEquals("42#1", result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, simulations.calls());
        } finally {
            pool.shutdownNow();
        }
    }
}
