package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

class SingleFlightTest {

    private static final int CALLERS = 64;

    private static RedisServer redis;
    private static TieredCacheManager manager;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        manager = EngineFixture.manager("single-flight",
                EngineFixture.properties("single-flight", EngineFixture.freePort(), redisPort));
        pool = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        manager.close();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, String> cache(String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    private static List<Future<String>> callAtOnce(TieredCache<String, String> cache, String key,
                                                    Function<String, String> loader) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return cache.getOrLoad(key, loader);
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        return answers;
    }

    @Test
    void sixtyFourConcurrentMissesRunTheLoaderOnce() throws Exception {
        TieredCache<String, String> cache = cache("flight");
        AtomicInteger runs = new AtomicInteger();
        List<Future<String>> answers = callAtOnce(cache, "k", key -> {
            runs.incrementAndGet();
            sleep(300);
            return "value-of-" + key;
        });
        String first = answers.get(0).get(10, TimeUnit.SECONDS);
        for (Future<String> answer : answers) {
            assertSame(first, answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, runs.get());
        assertEquals("value-of-k", first);
        assertEquals(1, cache.snapshot().loads());
        assertEquals("value-of-k", cache.getOrLoad("k", key -> "not called"));
        assertEquals(1, runs.get());
    }

    @Test
    void aFailingLoaderFailsEveryWaitingCallerAndIsRetriedLater() throws Exception {
        TieredCache<String, String> cache = cache("flight-failure");
        AtomicInteger runs = new AtomicInteger();
        List<Future<String>> answers = callAtOnce(cache, "k", key -> {
            runs.incrementAndGet();
            sleep(300);
            throw new IllegalStateException("source down");
        });
        for (Future<String> answer : answers) {
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> answer.get(10, TimeUnit.SECONDS));
            assertEquals("source down", e.getCause().getMessage());
        }
        assertEquals(1, runs.get());
        assertEquals("recovered", cache.getOrLoad("k", key -> "recovered"));
        assertEquals(1, cache.snapshot().loadFailures());
    }

    @Test
    void aRecursiveLoadOfTheSameKeyFailsInsteadOfDeadlocking() {
        TieredCache<String, String> cache = cache("flight-recursive");
        assertThrows(IllegalStateException.class, () -> cache.getOrLoad("k", key -> cache.getOrLoad("k", k -> "x")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
