package io.tiercache.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import redis.embedded.RedisServer;

/**
 * The cache engine's surroundings for an Arquillian test of the packaged WAR: a redis-server of the test's own on a
 * free port of 127.0.0.1 (which the test may stop and start again), and the deployment, {@code target/tiercache.war}
 * (system property {@code tiercache.war}) with a {@link TestConfigSource} that points the engine at that Redis and
 * at a Hazelcast member of its own (free port, cluster of its own), plus whatever settings the test adds.
 */
public final class TestEngine {

    private final String name;
    private final int redisPort = freePort();
    private final int hazelcastPort = freePort();
    private RedisServer redis;

    private TestEngine(String name) {
        this.name = name;
    }

    /** Starts the Redis of test {@code name}. */
    public static TestEngine start(String name) {
        TestEngine engine = new TestEngine(name);
        engine.startRedis();
        return engine;
    }

    public int redisPort() {
        return redisPort;
    }

    /** (Re)starts the test's redis-server on its port, without persistence. */
    public void startRedis() {
        try {
            redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the test's redis-server, if it runs. */
    public void stopRedis() {
        try {
            if (redis != null && redis.isActive()) {
                redis.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine settings of the deployment, then {@code extra}. */
    public Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tiercache.redis.address", "redis://127.0.0.1:" + redisPort);
        settings.put("tiercache.redis.timeout", "1s");
        settings.put("tiercache.hazelcast.cluster-name", name + "-" + UUID.randomUUID());
        settings.put("tiercache.hazelcast.port", Integer.toString(hazelcastPort));
        settings.put("tiercache.hazelcast.port-auto-increment", "false");
        settings.put("tiercache.hazelcast.members", "127.0.0.1:" + hazelcastPort);
        settings.put("tiercache.hazelcast.partition-count", "11");
        settings.putAll(extra);
        return settings;
    }

    /** The packaged WAR with the engine settings and {@code extra} as its highest configuration source. */
    public WebArchive deployment(Map<String, String> extra) {
        String properties = settings(extra).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("tiercache.war")))
                .addClass(TestConfigSource.class)
                .addAsResource(new StringAsset(properties), TestConfigSource.RESOURCE)
                .addAsServiceProvider(ConfigSource.class, TestConfigSource.class);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
