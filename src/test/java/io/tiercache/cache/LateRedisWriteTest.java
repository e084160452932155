package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A Redis write whose outcome the engine does not know (it timed out at the client) may land at any later time, also
 * after an invalidation of its key made by another member, which then finds nothing to delete. Member A reaches Redis
 * through a proxy that holds its commands back; member B reaches it directly. A's load times out writing Redis, B
 * removes the key, then A's write lands: no member may serve it.
 */
class LateRedisWriteTest {

    private static RedisServer redis;
    private static int redisPort;
    private static FreezableTcpProxy proxy;
    private static TieredCacheManager memberA;
    private static TieredCacheManager memberB;

    @BeforeAll
    static void start() throws InterruptedException {
        redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        proxy = new FreezableTcpProxy(redisPort);
        int portA = EngineFixture.freePort();
        int portB = EngineFixture.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        Properties a = EngineFixture.properties("late-write", portA, proxy.port());
        a.setProperty("tiercache.hazelcast.members", members);
        a.setProperty("tiercache.breaker.minimum-calls", "1000");
        a.setProperty("tiercache.breaker.window", "1000");
        Properties b = EngineFixture.properties("late-write", portB, redisPort);
        b.setProperty("tiercache.hazelcast.members", members);
        memberA = EngineFixture.manager("late-write-a", a);
        memberB = EngineFixture.manager("late-write-b", b);
        assertTrue(EngineFixture.eventually(
                () -> memberA.unwrap(HazelcastInstance.class).getCluster().getMembers().size() == 2));
    }

    @AfterAll
    static void stop() {
        memberB.close();
        memberA.close();
        proxy.close();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, String> cache(TieredCacheManager manager, String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    @Test
    void aLoadsRedisWriteThatLandsAfterAnInvalidationIsNeverServed() throws Exception {
        TieredCache<String, String> a = cache(memberA, "late-load");
        TieredCache<String, String> b = cache(memberB, "late-load");
        proxy.freeze();
        try {
            assertEquals("old", a.getOrLoad("k", k -> "old"), "the load answers although Redis did not");
        } finally {
            b.remove("k");
            proxy.unfreeze();
        }
        assertTrue(EngineFixture.eventually(() -> EngineFixture.redisHas(redisPort, "tiercache:late-load:k")),
                "the held-back SET reached Redis after the removal");
        assertNull(b.get("k"), "member B does not serve the late write");
        assertNull(a.get("k"), "member A does not serve the late write");
        assertEquals("new", b.getOrLoad("k", k -> "new"));
        assertEquals("new", a.get("k"));
    }
}
