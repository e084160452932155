/**
 * The rules of one cache across its two layers: reads and misses (L1, L2, loader), writes inside a cluster-wide
 * invalidation, what a Redis failure does to the generation, and exactly one hit or miss per get and layer.
 * Thread-safe; see {@link io.tiercache.cache.store.TieredStore} for the blocking bounds.
 */
package io.tiercache.cache.store;
