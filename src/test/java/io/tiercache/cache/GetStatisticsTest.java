package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.l1.L1Tier;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Every get counts exactly one hit or one miss overall, and one per layer it reached (callers that joined another
 * caller's load included); the JCache average get time is the mean time of a get; L1 failures are counted.
 */
class GetStatisticsTest {

    private static final int CALLERS = 8;

    private static RedisServer redis;
    private static int redisPort;
    private static TieredCacheManager manager;

    @BeforeAll
    static void start() {
        redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        manager = EngineFixture.manager("get-statistics",
                EngineFixture.properties("get-statistics", EngineFixture.freePort(), redisPort));
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, String> cache(TieredCacheManager owner, String name) {
        return owner.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setStatisticsEnabled(true)).unwrap(TieredCache.class);
    }

    /**
     * {@code getFromL1} counts what {@code get} counts for an L1 hit, and nothing when L1 does not hold the key, even
     * when Redis does (it asks nothing of Redis): the {@code get} that follows counts the miss or the L2 hit.
     */
    @Test
    void aReadFromL1CountsItsHitsOnly() {
        TieredCache<String, String> cache = cache(manager, "from-l1");
        cache.put("k", "v");
        assertEquals("v", cache.getFromL1("k"));
        TieredCacheStatistics hit = cache.snapshot();
        assertEquals(1, hit.hits());
        assertEquals(1, hit.l1().hits());
        assertEquals(0, hit.misses() + hit.l1().misses() + hit.l2().hits() + hit.l2().misses());

        assertNull(cache.getFromL1("absent"));
        manager.unwrap(HazelcastInstance.class).getMap(L1Tier.mapName(cache.getName())).clear();
        assertNull(cache.getFromL1("k"), "only in Redis now: not an L1 hit");
        TieredCacheStatistics none = cache.snapshot();
        assertEquals(List.of(1L, 0L, 1L, 0L, 0L, 0L), List.of(none.hits(), none.misses(), none.l1().hits(),
                none.l1().misses(), none.l2().hits(), none.l2().misses()), "neither look-up counted anything");

        assertEquals("v", cache.get("k"));
        TieredCacheStatistics after = cache.snapshot();
        assertEquals(2, after.hits());
        assertEquals(1, after.l2().hits(), "the get read Redis");
    }

    @Test
    void callersThatJoinALoadCountAMissEach() throws Exception {
        TieredCache<String, String> cache = cache(manager, "joined");
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                answers.add(pool.submit(() -> cache.getOrLoad("k", key -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "v";
                })));
            }
            Thread.sleep(300);
            release.countDown();
            for (Future<String> answer : answers) {
                assertEquals("v", answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        TieredCacheStatistics s = cache.snapshot();
        assertEquals(1, s.loads(), "one load");
        assertEquals(0, s.hits());
        assertEquals(CALLERS, s.misses(), "every caller's get is a miss");
        assertEquals(CALLERS, s.l1().misses());
        assertEquals(CALLERS, s.l2().misses());
    }

    @Test
    void aRandomWorkloadCountsEachGetOnceOverallAndPerLayer() {
        TieredCache<String, String> cache = cache(manager, "random");
        Random random = new Random(7);
        long gets = 0;
        for (int i = 0; i < 3000; i++) {
            String key = "k" + random.nextInt(20);
            switch (random.nextInt(6)) {
                case 0 -> cache.put(key, "p" + i);
                case 1 -> cache.remove(key);
                case 2 -> manager.unwrap(HazelcastInstance.class).getMap("tiercache.random").delete(key);
                case 3 -> {
                    cache.getOrLoad(key, k -> "l");
                    gets++;
                }
                default -> {
                    cache.get(key);
                    gets++;
                }
            }
        }
        TieredCacheStatistics s = cache.snapshot();
        assertEquals(gets, s.hits() + s.misses(), "one hit or miss per get");
        assertEquals(gets, s.l1().hits() + s.l1().misses(), "one L1 hit or miss per get");
        assertEquals(s.l1().misses(), s.l2().hits() + s.l2().misses(), "one L2 hit or miss per get that missed L1");
        assertEquals(s.hits(), s.l1().hits() + s.l2().hits());
        assertTrue(s.l2().hits() > 0 && s.l1().hits() > 0 && s.misses() > 0, "every path taken: " + s);
    }

    @Test
    void theAverageGetTimeIsTheMeanTimeOfAGet() throws Exception {
        TieredCache<String, String> cache = cache(manager, "timed");
        cache.put("k", "v");
        int reads = 200_000;
        for (int i = 0; i < reads; i++) {
            cache.get("k");
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("javax.cache:type=CacheStatistics,CacheManager="
                + manager.getURI().toString().replace(':', '.') + ",Cache=timed");
        server.invoke(name, "clear", null, null);
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            cache.get("k");
        }
        double callerMeanMicros = (System.nanoTime() - start) / 1000.0 / reads;
        float average = (Float) server.getAttribute(name, "AverageGetTime");
        System.out.printf("GetStatisticsTest: AverageGetTime %.3f µs, measured by the caller %.3f µs%n", average,
                callerMeanMicros);
        assertTrue(average > callerMeanMicros / 4 && average < callerMeanMicros * 4,
                "AverageGetTime " + average + " µs against " + callerMeanMicros + " µs measured");
    }

    @Test
    void anL1FailureIsCountedAndTheReadFallsThroughToRedis() {
        Properties properties = EngineFixture.properties("l1-failure", EngineFixture.freePort(), redisPort);
        TieredCacheManager own = EngineFixture.manager("l1-failure", properties);
        try {
            TieredCache<String, String> cache = cache(own, "l1-failure");
            cache.put("k", "v");
            own.unwrap(HazelcastInstance.class).getLifecycleService().terminate();
            assertEquals("v", cache.get("k"), "served from Redis");
            assertNull(cache.get("absent"));
            TieredCacheStatistics s = cache.snapshot();
            assertTrue(s.l1().errors() >= 2, "the failed L1 calls are counted: " + s.l1().errors());
            assertEquals(2, s.l1().misses());
            assertEquals(1, s.l2().hits());
            assertEquals(1, s.hits());
            assertEquals(1, s.misses());
        } finally {
            own.close();
        }
    }
}
