package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import redis.embedded.RedisServer;

/** A pattern invalidation that cannot walk all of Redis in its time bound still leaves nothing servable. */
class PatternBoundTest {

    private static RedisServer redis;
    private static TieredCacheManager manager;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        Properties p = EngineFixture.properties("pattern-bound", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.redis.scan-timeout", "1ms");
        p.setProperty("tiercache.redis.scan-count", "10");
        manager = EngineFixture.manager("pattern-bound", p);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    @Test
    void anUnfinishedScanBumpsTheGenerationSoNoMatchingEntryIsServed() {
        TieredCache<String, String> cache = manager.createCache("bounded", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            entries.put("list:" + i, "v" + i);
        }
        cache.putAll(entries);

        long start = System.nanoTime();
        cache.invalidatePattern("list:*");
        long millis = (System.nanoTime() - start) / 1_000_000;

        long left = manager.unwrap(RedissonClient.class).getKeys().countExists(
                entries.keySet().stream().map(k -> "tiercache:bounded:" + k).toArray(String[]::new));
        assertTrue(left > 0, "the 1 ms bound stopped the scan early (took " + millis + " ms)");
        manager.unwrap(HazelcastInstance.class).getMap("tiercache.bounded").clear();
        for (String key : entries.keySet()) {
            assertNull(cache.get(key), key + " is still in Redis but of an old generation");
        }
    }
}
