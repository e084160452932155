package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import javax.cache.CacheManager;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tiercache.cache.EngineFixture;

import redis.embedded.RedisServer;

/**
 * The cache manager that {@link CacheManagerSource} opens is closed when the application stops, so an undeployed
 * WAR leaves no Hazelcast member or Redis client behind.
 */
class CacheManagerLifecycleTest {

    private static final String[] PROPERTIES = {"tiercache.hazelcast.cluster-name", "tiercache.hazelcast.port",
        "tiercache.redis.address"};

    private RedisServer redis;

    @BeforeEach
    void configure() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        System.setProperty(PROPERTIES[0], "lifecycle-" + UUID.randomUUID());
        System.setProperty(PROPERTIES[1], Integer.toString(EngineFixture.freePort()));
        System.setProperty(PROPERTIES[2], "redis://127.0.0.1:" + redisPort);
    }

    @AfterEach
    void restore() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
        EngineFixture.stop(redis);
    }

    @Test
    void stoppingTheApplicationClosesTheCacheManagerItOpened() {
        WeldContainer container = new Weld()
                .disableDiscovery()
                .containerId(null)
                .addBeanClasses(CacheManagerSource.class)
                .initialize();
        CacheManager manager = container.select(CacheManagerSource.class).get().cacheManager();
        assertFalse(manager.isClosed());

        container.close();

        assertTrue(manager.isClosed());
    }
}
