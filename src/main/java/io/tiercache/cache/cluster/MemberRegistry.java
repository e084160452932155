package io.tiercache.cache.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link MemberHandler} of each Hazelcast instance of this JVM, by instance name, so that a task arriving on an
 * instance finds the engine that owns it (several cache managers, and so several members, may share one JVM).
 */
final class MemberRegistry {

    private static final Map<String, MemberHandler> HANDLERS = new ConcurrentHashMap<>();

    private MemberRegistry() {
    }

    static void register(String instanceName, MemberHandler handler) {
        HANDLERS.put(instanceName, handler);
    }

    static void unregister(String instanceName) {
        HANDLERS.remove(instanceName);
    }

    static MemberHandler handler(String instanceName) {
        return HANDLERS.get(instanceName);
    }
}
