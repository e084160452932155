package io.tiercache.cache.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The settings of one cache: engine-wide defaults ({@code tiercache.l1.*}, {@code tiercache.l2.*}) overridden by
 * {@code tiercache.cache.<name>.l1.*} and {@code tiercache.cache.<name>.l2.*}. See {@link EngineSettings} for the
 * reference of every property.
 *
 * @param l1Enabled    whether the Hazelcast layer is used
 * @param l1Ttl        life of an entry in L1 (also the longest life of an entry promoted from L2)
 * @param l1MaxEntries entries per Hazelcast member before eviction (and per near cache)
 * @param l1MaxHeapMb  megabytes of L1 per Hazelcast member (its share of the map, backups included, plus its near
 *                     cache, both in serialized form) before eviction; 0: no bound by memory, the map is bounded by
 *                     {@code l1MaxEntries}. See {@code L1Tier} for how precisely
 * @param l1Eviction   Hazelcast eviction policy name: LRU, LFU, RANDOM or NONE
 * @param l2Enabled    whether the Redis layer is used
 * @param l2Ttl        life of an entry in Redis
 * @param ttlExpiry    whether the TTLs are the expiry of the entries (a cache configured through MicroProfile
 *                     Config: it has a {@code tiercache.cache.<name>.l1.ttl} or {@code .l2.ttl}, or is created with
 *                     {@code io.tiercache.cache.ConfiguredTtls}): an eternal entry lives them, a JCache duration is
 *                     capped by them. Otherwise the JCache expiry policy alone is the expiry of an entry (eternal: no
 *                     TTL in either layer), and {@code l1Ttl} bounds only how long a near cache keeps its copy of one
 */
public record CacheSettings(boolean l1Enabled, Duration l1Ttl, int l1MaxEntries, int l1MaxHeapMb, String l1Eviction,
                            boolean l2Enabled, Duration l2Ttl, boolean ttlExpiry) {

    public static final Duration DEFAULT_L1_TTL = Duration.ofMinutes(5);
    public static final int DEFAULT_L1_MAX_ENTRIES = 10_000;
    public static final Duration DEFAULT_L2_TTL = Duration.ofHours(1);

    public CacheSettings {
        requirePositive("L1 TTL", l1Ttl);
        requirePositive("L2 TTL", l2Ttl);
        if (l1MaxEntries < 1) {
            throw new IllegalArgumentException("L1 max entries must be at least 1, was " + l1MaxEntries);
        }
        if (l1MaxHeapMb < 0) {
            throw new IllegalArgumentException("L1 max heap must be 0 (none) or a number of megabytes, was "
                    + l1MaxHeapMb);
        }
        l1Eviction = l1Eviction.toUpperCase(Locale.ROOT);
        if (!l1Eviction.matches("LRU|LFU|RANDOM|NONE")) {
            throw new IllegalArgumentException("L1 eviction must be LRU, LFU, RANDOM or NONE, was " + l1Eviction);
        }
        if (l1MaxHeapMb > 0 && l1Eviction.equals("NONE")) {
            throw new IllegalArgumentException("An L1 bound by memory needs an eviction policy other than NONE");
        }
    }

    /** The settings of cache {@code name} as configured in {@code source}. */
    public static CacheSettings of(SettingsSource source, String name) {
        String own = "tiercache.cache." + name + ".";
        return new CacheSettings(
                source.bool(own + "l1.enabled", source.bool("tiercache.l1.enabled", true)),
                source.duration(own + "l1.ttl", source.duration("tiercache.l1.ttl", DEFAULT_L1_TTL)),
                source.integer(own + "l1.max-entries",
                        source.integer("tiercache.l1.max-entries", DEFAULT_L1_MAX_ENTRIES)),
                source.integer(own + "l1.max-heap-mb", source.integer("tiercache.l1.max-heap-mb", 0)),
                source.string(own + "l1.eviction", source.string("tiercache.l1.eviction", "LRU")),
                source.bool(own + "l2.enabled", source.bool("tiercache.l2.enabled", true)),
                source.duration(own + "l2.ttl", source.duration("tiercache.l2.ttl", DEFAULT_L2_TTL)),
                source.get(own + "l1.ttl").isPresent() || source.get(own + "l2.ttl").isPresent());
    }

    /** These settings with the TTLs as the expiry of the entries ({@code io.tiercache.cache.ConfiguredTtls}). */
    public CacheSettings withTtlExpiry() {
        return new CacheSettings(l1Enabled, l1Ttl, l1MaxEntries, l1MaxHeapMb, l1Eviction, l2Enabled, l2Ttl, true);
    }

    private static void requirePositive(String what, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }
}
