package io.tiercache.cache.l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.EngineFixture;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheManager;
import io.tiercache.cache.codec.Gadgets;
import java.util.List;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import redis.embedded.RedisServer;

/** Whoever can write to Redis cannot make the cache instantiate a class outside the allowlist. */
class PlantedValueTest {

    record Quote(String symbol, List<Long> prices) implements java.io.Serializable {
    }

    private static RedisServer redis;
    private static TieredCacheManager manager;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        Properties p = EngineFixture.properties("planted-value", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.codec.allow", "io.tiercache.cache.l2.PlantedValueTest$Quote;java.lang.*;java.util.*");
        manager = EngineFixture.manager("planted-value", p);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    @Test
    void aPlantedValueNamingAForeignClassIsRejectedAndNeverInstantiated() {
        TieredCache<String, Object> cache = manager.createCache("planted", new MutableConfiguration<String, Object>()
                .setTypes(String.class, Object.class)).unwrap(TieredCache.class);
        cache.put("quote", new Quote("ACME", List.of(1L, 2L)));
        manager.unwrap(HazelcastInstance.class).getMap("tiercache.planted").delete("quote");
        assertEquals(new Quote("ACME", List.of(1L, 2L)), cache.get("quote"), "allowed values come back from Redis");

        long generation = (Long) manager.unwrap(HazelcastInstance.class).getMap(Generation.REGISTRY)
                .get("planted");
        byte[] planted = L2Envelope.wrap(generation, System.currentTimeMillis() + 60_000, Gadgets.serializedGadget());
        manager.unwrap(RedissonClient.class).getBucket("tiercache:planted:evil", ByteArrayCodec.INSTANCE)
                .set(planted);

        assertNull(cache.get("evil"));
        assertEquals("fresh", cache.getOrLoad("evil", key -> "fresh"), "treated as a miss and reloaded");
        assertEquals(2, cache.snapshot().l2().errors(), "both reads rejected the planted value");
        assertFalse(Gadgets.gadgetCodeRan(), "the gadget's static initializer and readObject never ran");
    }
}
