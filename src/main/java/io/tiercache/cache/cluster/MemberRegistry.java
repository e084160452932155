package io.tiercache.cache.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ClusterMessenger} of each Hazelcast instance of this JVM, by instance name, so that a task arriving on an
 * instance finds the engine that owns it (several engines, and so several members, may share one JVM).
 */
final class MemberRegistry {

    private static final Map<String, ClusterMessenger> MESSENGERS = new ConcurrentHashMap<>();

    private MemberRegistry() {
    }

    static void register(String instanceName, ClusterMessenger messenger) {
        MESSENGERS.put(instanceName, messenger);
    }

    static void unregister(String instanceName, ClusterMessenger messenger) {
        MESSENGERS.remove(instanceName, messenger);
    }

    static ClusterMessenger messenger(String instanceName) {
        return MESSENGERS.get(instanceName);
    }
}
