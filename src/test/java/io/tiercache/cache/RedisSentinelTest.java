package io.tiercache.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The engine on Redis Sentinel (one master, one replica, three sentinels) through
 * {@code server-config/payara/redisson-sentinel.yaml}: see {@link RedisTopologyContract}.
 */
final class RedisSentinelTest extends RedisTopologyContract {

    @Override
    RedisTopology start() {
        return RedisTopology.sentinel();
    }

    @Override
    Path sampleFile() {
        return Path.of("server-config", "payara", "redisson-sentinel.yaml");
    }

    @Override
    Map<String, String> placeholders(RedisTopology topology) {
        return Map.of("REDIS_MASTER_NAME", RedisTopology.MASTER_NAME,
                "REDIS_SENTINEL_1", "127.0.0.1:" + topology.sentinelPorts().get(0),
                "REDIS_SENTINEL_2", "127.0.0.1:" + topology.sentinelPorts().get(1),
                "REDIS_SENTINEL_3", "127.0.0.1:" + topology.sentinelPorts().get(2));
    }

    @Override
    int masterOf(RedisTopology topology, String redisKey) {
        return topology.sentinelMaster();
    }

    @Override
    String minimalFile(RedisTopology topology) {
        return "sentinelServersConfig:\n  masterName: \"" + RedisTopology.MASTER_NAME + "\"\n  sentinelAddresses:\n"
                + topology.sentinelPorts().stream().map(port -> "    - \"redis://127.0.0.1:" + port + "\"\n")
                .collect(Collectors.joining());
    }

    @Override
    String failoverSettings() {
        return "sentinel down-after-milliseconds " + RedisTopology.SENTINEL_DOWN_AFTER_MILLIS + ", failover-timeout "
                + RedisTopology.SENTINEL_FAILOVER_TIMEOUT_MILLIS + ", Redisson scanInterval 1000 ms";
    }
}
