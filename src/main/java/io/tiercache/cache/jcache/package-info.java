/**
 * The JCache face of a cache: {@link io.tiercache.cache.jcache.TieredJCache} checks arguments, reduces keys to their
 * stable text and delegates reads, writes and fencing to the store of {@code io.tiercache.cache.store}.
 * Thread-safe.
 */
package io.tiercache.cache.jcache;
