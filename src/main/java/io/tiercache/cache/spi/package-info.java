/**
 * The JCache provider ({@code TieredCachingProvider}, registered in {@code META-INF/services}), its cache manager and
 * the {@code Engine} each manager runs on (Hazelcast, Redisson, the messenger, the clock), which builds the store of
 * every cache. Managers are created and released under the provider's lock; everything else is thread-safe.
 */
package io.tiercache.cache.spi;
