package io.tiercache.cache;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import redis.embedded.RedisServer;

/** Real Redis servers and cache managers (each with its own Hazelcast member) for the engine tests. */
public final class EngineFixture {

    public static final String PROVIDER = "io.tiercache.cache.spi.TieredCachingProvider";

    private EngineFixture() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A redis-server of its own on 127.0.0.1:{@code port}, started. */
    public static RedisServer startRedis(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A redis-server on 127.0.0.1:{@code port} whose append-only file in {@code dir} survives a restart ({@link #stop}
     * terminates the process, and Redis flushes the file on termination).
     */
    public static RedisServer startPersistentRedis(int port, java.nio.file.Path dir) {
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir).setting("appendonly yes").setting("appendfsync everysec")
                    .setting("save \"\"").build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} (exceptions count as false) for up to 30 s. */
    public static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not yet: e.g. Redisson still reconnecting
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Whether Redis on {@code port} holds {@code key}, asked through a client of its own. */
    public static boolean redisHas(int port, String key) {
        org.redisson.config.Config config = new org.redisson.config.Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port).setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(1);
        org.redisson.api.RedissonClient client = org.redisson.Redisson.create(config);
        try {
            return client.getKeys().countExists(key) == 1;
        } finally {
            client.shutdown();
        }
    }

    /** Freezes the redis-server of this JVM listening on {@code port} (SIGSTOP): it accepts connections, answers none. */
    public static void pause(int port) {
        signal(port, "STOP");
    }

    /** Lets the redis-server on {@code port} run again (SIGCONT) after {@link #pause}. */
    public static void resume(int port) {
        signal(port, "CONT");
    }

    private static void signal(int port, String signal) {
        String title = ".*redis-server\\S* 127\\.0\\.0\\.1:" + port + "\\b.*";
        long pid = ProcessHandle.current().descendants().mapToLong(ProcessHandle::pid)
                .filter(candidate -> commandLine(candidate).matches(title))
                .findFirst().orElseThrow(() -> new IllegalStateException("No redis-server on port " + port));
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command line of process {@code pid} as it shows it (redis-server shows its address there), or "". */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    public static void stop(RedisServer server) {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Properties of a single-member engine of cluster {@code cluster} on {@code hazelcastPort}. */
    public static Properties properties(String cluster, int hazelcastPort, int redisPort) {
        Properties properties = new Properties();
        properties.setProperty("tiercache.redis.address", "redis://127.0.0.1:" + redisPort);
        properties.setProperty("tiercache.hazelcast.cluster-name", cluster);
        properties.setProperty("tiercache.hazelcast.port", Integer.toString(hazelcastPort));
        properties.setProperty("tiercache.hazelcast.port-auto-increment", "false");
        properties.setProperty("tiercache.hazelcast.members", "127.0.0.1:" + hazelcastPort);
        properties.setProperty("tiercache.hazelcast.partition-count", "11");
        properties.setProperty("tiercache.hazelcast.property.hazelcast.logging.type", "none");
        properties.setProperty("tiercache.redis.netty-threads", "2");
        return properties;
    }

    /**
     * A plain Hazelcast member (no engine) of cluster {@code cluster} on 127.0.0.1:{@code port}, for engines in client
     * mode to connect to.
     */
    public static HazelcastInstance externalMember(String cluster, int port) {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.partition.count", "11");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false).setPublicAddress("127.0.0.1")
                .getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
        return Hazelcast.newHazelcastInstance(config);
    }

    /** Properties of an engine in client mode of the cluster {@code cluster} whose member listens on {@code port}. */
    public static Properties clientProperties(String cluster, int port, int redisPort) {
        Properties properties = properties(cluster, port, redisPort);
        properties.setProperty("tiercache.hazelcast.mode", "client");
        return properties;
    }

    public static CachingProvider provider() {
        return Caching.getCachingProvider(PROVIDER);
    }

    public static TieredCacheManager manager(String name, Properties properties) {
        return (TieredCacheManager) provider().getCacheManager(URI.create("tiercache-test:" + name),
                EngineFixture.class.getClassLoader(), properties);
    }

    /**
     * Two cache managers, {@code <cluster>-a} and {@code <cluster>-b}, whose Hazelcast members (each on a free port of
     * 127.0.0.1, TCP-IP join of both) have formed cluster {@code cluster}, over the Redis on {@code redisPort}.
     */
    public static List<TieredCacheManager> clusterOfTwo(String cluster, int redisPort) throws InterruptedException {
        return clusterOfTwo(cluster, redisPort, new Properties());
    }

    /** {@link #clusterOfTwo(String, int)} with {@code settings} added to both members' properties. */
    public static List<TieredCacheManager> clusterOfTwo(String cluster, int redisPort, Properties settings)
            throws InterruptedException {
        int portA = freePort();
        int portB = freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        Properties a = properties(cluster, portA, redisPort);
        a.setProperty("tiercache.hazelcast.members", members);
        Properties b = properties(cluster, portB, redisPort);
        b.setProperty("tiercache.hazelcast.members", members);
        a.putAll(settings);
        b.putAll(settings);
        TieredCacheManager memberA = manager(cluster + "-a", a);
        TieredCacheManager memberB = manager(cluster + "-b", b);
        if (!eventually(() -> memberA.unwrap(HazelcastInstance.class).getCluster().getMembers().size() == 2)) {
            throw new AssertionError("the two members did not form a cluster");
        }
        return List.of(memberA, memberB);
    }
}
