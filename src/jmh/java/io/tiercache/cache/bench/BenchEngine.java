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
 * When system property {@value #REDIS_PORT} is set, the engine uses the redis-server already listening on that port
 * of 127.0.0.1 (the runner's, which it also measures with {@code redis-benchmark}) and leaves it running.
 */
public final class BenchEngine implements AutoCloseable {

    /** System property: the port of a redis-server of the run, to use instead of starting one. */
    public static final String REDIS_PORT = "bench.redis.port";

    /** The redis-server started for this trial, or null when the run's is used. */
    private final RedisServer redis;
    private final TieredCacheManager manager;

    /** Starts both; {@code settings} adds engine settings, e.g. {@code tiercache.cache.NAME.l1.enabled=false}. */
    public BenchEngine(String name, Map<String, String> settings) throws IOException {
        Integer shared = Integer.getInteger(REDIS_PORT);
        int redisPort = shared != null ? shared : freePort();
        redis = shared != null ? null : startRedis(redisPort);
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
            if (redis != null) {
                redis.stop();
            }
        }
    }

    /** Starts a redis-server on {@code port} of 127.0.0.1, without persistence; the caller stops it. */
    public static RedisServer startRedis(int port) throws IOException {
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        redis.start();
        return redis;
    }

    /** A free port of 127.0.0.1. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
