/**
 * L1: one Hazelcast {@code IMap} per cache, read through a near cache, and the Hazelcast instance (member or client)
 * the engine starts. All state lives in Hazelcast; the classes are thread-safe. Near-cache invalidation by Hazelcast
 * is eventual: the engine's own END messages are what make a write visible everywhere before it returns.
 */
package io.tiercache.cache.l1;
