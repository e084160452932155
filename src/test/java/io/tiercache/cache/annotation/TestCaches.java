package io.tiercache.cache.annotation;

import io.tiercache.cache.EngineFixture;
import java.util.Properties;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * The tiered cache manager of the annotation tests, shared by their classes in one JVM: the real provider over
 * a redis-server on a free loopback port and a Hazelcast member of its own cluster on 127.0.0.1 (multicast off),
 * set up as {@link EngineFixture} sets up the engine's tests. Both stop when the JVM exits.
 */
final class TestCaches {

    private static CacheManager manager;
    private static RedissonClient redisClient;

    private TestCaches() {
    }

    static synchronized CacheManager cacheManager() {
        if (manager == null) {
            int redisPort = EngineFixture.freePort();
            RedisServer redis = EngineFixture.startRedis(redisPort);
            Properties properties = EngineFixture.properties("annotations-" + UUID.randomUUID(),
                    EngineFixture.freePort(), redisPort);
            properties.setProperty("tiercache.redis.timeout", "1s");
            CacheManager tiered = EngineFixture.manager("annotations", properties);
            Config redisConfig = new Config();
            redisConfig.useSingleServer().setAddress("redis://127.0.0.1:" + redisPort);
            RedissonClient client = Redisson.create(redisConfig);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.shutdown();
                tiered.close();
                EngineFixture.stop(redis);
            }));
            manager = tiered;
            redisClient = client;
        }
        return manager;
    }

    static Cache<Object, Object> cache(String name) {
        return cacheManager().getCache(name);
    }

    /** Redis's PTTL of {@code key}: -1 without an expiry, -2 when absent. */
    static synchronized long redisTtl(String key) {
        cacheManager();
        return redisClient.getBucket(key).remainTimeToLive();
    }

    /** Whether Redis, the L2 of the tests, holds {@code key}. */
    static synchronized boolean redisHas(String key) {
        cacheManager();
        return redisClient.getKeys().countExists(key) == 1;
    }
}
