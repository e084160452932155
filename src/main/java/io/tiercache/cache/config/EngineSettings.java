package io.tiercache.cache.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine-wide settings of one {@code CacheManager}, read once when it is created from a {@link SettingsSource}.
 * This is the reference of every property the engine reads; docs/configuration.md repeats it as a table.
 *
 * <h2>Per cache (defaults, overridable per cache name)</h2>
 * <ul>
 *   <li>{@code tiercache.l1.enabled} = {@code true}; {@code tiercache.l1.ttl} = {@code 5m};
 *       {@code tiercache.l1.max-entries} = {@code 10000} (per Hazelcast member); {@code tiercache.l1.max-heap-mb} =
 *       {@code 0} (none: megabytes of L1 per Hazelcast member, map share and near cache together, see
 *       {@link CacheSettings}); {@code tiercache.l1.eviction} = {@code LRU} (LRU, LFU, RANDOM, NONE)</li>
 *   <li>{@code tiercache.l2.enabled} = {@code true}; {@code tiercache.l2.ttl} = {@code 1h}</li>
 *   <li>{@code tiercache.cache.<name>.l1.enabled|ttl|max-entries|max-heap-mb|eviction} and
 *       {@code tiercache.cache.<name>.l2.enabled|ttl}: the same for cache {@code <name>} only</li>
 *   <li>The TTLs are the expiry of the entries of a cache configured through them ({@link CacheSettings#ttlExpiry}:
 *       TTLs of its own, or {@code io.tiercache.cache.ConfiguredTtls}, as the annotations' caches have), within
 *       which its JCache expiry policy gives each entry its life; any other cache follows its JCache expiry policy
 *       alone (eternal: no TTL in either layer).</li>
 * </ul>
 * Durations are {@code 50ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT5M}).
 *
 * <h2>Redis (L2, through Redisson)</h2>
 * <ul>
 *   <li>{@code tiercache.redis.address} = {@code redis://127.0.0.1:6379} (single server)</li>
 *   <li>{@code tiercache.redis.config-file}: a Redisson YAML file (sentinel, cluster, TLS, passwords...); when set
 *       it replaces the address, and the engine still applies its timeout bound, no retries and reads from the
 *       masters only ({@code io.tiercache.cache.l2.RedissonFactory})</li>
 *   <li>{@code tiercache.redis.timeout} = {@code 50ms}: the longest any cache operation waits on Redis</li>
 *   <li>{@code tiercache.redis.connect-timeout} = {@code 1s}: connection attempts (background reconnects)</li>
 *   <li>{@code tiercache.redis.pool-size} = {@code 16}; {@code tiercache.redis.netty-threads} = {@code 4}</li>
 *   <li>{@code tiercache.redis.scan-count} = {@code 500}: SCAN COUNT hint and delete batch size of pattern
 *       invalidation; {@code tiercache.redis.scan-timeout} = {@code 2s}: its time bound (past it the cache's
 *       generation is bumped instead, see {@code io.tiercache.cache.l2.Generation})</li>
 * </ul>
 *
 * <h2>Circuit breaker around Redis (resilience4j)</h2>
 * <ul>
 *   <li>{@code tiercache.breaker.failure-rate} = {@code 50} (percent); {@code tiercache.breaker.window} = {@code 10}
 *       (calls); {@code tiercache.breaker.minimum-calls} = {@code 5}; {@code tiercache.breaker.open-duration} =
 *       {@code 2s} (Redis skipped, then probed); {@code tiercache.breaker.half-open-calls} = {@code 2}</li>
 * </ul>
 *
 * <h2>Hazelcast (L1)</h2>
 * <ul>
 *   <li>{@code tiercache.hazelcast.mode} = {@code member} (embedded member) or {@code client} (of an external
 *       cluster)</li>
 *   <li>{@code tiercache.hazelcast.config-file}: a Hazelcast member or client XML/YAML file; when set it replaces the
 *       network settings below (the serialization filter and map settings are still applied)</li>
 *   <li>{@code tiercache.hazelcast.cluster-name} = {@code tiercache}; {@code tiercache.hazelcast.instance-name}
 *       (generated when absent)</li>
 *   <li>{@code tiercache.hazelcast.members}: comma-separated {@code host[:port]} list for TCP-IP join (member) or
 *       the cluster addresses (client); default the public address (none when there is none)</li>
 *   <li>{@code tiercache.hazelcast.port} = {@code 5701}; {@code tiercache.hazelcast.port-auto-increment} =
 *       {@code true}; {@code tiercache.hazelcast.multicast} = {@code false}</li>
 *   <li>{@code tiercache.hazelcast.interface} = {@code 127.0.0.1}: the IP address the member binds to;
 *       {@link #ANY_INTERFACE} binds to every interface (containers)</li>
 *   <li>{@code tiercache.hazelcast.public-address}: the {@code host[:port]} other members reach this one at (a host
 *       name is resolved when the member starts); default the interface, or with {@link #ANY_INTERFACE} the local
 *       address Hazelcast picks (one of the TCP-IP members, else the first non-loopback address)</li>
 *   <li>{@code tiercache.hazelcast.partition-count} = {@code 271}; {@code tiercache.hazelcast.backup-count} =
 *       {@code 1}</li>
 *   <li>{@code tiercache.hazelcast.property.<name>}: any Hazelcast property, e.g.
 *       {@code tiercache.hazelcast.property.hazelcast.logging.type=slf4j}</li>
 * </ul>
 *
 * <h2>Serialization, invalidation, statistics</h2>
 * <ul>
 *   <li>{@code tiercache.codec.allow} = {@code io.tiercache.**;java.lang.*;java.util.*;java.time.*;java.math.*}:
 *       the classes that may be deserialized, from Redis and in Hazelcast ({@code pkg.*} a package,
 *       {@code pkg.**} a package and its subpackages, otherwise a class name)</li>
 *   <li>{@code tiercache.codec.limits} = {@code maxdepth=20;maxrefs=100000;maxbytes=16777216;maxarray=1000000}:
 *       graph limits of {@link java.io.ObjectInputFilter} applied to values read from Redis</li>
 *   <li>{@code tiercache.invalidation.timeout} = {@code 2s}: how long a write waits for every member (or live
 *       client) to acknowledge its invalidation; in client mode half of it is the heartbeat interval of the client
 *       registry and twice it the registration's TTL</li>
 *   <li>{@code tiercache.stats.latency} = {@code true}: record latency histograms (counters are always kept)</li>
 *   <li>{@code tiercache.stats.l1-latency-sample} = {@code 64}: time one L1 read in this many (a power of two;
 *       {@code 1} times every read); counters stay exact</li>
 * </ul>
 */
public record EngineSettings(
        String redisAddress, Optional<String> redisConfigFile, Duration redisTimeout, Duration redisConnectTimeout,
        int redisPoolSize, int redisNettyThreads, int scanCount, Duration scanTimeout,
        int breakerFailureRate, int breakerWindow, int breakerMinimumCalls, Duration breakerOpenDuration,
        int breakerHalfOpenCalls,
        String hazelcastMode, Optional<String> hazelcastConfigFile, String clusterName, Optional<String> instanceName,
        List<String> members, int port, boolean portAutoIncrement, String bindInterface,
        Optional<String> publicAddress, boolean multicast,
        int partitionCount, int backupCount, Map<String, String> hazelcastProperties,
        String codecAllow, String codecLimits, Duration invalidationTimeout, boolean latencyStatistics,
        int l1LatencySample) {

    public static final String DEFAULT_ALLOW = "io.tiercache.**;java.lang.*;java.util.*;java.time.*;java.math.*";
    /** The {@code tiercache.hazelcast.interface} value that binds the member to every interface. */
    public static final String ANY_INTERFACE = "0.0.0.0";
    public static final String DEFAULT_LIMITS = "maxdepth=20;maxrefs=100000;maxbytes=16777216;maxarray=1000000";

    public static EngineSettings of(SettingsSource s) {
        String mode = s.string("tiercache.hazelcast.mode", "member");
        if (!mode.equals("member") && !mode.equals("client")) {
            throw new IllegalArgumentException("tiercache.hazelcast.mode must be member or client, was " + mode);
        }
        String iface = s.string("tiercache.hazelcast.interface", "127.0.0.1");
        Optional<String> publicAddress = s.get("tiercache.hazelcast.public-address").map(String::trim)
                .or(() -> iface.equals(ANY_INTERFACE) ? Optional.empty() : Optional.of(iface));
        List<String> members = Arrays.stream(s.string("tiercache.hazelcast.members", "").split(","))
                .map(String::trim).filter(m -> !m.isEmpty()).toList();
        return new EngineSettings(
                s.string("tiercache.redis.address", "redis://127.0.0.1:6379"),
                s.get("tiercache.redis.config-file"),
                s.duration("tiercache.redis.timeout", Duration.ofMillis(50)),
                s.duration("tiercache.redis.connect-timeout", Duration.ofSeconds(1)),
                s.integer("tiercache.redis.pool-size", 16),
                s.integer("tiercache.redis.netty-threads", 4),
                s.integer("tiercache.redis.scan-count", 500),
                s.duration("tiercache.redis.scan-timeout", Duration.ofSeconds(2)),
                s.integer("tiercache.breaker.failure-rate", 50),
                s.integer("tiercache.breaker.window", 10),
                s.integer("tiercache.breaker.minimum-calls", 5),
                s.duration("tiercache.breaker.open-duration", Duration.ofSeconds(2)),
                s.integer("tiercache.breaker.half-open-calls", 2),
                mode,
                s.get("tiercache.hazelcast.config-file"),
                s.string("tiercache.hazelcast.cluster-name", "tiercache"),
                s.get("tiercache.hazelcast.instance-name"),
                members.isEmpty() ? publicAddress.stream().toList() : members,
                s.integer("tiercache.hazelcast.port", 5701),
                s.bool("tiercache.hazelcast.port-auto-increment", true),
                iface,
                publicAddress,
                s.bool("tiercache.hazelcast.multicast", false),
                s.integer("tiercache.hazelcast.partition-count", 271),
                s.integer("tiercache.hazelcast.backup-count", 1),
                Map.copyOf(s.withPrefix("tiercache.hazelcast.property.")),
                s.string("tiercache.codec.allow", DEFAULT_ALLOW),
                s.string("tiercache.codec.limits", DEFAULT_LIMITS),
                s.duration("tiercache.invalidation.timeout", Duration.ofSeconds(2)),
                s.bool("tiercache.stats.latency", true),
                s.integer("tiercache.stats.l1-latency-sample", 64));
    }

    /** Whether the member binds to every interface ({@link #ANY_INTERFACE}) rather than to one address. */
    public boolean bindsAnyInterface() {
        return bindInterface.equals(ANY_INTERFACE);
    }

    public boolean clientMode() {
        return hazelcastMode.equals("client");
    }
}
