package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import io.tiercache.cache.l1.L1Entry;
import java.util.List;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * {@code l1.max-heap-mb} bounds what one member holds of a cache in L1, its share of the map (backups included) plus
 * its near cache, on real Hazelcast members: values of 64 KiB, five times more of them than the bound holds, are
 * written, then read (filling the near cache of the reading member, with entries other members own too). The bound is
 * checked by counting entries (each costs at least its 64 KiB value) and by Hazelcast's cost accounting.
 */
class L1MemoryBoundTest {

    private static final int BOUND_MB = 1;
    private static final int VALUE_CHARS = 64 * 1024;
    private static final int ENTRIES = 5 * BOUND_MB * 1024 * 1024 / VALUE_CHARS;
    /** Hazelcast's own near-cache invalidations sent at once, not batched (a late batch would empty what was read). */
    private static final String NO_INVALIDATION_BATCHES =
            "tiercache.hazelcast.property.hazelcast.map.invalidation.batch.enabled";

    private static RedisServer redis;
    private static TieredCacheManager single;
    private static List<TieredCacheManager> pair;

    @BeforeAll
    static void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        Properties p = EngineFixture.properties("memory-bound", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.cache.bounded.l1.max-heap-mb", Integer.toString(BOUND_MB));
        p.setProperty("tiercache.redis.timeout", "5s");
        p.setProperty(NO_INVALIDATION_BATCHES, "false");
        single = EngineFixture.manager("memory-bound", p);
        Properties bounded = new Properties();
        bounded.setProperty("tiercache.cache.pair-bounded.l1.max-heap-mb", Integer.toString(BOUND_MB));
        // a read that L1 no longer holds goes to Redis: 64 KiB within the default 50 ms is not sure on a busy machine
        bounded.setProperty("tiercache.redis.timeout", "5s");
        bounded.setProperty(NO_INVALIDATION_BATCHES, "false");
        pair = EngineFixture.clusterOfTwo("memory-bound-pair", redisPort, bounded);
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.forEach(TieredCacheManager::close);
        }
        if (single != null) {
            single.close();
        }
        EngineFixture.stop(redis);
    }

    @Test
    void oneMemberHoldsNoMoreThanTheBoundInItsMapAndNearCache() {
        writeThenRead(single, single, "bounded");
    }

    @Test
    void aMemberReadingEntriesOthersOwnStillHoldsNoMoreThanTheBound() {
        TieredCache<Integer, String> unbounded = cache(pair.get(1), "pair-unbounded");
        for (int i = 0; i < ENTRIES; i++) {
            unbounded.put(i, value(i));
        }
        readAll(cache(pair.get(0), "pair-unbounded"));
        LocalMapStats stats = l1Stats(pair.get(0), "pair-unbounded");
        assertEquals(2 * ENTRIES, stats.getOwnedEntryCount() + stats.getBackupEntryCount()
                + stats.getNearCacheStats().getOwnedEntryCount(), "without the bound: all, and all near-cached");

        writeThenRead(pair.get(1), pair.get(0), "pair-bounded");
        assertWithinBound(pair.get(1), "pair-bounded");
    }

    /**
     * Writes every value through {@code writer}, then reads through {@code reader} first the keys L1 still holds
     * (hits that only fill the reader's near cache, no write that would make Hazelcast evict), then all of them (the
     * others come from Redis and are promoted into L1), checking the reader after each.
     */
    private static void writeThenRead(TieredCacheManager writer, TieredCacheManager reader, String name) {
        TieredCache<Integer, String> written = cache(writer, name);
        for (int i = 0; i < ENTRIES; i++) {
            written.put(i, value(i));
        }
        TieredCache<Integer, String> read = cache(reader, name);
        IMap<String, L1Entry> map = reader.unwrap(HazelcastInstance.class).getMap("tiercache." + name);
        List<Integer> held = map.values().stream().map(entry -> (Integer) entry.key()).toList();
        assertTrue(held.size() > 1 && held.size() < ENTRIES, "L1 holds some, not all: " + held.size());
        for (int i : held) {
            assertEquals(value(i), read.get(i));
        }
        assertWithinBound(reader, name);
        readAll(read);
        assertWithinBound(reader, name);
    }

    private static TieredCache<Integer, String> cache(TieredCacheManager manager, String name) {
        javax.cache.Cache<Integer, String> cache = manager.getCache(name, Integer.class, String.class);
        if (cache == null) {
            cache = manager.createCache(name, new MutableConfiguration<Integer, String>()
                    .setTypes(Integer.class, String.class).setStoreByValue(false));
        }
        return cache.unwrap(TieredCache.class);
    }

    private static void readAll(TieredCache<Integer, String> cache) {
        for (int i = 0; i < ENTRIES; i++) {
            assertEquals(value(i), cache.get(i), "from L1 or, once evicted there, from Redis");
        }
    }

    private static String value(int i) {
        String prefix = i + ":";
        return prefix + "v".repeat(VALUE_CHARS - prefix.length());
    }

    private static LocalMapStats l1Stats(TieredCacheManager manager, String name) {
        return manager.unwrap(HazelcastInstance.class).getMap("tiercache." + name).getLocalMapStats();
    }

    private static void assertWithinBound(TieredCacheManager manager, String name) {
        LocalMapStats stats = l1Stats(manager, name);
        long entries = stats.getOwnedEntryCount() + stats.getBackupEntryCount()
                + stats.getNearCacheStats().getOwnedEntryCount();
        long cost = stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost()
                + stats.getNearCacheStats().getOwnedEntryMemoryCost();
        long bound = BOUND_MB * 1024L * 1024L;
        String held = entries + " entries (map " + stats.getOwnedEntryCount() + " owned + "
                + stats.getBackupEntryCount() + " backups, near cache " + stats.getNearCacheStats().getOwnedEntryCount()
                + "), cost " + cost + " bytes, bound " + bound;
        assertTrue(entries > 0, "L1 still holds something: " + held);
        assertTrue(entries * VALUE_CHARS <= bound + VALUE_CHARS, "at most the bound and one entry: " + held);
        assertTrue(cost <= bound + cost / entries, "Hazelcast's cost within the bound and one entry: " + held);
    }
}
