package io.tiercache.cache.l2;

import io.tiercache.cache.config.EngineSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.PlainOptions;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.ReadMode;

/**
 * Creates the Redisson client a cache manager owns: from the Redisson YAML file when one is configured (with reads
 * from the masters only and no retries, whatever it says), else a single server at the configured address. Commands are not retried (a retry would break the time bound), connections are
 * pinged every second and re-established by Redisson in the background, and the client starts even while Redis is
 * down (lazy initialization; a Sentinel or Cluster deployment reachable at start-up is connected at once instead, see
 * {@link #connectNow}); reconnection attempts back off to at most one second apart, so the cache uses Redis
 * again within about a second of its return.
 */
public final class RedissonFactory {

    private RedissonFactory() {
    }

    public static RedissonClient create(EngineSettings settings) {
        Config config = settings.redisConfigFile().map(RedissonFactory::fromYaml).orElseGet(() -> {
            Config single = new Config();
            int timeout = (int) Math.max(1, settings.redisTimeout().toMillis());
            single.useSingleServer()
                    .setAddress(settings.redisAddress())
                    .setTimeout(timeout)
                    .setConnectTimeout((int) settings.redisConnectTimeout().toMillis())
                    .setRetryAttempts(0)
                    .setConnectionPoolSize(settings.redisPoolSize())
                    .setConnectionMinimumIdleSize(Math.min(2, settings.redisPoolSize()))
                    .setSubscriptionConnectionMinimumIdleSize(0)
                    .setSubscriptionConnectionPoolSize(1)
                    .setPingConnectionInterval(1000)
                    .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(1)));
            return single;
        });
        config.setNettyThreads(settings.redisNettyThreads());
        config.setThreads(2);
        config.setUseScriptCache(true);
        config.setCodec(org.redisson.client.codec.ByteArrayCodec.INSTANCE);
        if (!config.isSingleConfig()) {
            RedissonClient connected = connectNow(config, settings.redisConnectTimeout());
            if (connected != null) {
                return connected;
            }
        }
        config.setLazyInitialization(true);
        return Redisson.create(config);
    }

    /**
     * A client of a replicated deployment connected now (no lazy initialization), trying for up to {@code timeout};
     * null when Redis could not be reached in that time. Redisson 3.52's lazy initialization of such a deployment can
     * park its Netty threads for good when a connection closes or fails while it connects (redisson/redisson#7196),
     * which on a busy machine happens at start-up; a client connected at creation never takes that path.
     */
    private static RedissonClient connectNow(Config config, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            try {
                return Redisson.create(new Config(config).setLazyInitialization(false));
            } catch (RuntimeException e) {
                // not reachable (yet): tried again until the connect timeout, then left to lazy initialization
            }
        } while (System.nanoTime() - deadline < 0);
        return null;
    }

    /**
     * Opens the first connections now, waiting up to {@code timeout} (the connect timeout) for Redis to answer, so
     * that the first cache operations do not pay for them against the much shorter operation bound; a Redis that does
     * not answer in time is left to the background reconnection. A start-up call of {@code guard}: blocks the caller.
     */
    public static void connect(RedissonClient redisson, RedisGuard guard, Duration timeout) {
        try {
            guard.callAtStartup(wait -> redisson.getBucket(PlainOptions.name("tiercache-meta:connect").timeout(wait))
                    .isExistsAsync(), timeout.toNanos());
        } catch (L2UnavailableException e) {
            // Redis is not reachable yet: the cache starts degraded and Redisson keeps reconnecting
        }
    }

    /**
     * The file's configuration with the engine's rules applied whatever it says: no retries (a retried command could
     * land after the bound, and after a later invalidation), and on a replicated deployment (Sentinel, Cluster,
     * master/replica, replicated) reads from the masters only, since a replica may not yet have a write or a removal
     * that already returned (the SCAN of pattern invalidation included).
     */
    private static Config fromYaml(String file) {
        Config config;
        try {
            config = Config.fromYAML(new File(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Redisson configuration " + file, e);
        }
        if (config.isSingleConfig()) {
            config.useSingleServer().setRetryAttempts(0);
        } else {
            replicated(config).setReadMode(ReadMode.MASTER).setRetryAttempts(0);
        }
        return config;
    }

    /** The configuration of a deployment with replicas, of whichever kind the file chose. */
    private static BaseMasterSlaveServersConfig<?> replicated(Config config) {
        if (config.isClusterConfig()) {
            return config.useClusterServers();
        }
        if (config.isSentinelConfig()) {
            return config.useSentinelServers();
        }
        try {
            return config.useReplicatedServers();
        } catch (IllegalStateException e) {
            return config.useMasterSlaveServers();
        }
    }
}
