package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.l2.Generation;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * A new engine starts while its redis-server (the test's own) is frozen by SIGSTOP: the generation of a cache is read
 * from Redis within the connect timeout, not the 50 ms operation bound, so L2 survives a slow first answer; only a
 * Redis that stays silent past the connect timeout makes the engine start a new generation.
 */
class SlowRedisAtStartupTest {

    private static final String CACHE = "views";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private int redisPort;
    private RedisServer redis;
    private TieredCacheManager engine;

    @BeforeEach
    void start() {
        redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        EngineFixture.resume(redisPort);
        if (engine != null) {
            engine.close();
        }
        EngineFixture.stop(redis);
    }

    /** Engine 1 writes {@code k} through both layers and stops, taking its Hazelcast registry with it. */
    private long writeWithFirstEngine() {
        TieredCacheManager first = EngineFixture.manager("slow-start-1-" + UUID.randomUUID(),
                properties("1s"));
        try {
            cache(first).put("k", "stored");
        } finally {
            first.close();
        }
        assertTrue(EngineFixture.redisHas(redisPort, "tiercache:" + CACHE + ":k"));
        return storedGeneration();
    }

    private Properties properties(String connectTimeout) {
        Properties p = EngineFixture.properties("slow-start-" + UUID.randomUUID(), EngineFixture.freePort(),
                redisPort);
        p.setProperty("tiercache.redis.timeout", "50ms");
        p.setProperty("tiercache.redis.connect-timeout", connectTimeout);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static TieredCache<String, String> cache(TieredCacheManager manager) {
        return manager.createCache(CACHE, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    private long storedGeneration() {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + redisPort).setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(1);
        RedissonClient client = Redisson.create(config);
        try {
            String stored = client.<String>getBucket(Generation.metaKey(CACHE), StringCodec.INSTANCE).get();
            return stored == null ? 0 : Long.parseLong(stored);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aFirstAnswerSlowerThanTheBoundButWithinTheConnectTimeoutKeepsL2() {
        long generation = writeWithFirstEngine();

        EngineFixture.pause(redisPort);
        timer.schedule(() -> EngineFixture.resume(redisPort), 400, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        engine = EngineFixture.manager("slow-start-2-" + UUID.randomUUID(), properties("5s"));
        TieredCache<String, String> cache = cache(engine);
        long openMillis = (System.nanoTime() - start) / 1_000_000;

        AtomicInteger loads = new AtomicInteger();
        String value = cache.getOrLoad("k", key -> {
            loads.incrementAndGet();
            return "loaded";
        });
        assertEquals("stored", value, "served from L2 after a start that took " + openMillis + " ms");
        assertEquals(0, loads.get(), "no loader call");
        assertEquals(1, cache.snapshot().l2().hits(), "an L2 hit: " + cache.snapshot().l2());
        assertEquals(generation, storedGeneration(), "the generation in Redis is kept");
    }

    @Test
    void aRedisSilentPastTheConnectTimeoutStartsANewGenerationAndTheEngineWorksOnceItIsBack() throws Exception {
        long generation = writeWithFirstEngine();

        EngineFixture.pause(redisPort);
        timer.schedule(() -> EngineFixture.resume(redisPort), 2500, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        engine = EngineFixture.manager("slow-start-2-" + UUID.randomUUID(), properties("500ms"));
        TieredCache<String, String> cache = cache(engine);
        long openMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(openMillis < 2500, "the engine started before Redis answered, in " + openMillis + " ms");

        assertEquals("loaded", cache.getOrLoad("k", key -> "loaded"), "the old entry is not served");
        assertTrue(EngineFixture.eventually(() -> {
            cache.put("probe", "after");
            engine.unwrap(HazelcastInstance.class).getMap("tiercache." + CACHE).delete("probe");
            long hits = cache.snapshot().l2().hits();
            return "after".equals(cache.get("probe")) && cache.snapshot().l2().hits() > hits;
        }), "L2 serves once Redis is back: " + cache.snapshot().l2());
        assertTrue(storedGeneration() > generation, "the new generation is mirrored into Redis");
    }
}
