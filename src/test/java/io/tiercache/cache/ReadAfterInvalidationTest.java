package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.embedded.RedisServer;

/**
 * A read that starts after an invalidation returned never gets the value of a load that began before it, whichever
 * operation invalidated and on whichever member: thread 1 on member A loads "old" and blocks; the invalidation runs
 * and returns; thread 2 on member A then reads with a loader that yields "new" and must get "new" (or the value the
 * invalidating put wrote), not join the overtaken load.
 */
class ReadAfterInvalidationTest {

    private static RedisServer redis;
    private static TieredCacheManager memberA;
    private static TieredCacheManager memberB;
    private static ExecutorService pool;

    @BeforeAll
    static void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        List<TieredCacheManager> members = EngineFixture.clusterOfTwo("read-after-invalidation", redisPort);
        memberA = members.get(0);
        memberB = members.get(1);
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        memberB.close();
        memberA.close();
        EngineFixture.stop(redis);
    }

    /** The invalidating operations, each with the value a read must see afterwards. */
    enum Invalidation {
        REMOVE("new", (cache, key) -> cache.remove(key)),
        REMOVE_KEYS("new", (cache, key) -> cache.removeAll(Set.of(key))),
        REMOVE_ALL("new", (cache, key) -> cache.removeAll()),
        CLEAR("new", (cache, key) -> cache.clear()),
        PATTERN("new", (cache, key) -> cache.invalidatePattern("k*")),
        PUT("put", (cache, key) -> cache.put(key, "put")),
        PUT_ALL("put", (cache, key) -> cache.putAll(java.util.Map.of(key, "put")));

        final String expected;
        final BiConsumer<TieredCache<String, String>, String> run;

        Invalidation(String expected, BiConsumer<TieredCache<String, String>, String> run) {
            this.expected = expected;
            this.run = run;
        }
    }

    private static TieredCache<String, String> cache(TieredCacheManager manager, String name) {
        TieredCache<String, String> existing = manager.getCache(name, String.class, String.class) == null ? null
                : manager.getCache(name, String.class, String.class).unwrap(TieredCache.class);
        return existing != null ? existing : manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    @ParameterizedTest
    @EnumSource(Invalidation.class)
    void onTheSameMember(Invalidation invalidation) throws Exception {
        check(invalidation, "same-" + invalidation.name().toLowerCase(), true);
    }

    @ParameterizedTest
    @EnumSource(Invalidation.class)
    void onAnotherMember(Invalidation invalidation) throws Exception {
        check(invalidation, "other-" + invalidation.name().toLowerCase(), false);
    }

    private static void check(Invalidation invalidation, String name, boolean sameMember) throws Exception {
        TieredCache<String, String> a = cache(memberA, name);
        TieredCache<String, String> writer = sameMember ? a : cache(memberB, name);
        String key = "k1";
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> overtaken = CompletableFuture.supplyAsync(() -> a.getOrLoad(key, k -> {
            loading.countDown();
            await(release);
            return "old";
        }), pool);
        assertTrue(loading.await(10, TimeUnit.SECONDS), "the first load started");

        invalidation.run.accept(writer, key);

        CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> a.getOrLoad(key, k -> "new"), pool);
        try {
            later.get(300, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // it joined the overtaken load: release it and see what it is handed
        }
        release.countDown();
        assertEquals("old", overtaken.get(10, TimeUnit.SECONDS), "the overtaken load returns what it loaded");
        assertEquals(invalidation.expected, later.get(10, TimeUnit.SECONDS),
                "a read that started after " + invalidation + " returned");
        assertEquals(invalidation.expected, a.get(key), "and the overtaken load stored nothing");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
