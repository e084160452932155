package io.tiercache.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The engine on Redis Cluster (three masters, three replicas) through
 * {@code server-config/payara/redisson-cluster.yaml}: see {@link RedisTopologyContract}.
 */
final class RedisClusterTest extends RedisTopologyContract {

    @Override
    RedisTopology start() {
        return RedisTopology.cluster();
    }

    @Override
    Path sampleFile() {
        return Path.of("server-config", "payara", "redisson-cluster.yaml");
    }

    @Override
    Map<String, String> placeholders(RedisTopology topology) {
        return Map.of("REDIS_CLUSTER_NODE_1", "127.0.0.1:" + topology.dataPorts().get(0),
                "REDIS_CLUSTER_NODE_2", "127.0.0.1:" + topology.dataPorts().get(1),
                "REDIS_CLUSTER_NODE_3", "127.0.0.1:" + topology.dataPorts().get(2));
    }

    @Override
    int masterOf(RedisTopology topology, String redisKey) {
        return topology.clusterMasterOf(redisKey);
    }

    @Override
    String minimalFile(RedisTopology topology) {
        return "clusterServersConfig:\n  nodeAddresses:\n" + topology.dataPorts().stream().limit(3)
                .map(port -> "    - \"redis://127.0.0.1:" + port + "\"\n").collect(Collectors.joining());
    }

    @Override
    String failoverSettings() {
        return "cluster-node-timeout " + RedisTopology.CLUSTER_NODE_TIMEOUT_MILLIS + " ms, Redisson scanInterval 1000 ms";
    }
}
