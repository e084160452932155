package io.tiercache.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * The packaged WAR ({@code target/tiercache.war}) set up for one test class: an embedded Redis of its own on a
 * free port of 127.0.0.1 (so no test sees another's cached views), and an embedded Hazelcast member on 127.0.0.1
 * on a free port, in a cluster of its own, multicast off. The settings reach the engine through
 * {@link TestConfigSource}, added to the archive. Register this class as an extension <em>before</em>
 * {@code ArquillianExtension} ({@code @ExtendWith({TestEngine.class, ArquillianExtension.class})}) so that the
 * Redis stops after the deployment is gone. Test classes run one after another, so one Redis at a time.
 * A test may stop that Redis ({@link #stopRedis()}) to make an outage and start it again ({@link #startRedis()}).
 */
public final class TestEngine implements AfterAllCallback {

    private static RedisServer redis;
    private static int redisPort;

    /** The WAR with the engine settings and {@code extraSettings} ({@code name=value} lines). */
    public static synchronized WebArchive war(String... extraSettings) {
        stopRedis();
        redisPort = freePort();
        startRedis();
        List<String> settings = new ArrayList<>();
        engineSettings(redisPort, freePort()).forEach((name, value) -> settings.add(name + "=" + value));
        settings.addAll(List.of(extraSettings));
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("tiercache.war")))
                .addClasses(TestConfigSource.class)
                .addAsResource(new StringAsset(String.join("\n", settings)), TestConfigSource.RESOURCE)
                .addAsServiceProvider(ConfigSource.class, TestConfigSource.class);
    }

    /** The WAR with the engine settings and {@code extraSettings}. */
    public static WebArchive war(Map<String, String> extraSettings) {
        return war(extraSettings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue().replace("\\", "\\\\"))
                .toArray(String[]::new));
    }

    /**
     * The engine settings of a deployment under test: Redis on 127.0.0.1:{@code redisPort}, and a Hazelcast member
     * on 127.0.0.1:{@code hazelcastPort} alone in a cluster of its own, multicast off.
     */
    public static Map<String, String> engineSettings(int redisPort, int hazelcastPort) {
        return engineSettings(redisPort, "tiercache-it-" + UUID.randomUUID(), hazelcastPort,
                "127.0.0.1:" + hazelcastPort);
    }

    /**
     * The engine settings of a deployment under test: Redis on 127.0.0.1:{@code redisPort}, a Hazelcast member on
     * 127.0.0.1:{@code hazelcastPort} (no other port) in cluster {@code cluster}, joining {@code members}
     * ({@code host:port,…}) over TCP-IP, multicast off. Cache warming is off: a warm-up in the middle of a test
     * would load views that the test counts ({@code tiercache.warm.enabled=true} among a test's own settings
     * switches it on).
     */
    public static Map<String, String> engineSettings(int redisPort, String cluster, int hazelcastPort,
            String members) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tiercache.redis.address", "redis://127.0.0.1:" + redisPort);
        settings.put("tiercache.redis.timeout", "1s");
        settings.put("tiercache.hazelcast.cluster-name", cluster);
        settings.put("tiercache.hazelcast.interface", "127.0.0.1");
        settings.put("tiercache.hazelcast.multicast", "false");
        settings.put("tiercache.hazelcast.port", Integer.toString(hazelcastPort));
        settings.put("tiercache.hazelcast.port-auto-increment", "false");
        settings.put("tiercache.hazelcast.members", members);
        settings.put("tiercache.hazelcast.partition-count", "11");
        settings.put("tiercache.warm.enabled", "false");
        return settings;
    }

    /** The port of the current test class's Redis. */
    public static synchronized int redisPort() {
        return redisPort;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopRedis();
    }

    /** (Re)starts the current test class's Redis on its port, without persistence. */
    public static synchronized void startRedis() {
        try {
            redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the current test class's Redis, if it runs. */
    public static synchronized void stopRedis() {
        if (redis == null) {
            return;
        }
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            redis = null;
        }
    }

    /** A port of 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
