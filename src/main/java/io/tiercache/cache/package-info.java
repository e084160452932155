/**
 * The tiered cache's public API: what the rest of the code (observability, admin, the application) may use of the
 * engine. {@link io.tiercache.cache.TieredCacheManager} and {@link io.tiercache.cache.TieredCache} (obtained from
 * the provider {@code io.tiercache.cache.spi.TieredCachingProvider} by class name, or through the JSR-107
 * annotations of {@code io.tiercache.cache.annotation}), the statistics snapshots, {@link io.tiercache.cache.StableKey}
 * for keys of one's own, and {@link io.tiercache.cache.Durations}, the duration format of the settings.
 *
 * <p>The promise: when a write or removal returns, no read that starts afterwards, on any member, returns the value
 * it replaced. Everything in the sub-packages is internal to the engine, but for
 * {@code annotation.CacheManagerSource}; {@code ArchitectureTest} keeps it so.
 */
package io.tiercache.cache;
