package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.lang.management.ManagementFactory;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

class StatisticsTest {

    private static RedisServer redis;
    private static TieredCacheManager manager;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        java.util.Properties p = EngineFixture.properties("statistics", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.stats.l1-latency-sample", "1");
        manager = EngineFixture.manager("statistics", p);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    @Test
    void countersAreExactForAKnownWorkloadAndPublishedAsJCacheStatistics() throws Exception {
        TieredCache<String, String> cache = manager.createCache("stats", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setStatisticsEnabled(true)).unwrap(TieredCache.class);
        cache.put("a", "1");
        cache.put("b", "2");
        for (int i = 0; i < 3; i++) {
            cache.get("a");
        }
        cache.get("c");
        cache.getOrLoad("d", key -> "loaded");
        cache.get("d");
        cache.remove("a");
        cache.remove("zz");
        manager.unwrap(HazelcastInstance.class).getMap("tiercache.stats").delete("b");
        cache.get("b");

        TieredCacheStatistics s = cache.snapshot();
        assertEquals(5, s.hits());
        assertEquals(2, s.misses());
        assertEquals(3, s.puts());
        assertEquals(1, s.removals());
        assertEquals(1, s.loads());
        assertTrue(s.loadTimeNanos() > 0);
        assertEquals(4, s.l1().hits());
        assertEquals(3, s.l1().misses());
        assertEquals(1, s.l2().hits());
        assertEquals(2, s.l2().misses());
        assertEquals(0, s.l2().errors());
        assertEquals(7, s.l1().latency().count());
        assertEquals(3, s.l2().latency().count());
        assertTrue(s.l1().latency().p50Nanos() > 0
                && s.l1().latency().p50Nanos() <= s.l1().latency().p99Nanos());
        assertTrue(s.l2().latency().p95Nanos() > 0);

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("javax.cache:type=CacheStatistics,CacheManager="
                + manager.getURI().toString().replace(':', '.') + ",Cache=stats");
        assertEquals(5L, server.getAttribute(name, "CacheHits"));
        assertEquals(2L, server.getAttribute(name, "CacheMisses"));
        assertEquals(7L, server.getAttribute(name, "CacheGets"));
        assertEquals(3L, server.getAttribute(name, "CachePuts"));
        assertEquals(1L, server.getAttribute(name, "CacheRemovals"));
        server.invoke(name, "clear", null, null);
        assertEquals(0L, server.getAttribute(name, "CacheHits"));
        assertEquals(0, cache.snapshot().l1().latency().count());
    }
}
