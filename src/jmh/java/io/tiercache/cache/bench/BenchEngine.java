package io.tiercache.cache.bench;

import io.tiercache.cache.TieredCacheManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import javax.cache.Caching;
import redis.embedded.RedisServer;

/**
 * The tiered cache engine for one benchmark trial: a redis-server started for it and one Hazelcast member, each on a
 * free port of 127.0.0.1 (Hazelcast in a cluster of its own, logging off). Statistics stay on, as in the service.
 */
public final class BenchEngine implements AutoCloseable {

    private final RedisServer redis;
    private final TieredCacheManager manager;

    /** Starts both; {@code settings} adds engine settings, e.g. {@code tiercache.cache.NAME.l1.enabled=false}. */
    public BenchEngine(String name, Map<String, String> settings) throws IOException {
        int redisPort = freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
        redis.start();
        int hazelcastPort = freePort();
        Properties p = new Properties();
        p.setProperty("tiercache.redis.address", "redis://127.0.0.1:" + redisPort);
        p.setProperty("tiercache.hazelcast.cluster-name", name + "-" + hazelcastPort);
        p.setProperty("tiercache.hazelcast.port", Integer.toString(hazelcastPort));
        p.setProperty("tiercache.hazelcast.members", "127.0.0.1:" + hazelcastPort);
        p.setProperty("tiercache.hazelcast.property.hazelcast.logging.type", "none");
        p.setProperty("tiercache.redis.timeout", "1s");
        p.putAll(settings);
        manager = (TieredCacheManager) Caching.getCachingProvider("io.tiercache.cache.spi.TieredCachingProvider")
                .getCacheManager(URI.create(name), getClass().getClassLoader(), p);
    }

    public TieredCacheManager manager() {
        return manager;
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            redis.stop();
        }
    }

    /** A free port of 127.0.0.1. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
