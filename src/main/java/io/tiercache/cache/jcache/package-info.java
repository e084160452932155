/**
 * The JCache face of a cache: {@link io.tiercache.cache.jcache.TieredJCache} checks arguments, reduces keys to their
 * stable text, runs the configuration's loader, writer, expiry policy and entry processors and delegates reads,
 * writes, key locks and fencing to the store of {@code io.tiercache.cache.store}.
 * Thread-safe.
 */
package io.tiercache.cache.jcache;
