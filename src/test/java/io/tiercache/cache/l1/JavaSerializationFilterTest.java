package io.tiercache.cache.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gadget.Gadget;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.EngineFixture;
import io.tiercache.cache.TieredCacheManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * The engine's Hazelcast member deserializes (Java serialization) only the allowed classes, Hazelcast's filter
 * defaults off: a foreign member of the same cluster, without any filter, sends values and a task of classes outside
 * the allowlist, which the engine's member refuses without instantiating them; allowed values still pass.
 */
class JavaSerializationFilterTest {

    private static RedisServer redis;
    private static TieredCacheManager engine;
    private static HazelcastInstance foreign;
    private static HazelcastInstance member;

    @BeforeAll
    static void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        String cluster = "filter-" + UUID.randomUUID();
        int enginePort = EngineFixture.freePort();
        engine = EngineFixture.manager(cluster, EngineFixture.properties(cluster, enginePort, redisPort));
        member = engine.unwrap(HazelcastInstance.class);
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.partition.count", "11");
        config.getNetworkConfig().setPort(EngineFixture.freePort()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + enginePort);
        foreign = Hazelcast.newHazelcastInstance(config);
        assertTrue(EngineFixture.eventually(() -> member.getCluster().getMembers().size() == 2));
    }

    @AfterAll
    static void stop() {
        if (foreign != null) {
            foreign.shutdown();
        }
        if (engine != null) {
            engine.close();
        }
        EngineFixture.stop(redis);
    }

    @Test
    void aForeignValueIsRefusedAndNeverInstantiated() {
        String map = "foreign-" + UUID.randomUUID();
        foreign.getMap(map).put("gadget", new Gadget());
        foreign.getMap(map).put("atomic", new AtomicLong(42));
        IMap<String, Object> received = member.getMap(map);
        assertThrows(RuntimeException.class, () -> received.get("gadget"));
        assertThrows(RuntimeException.class, () -> received.get("atomic"),
                "java.util.concurrent.atomic is not allowed, although Hazelcast's defaults would allow all of java");
        assertEquals(0, Gadget.DESERIALIZED.get());
    }

    @Test
    void aForeignTaskIsRefusedAndNeverRun() {
        Member target = member.getCluster().getLocalMember();
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> foreign.getExecutorService("foreign-tasks").submitToMember(new Gadget(), target).get());
        assertTrue(refused.getCause() != null, refused.toString());
        assertEquals(0, Gadget.DESERIALIZED.get());
    }

    @Test
    void allowedValuesPass() {
        String map = "allowed-" + UUID.randomUUID();
        List<Object> values = new ArrayList<>(List.of("text", 7L, new BigDecimal("123.45"), LocalDate.of(2020, 1, 2)));
        foreign.getMap(map).put("values", values);
        assertEquals(values, member.getMap(map).get("values"));
    }
}
