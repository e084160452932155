package io.tiercache.cache.annotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import redis.embedded.RedisServer;

/**
 * The tiered cache manager of the tests, shared by all test classes of the JVM: the real provider over a
 * redis-server started on a free loopback port and a Hazelcast member of its own cluster on 127.0.0.1 (multicast
 * off). Both stop when the JVM exits.
 */
final class TestCaches {

    private static CacheManager manager;
    private static RedissonClient redisClient;

    private TestCaches() {
    }

    static synchronized CacheManager cacheManager() {
        if (manager == null) {
            int redisPort = freePort();
            RedisServer redis = start(redisPort);
            Properties properties = new Properties();
            properties.setProperty("tiercache.redis.address", "redis://127.0.0.1:" + redisPort);
            properties.setProperty("tiercache.redis.timeout", "1s");
            properties.setProperty("tiercache.hazelcast.cluster-name", "annotations-" + UUID.randomUUID());
            properties.setProperty("tiercache.hazelcast.interface", "127.0.0.1");
            properties.setProperty("tiercache.hazelcast.port", Integer.toString(freePort()));
            properties.setProperty("tiercache.hazelcast.multicast", "false");
            properties.setProperty("tiercache.hazelcast.property.hazelcast.phone.home.enabled", "false");
            Config redisConfig = new Config();
            redisConfig.useSingleServer().setAddress("redis://127.0.0.1:" + redisPort);
            RedissonClient client = Redisson.create(redisConfig);
            CacheManager tiered = Caching.getCachingProvider(CacheManagerSource.TIERED_PROVIDER)
                    .getCacheManager(URI.create("annotation-tests"), TestCaches.class.getClassLoader(), properties);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.shutdown();
                tiered.close();
                stop(redis);
            }));
            manager = tiered;
            redisClient = client;
        }
        return manager;
    }

    static Cache<Object, Object> cache(String name) {
        return cacheManager().getCache(name);
    }

    /** Whether Redis, the L2 of the tests, holds {@code key}. */
    static synchronized boolean redisHas(String key) {
        cacheManager();
        return redisClient.getKeys().countExists(key) == 1;
    }

    private static RedisServer start(int port) {
        try {
            RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).build();
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
