package io.tiercache.cache.event;

import java.io.Serializable;
import java.util.UUID;

/**
 * A change of one entry as {@link ClusterEvents} sends it to the other members: Java-serialized by Hazelcast under
 * the engine's class filter (keys and values must be of allowlisted classes, as in L1).
 *
 * @param origin   the Hazelcast endpoint that made the change
 * @param type     what happened: the name of a {@code javax.cache.event.EventType} (the enum is not serialized, so
 *                 Hazelcast's class filter need not admit it)
 * @param key      the entry's key
 * @param value    its new value (for removals and expiries, the value it had)
 * @param oldValue its previous value, or null
 */
record EntryChange(UUID origin, String type, Object key, Object value, Object oldValue) implements Serializable {
}
