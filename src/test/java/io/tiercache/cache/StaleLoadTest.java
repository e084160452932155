package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Stale sets across members: member A loads a key from a "database" while a writer on member B changes the
 * database and then removes the key (as an after-commit invalidation does). A load that read the database before
 * the removal must not leave its older value in either layer: afterwards each member's cache holds nothing or the
 * current value.
 */
class StaleLoadTest {

    private static final int FORCED_ROUNDS = 200;
    private static final int RANDOM_ROUNDS = 300;

    private static RedisServer redis;
    private static TieredCacheManager memberA;
    private static TieredCacheManager memberB;

    @BeforeAll
    static void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        List<TieredCacheManager> members = EngineFixture.clusterOfTwo("stale-load", redisPort);
        memberA = members.get(0);
        memberB = members.get(1);
    }

    @AfterAll
    static void stop() {
        memberB.close();
        memberA.close();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, Long> cache(TieredCacheManager manager, String name) {
        return manager.createCache(name, new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)).unwrap(TieredCache.class);
    }

    /** The load reads the database, then the writer commits and invalidates, then the load returns. */
    @Test
    void aLoadOvertakenByAnInvalidationOnAnotherMemberCachesNothing() throws Exception {
        TieredCache<String, Long> a = cache(memberA, "stale-forced");
        TieredCache<String, Long> b = cache(memberB, "stale-forced");
        AtomicLong database = new AtomicLong();
        for (int round = 0; round < FORCED_ROUNDS; round++) {
            String key = "forced-" + round % 5;
            CountDownLatch read = new CountDownLatch(1);
            CountDownLatch invalidated = new CountDownLatch(1);
            CompletableFuture<Long> load = CompletableFuture.supplyAsync(() -> a.getOrLoad(key, k -> {
                long value = database.get();
                read.countDown();
                await(invalidated);
                return value;
            }));
            assertTrue(read.await(10, TimeUnit.SECONDS));
            database.incrementAndGet();
            b.remove(key);
            invalidated.countDown();
            assertTrue(load.get(10, TimeUnit.SECONDS) < database.get(), "the load returned what it read");
            assertCurrentOrAbsent(a, b, key, database.get());
        }
    }

    /** Loads on both members race updates on both members with random timing. */
    @Test
    void racingLoadsAndUpdatesNeverLeaveAnOlderValue() throws Exception {
        TieredCache<String, Long> a = cache(memberA, "stale-random");
        TieredCache<String, Long> b = cache(memberB, "stale-random");
        AtomicLong database = new AtomicLong();
        for (int round = 0; round < RANDOM_ROUNDS; round++) {
            String key = "random-" + round % 5;
            CompletableFuture<?> loadA = CompletableFuture.runAsync(() -> a.getOrLoad(key, k -> slowRead(database)));
            CompletableFuture<?> loadB = CompletableFuture.runAsync(() -> b.getOrLoad(key, k -> slowRead(database)));
            pause();
            database.incrementAndGet();
            (round % 2 == 0 ? a : b).remove(key);
            CompletableFuture.allOf(loadA, loadB).get(10, TimeUnit.SECONDS);
            assertCurrentOrAbsent(a, b, key, database.get());
        }
    }

    private static void assertCurrentOrAbsent(TieredCache<String, Long> a, TieredCache<String, Long> b, String key,
            long current) {
        for (TieredCache<String, Long> cache : List.of(a, b)) {
            Long cached = cache.get(key);
            assertTrue(cached == null || cached == current, () -> key + ": cached " + cached + ", database " + current);
        }
    }

    private static long slowRead(AtomicLong database) {
        long value = database.get();
        pause();
        return value;
    }

    private static void pause() {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(3)));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
