package io.tiercache.cache.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

/**
 * A message from one engine to every other engine of the cluster: run on each member by the Hazelcast executor, or
 * (client mode) published on a topic. Serialized with Java serialization (its classes are inside the class filter).
 */
final class MemberTask implements Callable<Boolean>, Serializable, HazelcastInstanceAware {

    enum Kind { BEGIN, END, GENERATION }

    private final Kind kind;
    private final String cache;
    private final ArrayList<String> keys;
    private final long generation;
    private final String origin;
    private transient HazelcastInstance instance;

    MemberTask(String origin, Kind kind, String cache, Collection<String> keys, long generation) {
        this.origin = origin;
        this.kind = kind;
        this.cache = cache;
        this.keys = keys == null ? null : new ArrayList<>(keys);
        this.generation = generation;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public Boolean call() {
        MemberHandler handler = MemberRegistry.handler(instance.getName());
        if (handler == null) {
            return Boolean.FALSE;
        }
        deliver(handler);
        return Boolean.TRUE;
    }

    /** The messenger that sent this message. */
    String origin() {
        return origin;
    }

    void deliver(MemberHandler handler) {
        switch (kind) {
            case BEGIN -> handler.beginInvalidation(cache, keys);
            case END -> handler.endInvalidation(cache, keys);
            case GENERATION -> handler.generationAdvanced(cache, generation);
        }
    }
}
