/**
 * The JCache MXBeans ({@code CacheStatistics}, {@code CacheConfiguration}) of each cache, registered in the platform
 * MBean server under names that differ for caches with different names. Thread-safe.
 */
package io.tiercache.cache.management;
