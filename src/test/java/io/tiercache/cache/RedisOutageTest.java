package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A redis-server of the test's own, with an append-only file so that its data survives a restart, is killed while
 * the cache is in use and started again.
 */
class RedisOutageTest {

    /** The Redis bound is 50 ms; a call may add Hazelcast work on top of it, never another Redis wait. */
    private static final long BOUND_MILLIS = 50;
    private static final long CALL_LIMIT_MILLIS = BOUND_MILLIS + 150;

    private static Path dataDir;
    private static int redisPort;
    private static RedisServer redis;
    private static TieredCacheManager manager;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("tiercache-redis");
        redisPort = EngineFixture.freePort();
        redis = startPersistentRedis();
        Properties p = EngineFixture.properties("redis-outage", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.redis.timeout", BOUND_MILLIS + "ms");
        p.setProperty("tiercache.breaker.window", "4");
        p.setProperty("tiercache.breaker.minimum-calls", "2");
        p.setProperty("tiercache.breaker.open-duration", "300ms");
        p.setProperty("tiercache.l1.ttl", "1m");
        manager = EngineFixture.manager("redis-outage", p);
    }

    private static RedisServer startPersistentRedis() {
        return EngineFixture.startPersistentRedis(redisPort, dataDir);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    private static <T> T timed(String what, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis <= CALL_LIMIT_MILLIS, what + " took " + millis + " ms while Redis was down");
        return result;
    }

    @Test
    void keepsWorkingWithinTheBoundRecoversAndNeverServesWhatWasInvalidatedMeanwhile() throws Exception {
        TieredCache<String, String> cache = manager.createCache("outage", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
        for (int i = 1; i <= 4; i++) {
            cache.put("k" + i, "before");
        }
        cache.put("list:1", "before");
        assertEquals(0, cache.snapshot().l2().errors() + cache.snapshot().l2().skipped(),
                "Redis took every write before the outage: " + cache.snapshot().l2());
        assertTrue(EngineFixture.redisHas(redisPort, "tiercache:outage:k2"));

        EngineFixture.stop(redis);

        for (int round = 0; round < 3; round++) {
            assertEquals("before", timed("get from L1", () -> cache.get("k1")));
            assertEquals("loaded", timed("getOrLoad", () -> cache.getOrLoad("new" + 0, key -> "loaded")));
            assertNull(timed("get of an absent key", () -> cache.get("absent" + 0)));
        }
        timed("remove", () -> cache.remove("k2"));
        timed("put", () -> {
            cache.put("k3", "during");
            return null;
        });
        timed("invalidatePattern", () -> cache.invalidatePattern("list:*"));
        assertNull(cache.get("k2"));
        assertEquals("during", cache.get("k3"));
        assertTrue(cache.snapshot().l2().skipped() > 0, "the open circuit skipped Redis: " + cache.snapshot().l2());

        manager.unwrap(HazelcastInstance.class).getMap("tiercache.outage").clear();
        redis = startPersistentRedis();
        assertTrue(EngineFixture.redisHas(redisPort, "tiercache:outage:k2"),
                "Redis came back with the entry removed during the outage still in it");

        assertTrue(EngineFixture.eventually(() -> {
            cache.put("probe", "after");
            manager.unwrap(HazelcastInstance.class).getMap("tiercache.outage").delete("probe");
            long hits = cache.snapshot().l2().hits();
            return "after".equals(cache.get("probe")) && cache.snapshot().l2().hits() > hits;
        }), "L2 serves again after Redis restarted: " + cache.snapshot().l2());

        assertNull(cache.get("k2"), "removed during the outage: not served from the old Redis entry");
        assertNotEquals("before", cache.get("k3"), "overwritten during the outage: the old value is not served");
        assertNull(cache.get("list:1"), "invalidated by pattern during the outage");
        cache.put("k4", "after");
        manager.unwrap(HazelcastInstance.class).getMap("tiercache.outage").delete("k4");
        assertEquals("after", cache.get("k4"), "entries written after recovery are served from Redis");
    }
}
