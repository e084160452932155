/**
 * The rules of one cache across its two layers: reads and misses (L1, L2, loader), writes under the key's
 * cluster-wide lock inside a cluster-wide invalidation (atomic read-decide-write operations included), what a Redis
 * failure does to the generation, and exactly one hit or miss per get and layer.
 * Thread-safe; see {@link io.tiercache.cache.store.TieredStore} for the blocking bounds.
 */
package io.tiercache.cache.store;
