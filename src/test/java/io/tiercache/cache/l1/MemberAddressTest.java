package io.tiercache.cache.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.EngineFixture;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheManager;
import io.tiercache.cache.config.EngineSettings;
import io.tiercache.cache.config.SettingsSource;
import java.util.List;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Where an embedded member binds and which address it gives the other members (tiercache.hazelcast.*). */
class MemberAddressTest {

    private static EngineSettings settings(String... nameValues) {
        Properties properties = new Properties();
        for (int i = 0; i < nameValues.length; i += 2) {
            properties.setProperty(nameValues[i], nameValues[i + 1]);
        }
        return EngineSettings.of(SettingsSource.of(properties, MemberAddressTest.class.getClassLoader()));
    }

    @Test
    void bindsTheInterfaceAndAdvertisesIt() {
        EngineSettings settings = settings("tiercache.hazelcast.interface", "127.0.0.1");
        Config config = HazelcastFactory.memberConfig(settings);
        NetworkConfig network = config.getNetworkConfig();
        assertEquals("false", config.getProperty("hazelcast.socket.bind.any"));
        assertTrue(network.getInterfaces().isEnabled());
        assertEquals(List.of("127.0.0.1"), List.copyOf(network.getInterfaces().getInterfaces()));
        assertEquals("127.0.0.1", network.getPublicAddress());
        assertEquals(List.of("127.0.0.1"), network.getJoin().getTcpIpConfig().getMembers(),
                "without members the member looks for itself");
    }

    @Test
    void bindsEveryInterfaceAndLetsHazelcastPickTheAddressWithoutAPublicOne() {
        EngineSettings settings = settings("tiercache.hazelcast.interface", "0.0.0.0",
                "tiercache.hazelcast.members", "app-1,app-2");
        Config config = HazelcastFactory.memberConfig(settings);
        NetworkConfig network = config.getNetworkConfig();
        assertEquals("true", config.getProperty("hazelcast.socket.bind.any"));
        assertFalse(network.getInterfaces().isEnabled(), "no interface matching: Hazelcast picks the address");
        assertNull(network.getPublicAddress());
        assertEquals(List.of("app-1", "app-2"), network.getJoin().getTcpIpConfig().getMembers());
    }

    @Test
    void advertisesThePublicAddressAndJoinsItByDefault() {
        EngineSettings settings = settings("tiercache.hazelcast.interface", "0.0.0.0",
                "tiercache.hazelcast.public-address", " app-1:5701 ");
        NetworkConfig network = HazelcastFactory.memberConfig(settings).getNetworkConfig();
        assertEquals("app-1:5701", network.getPublicAddress());
        assertEquals(List.of("app-1:5701"), network.getJoin().getTcpIpConfig().getMembers());
    }

    /** Two real members on 127.0.0.1 that advertise and find each other by a host name rather than an address. */
    @Test
    void membersAdvertisingAHostNameFormOneClusterAndInvalidateEachOther() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        RedisServer redis = EngineFixture.startRedis(redisPort);
        int portA = EngineFixture.freePort();
        int portB = EngineFixture.freePort();
        String members = "localhost:" + portA + ",localhost:" + portB;
        TieredCacheManager a = null;
        TieredCacheManager b = null;
        try {
            a = EngineFixture.manager("public-address-a", hostNamed("public-address", portA, redisPort, members));
            b = EngineFixture.manager("public-address-b", hostNamed("public-address", portB, redisPort, members));
            HazelcastInstance memberA = a.unwrap(HazelcastInstance.class);
            assertTrue(EngineFixture.eventually(() -> memberA.getCluster().getMembers().size() == 2),
                    "the members found each other by host name");
            Address advertised = memberA.getCluster().getLocalMember().getAddress();
            assertEquals("localhost", advertised.getHost());
            assertEquals(portA, advertised.getPort());

            TieredCache<String, String> cacheA = cache(a);
            TieredCache<String, String> cacheB = cache(b);
            cacheA.put("k", "v1");
            assertEquals("v1", cacheB.get("k"));
            assertEquals("v1", cacheB.get("k"), "now in B's near cache");
            cacheA.put("k", "v2");
            assertEquals("v2", cacheB.get("k"), "A's write dropped B's near-cached copy before it returned");
        } finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            EngineFixture.stop(redis);
        }
    }

    private static Properties hostNamed(String cluster, int port, int redisPort, String members) {
        Properties properties = EngineFixture.properties(cluster, port, redisPort);
        properties.setProperty("tiercache.hazelcast.interface", "127.0.0.1");
        properties.setProperty("tiercache.hazelcast.public-address", "localhost");
        properties.setProperty("tiercache.hazelcast.members", members);
        return properties;
    }

    private static TieredCache<String, String> cache(TieredCacheManager manager) {
        return manager.createCache("public-address", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }
}
