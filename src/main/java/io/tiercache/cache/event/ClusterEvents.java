package io.tiercache.cache.event;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.util.UUID;
import javax.cache.event.EventType;

/**
 * Carries the entry events of one cache between the members of the cluster, so that a listener sees the changes
 * made on any member (JSR-107 &sect;8.4).
 *
 * <p>A member with listeners on the cache says so in the replicated map {@code tiercache-meta.listeners} (one key per
 * cache and member) and subscribes to the topic {@code tiercache-meta.events.<cache>}. A member that changes an entry
 * publishes the change to the topic only while another member says it listens, so a cluster without listeners pays
 * nothing. The changes of one member arrive in the order it published them; a member hands the changes of others to
 * all its listeners, synchronous ones included, on the dispatcher's asynchronous thread: a writer never waits for
 * another member's listeners. A member learns of another's registration through the replicated map, within
 * milliseconds; changes made before that are not delivered there.
 *
 * <p>Thread-safe.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ClusterEvents<K, V> {

    private static final String REGISTRY = "tiercache-meta.listeners";

    private final ITopic<EntryChange> topic;
    private final ReplicatedMap<String, Boolean> registry;
    private final String prefix;
    private final String own;
    private final UUID origin;
    private final EventDispatcher<K, V> dispatcher;
    private final UUID registryListener;
    private UUID subscription;
    private volatile boolean othersListen;

    public ClusterEvents(HazelcastInstance hazelcast, String cacheName, EventDispatcher<K, V> dispatcher) {
        this.topic = hazelcast.getTopic("tiercache-meta.events." + cacheName);
        this.registry = hazelcast.getReplicatedMap(REGISTRY);
        this.origin = hazelcast.getLocalEndpoint().getUuid();
        this.prefix = cacheName + "\u0000";
        this.own = prefix + origin;
        this.dispatcher = dispatcher;
        this.registryListener = registry.addEntryListener(new RegistryWatcher());
        refresh();
    }

    /** Whether another member has listeners on the cache (then every change is published). */
    public boolean othersListen() {
        return othersListen;
    }

    /** Called when this member's first listener is registered or its last deregistered. */
    public synchronized void listening(boolean listening) {
        if (listening && subscription == null) {
            subscription = topic.addMessageListener(this::received);
            registry.put(own, Boolean.TRUE);
        } else if (!listening && subscription != null) {
            registry.remove(own);
            topic.removeMessageListener(subscription);
            subscription = null;
        }
    }

    /** Sends a change made on this member to the members that listen. */
    public void publish(EventType type, K key, V value, V oldValue) {
        if (othersListen) {
            topic.publish(new EntryChange(origin, type.name(), key, value, oldValue));
        }
    }

    @SuppressWarnings("unchecked")
    private void received(Message<EntryChange> message) {
        EntryChange change = message.getMessageObject();
        if (!origin.equals(change.origin())) {
            dispatcher.changedElsewhere(EventType.valueOf(change.type()), (K) change.key(), (V) change.value(),
                    (V) change.oldValue());
        }
    }

    private void refresh() {
        boolean found = false;
        for (String key : registry.keySet()) {
            if (key.startsWith(prefix) && !key.equals(own)) {
                found = true;
                break;
            }
        }
        othersListen = found;
    }

    /** Stops listening and takes this member's registration back. */
    public synchronized void close() {
        listening(false);
        registry.removeEntryListener(registryListener);
    }

    /** Recomputes {@link #othersListen} whenever the registry changes. */
    private final class RegistryWatcher implements EntryListener<String, Boolean> {

        @Override
        public void entryAdded(EntryEvent<String, Boolean> event) {
            refresh();
        }

        @Override
        public void entryRemoved(EntryEvent<String, Boolean> event) {
            refresh();
        }

        @Override
        public void entryUpdated(EntryEvent<String, Boolean> event) {
            refresh();
        }

        @Override
        public void entryEvicted(EntryEvent<String, Boolean> event) {
            refresh();
        }

        @Override
        public void entryExpired(EntryEvent<String, Boolean> event) {
            refresh();
        }

        @Override
        public void mapCleared(MapEvent event) {
            refresh();
        }

        @Override
        public void mapEvicted(MapEvent event) {
            refresh();
        }
    }
}
