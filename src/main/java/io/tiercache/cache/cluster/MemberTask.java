package io.tiercache.cache.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.Callable;

/**
 * A message from one engine to every other engine of the cluster: run on each member by the Hazelcast executor, or
 * (client mode) published to every client by a {@link ClientChannel}. Serialized with Java serialization (its
 * classes are inside the class filter).
 */
final class MemberTask implements Callable<Boolean>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    enum Kind { BEGIN, END, GENERATION, PING }

    private final Kind kind;
    private final String cache;
    private final String id;
    private final ArrayList<String> keys;
    /** The new generation (GENERATION) or the time the invalidation was sent, in epoch ms (BEGIN). */
    private final long generation;
    /** The UUID of the member that sent a BEGIN (null from a client). */
    private final String sender;
    private transient HazelcastInstance instance;

    private MemberTask(Kind kind, String cache, String id, Collection<String> keys, long generation,
                       String sender) {
        this.sender = sender;
        this.kind = kind;
        this.cache = cache;
        this.id = id;
        this.keys = keys == null ? null : new ArrayList<>(keys);
        this.generation = generation;
    }

    /**
     * The BEGIN of invalidation {@code id}, sent by member {@code sender} (null: a client); {@code sentAtMillis} (the
     * sender's wall clock) travels as its value.
     */
    static MemberTask begin(String cache, String id, Collection<String> keys, long sentAtMillis,
                            String sender) {
        return new MemberTask(Kind.BEGIN, cache, id, keys, sentAtMillis, sender);
    }

    static MemberTask end(String cache, String id, Collection<String> keys) {
        return new MemberTask(Kind.END, cache, id, keys, 0, null);
    }

    static MemberTask generation(String cache, long generation) {
        return new MemberTask(Kind.GENERATION, cache, null, null, generation, null);
    }

    /** Asks a member whether member {@code memberUuid} (the sender) belongs to its view of the cluster. */
    static MemberTask ping(String memberUuid) {
        return new MemberTask(Kind.PING, null, memberUuid, null, 0, null);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public Boolean call() {
        if (kind == Kind.PING) {
            return instance.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().toString().equals(id));
        }
        ClusterMessenger messenger = MemberRegistry.messenger(instance.getName());
        return messenger != null && messenger.receive(this);
    }

    String cache() {
        return cache;
    }

    void deliver(InvalidationHandler handler) {
        switch (kind) {
            case BEGIN -> handler.beginInvalidation(id, keys, generation, sender);
            case END -> handler.endInvalidation(id, keys);
            case GENERATION -> handler.generationAdvanced(generation);
            case PING -> { }
        }
    }
}
