package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.config.SingleServerConfig;
import redis.embedded.RedisServer;

/**
 * The example engine configuration files shipped in {@code server-config/payara} ({@code hazelcast.yaml},
 * {@code redisson.yaml}) loaded as they are into a real engine: a Hazelcast member on 127.0.0.1 and a real Redis.
 * Only the ports and the cluster name are moved, through the overrides both libraries read from system properties
 * ({@code hz.*} for Hazelcast, {@code REDIS_PORT} for the file's {@code ${REDIS_PORT:-6379}}), so that the test
 * never meets another process.
 */
class ShippedConfigFilesTest {

    private static final Path HAZELCAST_YAML = Path.of("server-config", "payara", "hazelcast.yaml");
    private static final Path REDISSON_YAML = Path.of("server-config", "payara", "redisson.yaml");

    @Test
    void theEngineRunsOnTheShippedFiles() throws Exception {
        assertTrue(Files.isRegularFile(HAZELCAST_YAML) && Files.isRegularFile(REDISSON_YAML));
        int redisPort = EngineFixture.freePort();
        int hazelcastPort = EngineFixture.freePort();
        String cluster = "shipped-files-" + UUID.randomUUID();
        Map<String, String> overrides = Map.of(
                "REDIS_PORT", Integer.toString(redisPort),
                "hz.cluster-name", cluster,
                "hz.network.port.port", Integer.toString(hazelcastPort),
                "hz.network.port.auto-increment", "false",
                "hz.network.join.tcp-ip.members", "127.0.0.1:" + hazelcastPort);
        RedisServer redis = EngineFixture.startRedis(redisPort);
        overrides.forEach(System::setProperty);
        Properties properties = new Properties();
        properties.setProperty("tiercache.hazelcast.config-file", HAZELCAST_YAML.toString());
        properties.setProperty("tiercache.redis.config-file", REDISSON_YAML.toString());
        properties.setProperty("tiercache.hazelcast.partition-count", "11");
        properties.setProperty("tiercache.hazelcast.property.hazelcast.logging.type", "none");
        properties.setProperty("tiercache.redis.netty-threads", "2");
        TieredCacheManager manager = null;
        try {
            manager = EngineFixture.manager(cluster, properties);

            HazelcastInstance hazelcast = manager.unwrap(HazelcastInstance.class);
            assertEquals(cluster, hazelcast.getConfig().getClusterName());
            assertEquals("false", hazelcast.getConfig().getProperty("hazelcast.socket.bind.any"));
            InetSocketAddress member = (InetSocketAddress) hazelcast.getCluster().getLocalMember().getSocketAddress();
            assertEquals("127.0.0.1", member.getAddress().getHostAddress());
            assertEquals(hazelcastPort, member.getPort());
            assertEquals(1, hazelcast.getCluster().getMembers().size());

            SingleServerConfig redisConfig = manager.unwrap(RedissonClient.class).getConfig().useSingleServer();
            assertEquals("redis://127.0.0.1:" + redisPort, redisConfig.getAddress());
            assertEquals(50, redisConfig.getTimeout());
            assertEquals(0, redisConfig.getRetryAttempts());
            assertEquals(16, redisConfig.getConnectionPoolSize());

            Cache<String, String> cache = manager.createCache("shipped",
                    new MutableConfiguration<String, String>().setTypes(String.class, String.class));
            cache.put("k", "v");
            assertEquals("v", cache.get("k"));
            assertTrue(EngineFixture.redisHas(redisPort, "tiercache:shipped:k"), "the entry in Redis");
            assertEquals(1, hazelcast.getMap("tiercache.shipped").size(), "the entry in Hazelcast");
        } finally {
            if (manager != null) {
                manager.close();
            }
            overrides.keySet().forEach(System::clearProperty);
            EngineFixture.stop(redis);
        }
    }
}
