/**
 * Messages between the engines of a Hazelcast cluster: the BEGIN and END of every invalidation and each L2 generation
 * bump, delivered synchronously to every member's caches (executor tasks) or, in client mode, to every live client's
 * (a topic, acknowledged on reply topics; liveness from heartbeats in a map). It owns the pairing of BEGIN and END
 * by id and the wait for acknowledgements (at most {@code tiercache.invalidation.timeout}); handlers run on
 * Hazelcast threads, concurrently.
 */
package io.tiercache.cache.cluster;
