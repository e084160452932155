package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.config.CacheSettings;
import io.tiercache.cache.config.SettingsSource;
import io.tiercache.cache.l1.L1Entry;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import redis.embedded.RedisServer;

/**
 * What the two layers of one member make of each operation, checked in Hazelcast and Redis themselves: where writes
 * and reads go, promotion, TTLs, eviction, keys, iteration, and an entry's expiry: eternal is no TTL in either layer
 * for a cache created through the JCache API, the configured TTLs for a cache configured through MicroProfile Config;
 * a {@code null} update duration keeps the entry's expiry; a read-through load lives the creation duration and is a
 * creation (JSR-107 &sect;6, &sect;8.4).
 */
class TierSemanticsTest {

    private static RedisServer redis;
    private static TieredCacheManager manager;
    private static RedissonClient redisson;
    private static HazelcastInstance hazelcast;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        Properties p = EngineFixture.properties("tier-semantics", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.hazelcast.partition-count", "1");
        p.setProperty("tiercache.cache.promotion.l1.ttl", "10s");
        p.setProperty("tiercache.cache.promotion.l2.ttl", "1500ms");
        p.setProperty("tiercache.cache.short.l1.ttl", "300ms");
        p.setProperty("tiercache.cache.short.l2.ttl", "700ms");
        p.setProperty("tiercache.cache.small.l1.max-entries", "20");
        p.setProperty("tiercache.cache.configured.l1.ttl", "20s");
        p.setProperty("tiercache.cache.configured.l2.ttl", "40s");
        manager = EngineFixture.manager("tier-semantics", p);
        redisson = manager.unwrap(RedissonClient.class);
        hazelcast = manager.unwrap(HazelcastInstance.class);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, String> cache(String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    private static IMap<String, L1Entry> l1(String cache) {
        return hazelcast.getMap("tiercache." + cache);
    }

    private static Set<String> redisKeys(String pattern) {
        return StreamSupport.stream(redisson.getKeys().getKeys(KeysScanOptions.defaults().pattern(pattern))
                .spliterator(), false).collect(Collectors.toSet());
    }

    @Test
    void providerIsSelectedByNameAndReadsMicroProfileConfig() {
        assertEquals(EngineFixture.PROVIDER, EngineFixture.provider().getClass().getName());
        CacheSettings settings = CacheSettings.of(SettingsSource.of(new Properties(),
                getClass().getClassLoader()), "from-microprofile-config");
        assertEquals(java.time.Duration.ofSeconds(42), settings.l1Ttl());
        assertEquals(java.time.Duration.ofHours(2), settings.l2Ttl());
        assertTrue(settings.ttlExpiry(), "TTLs of its own: they are the expiry of its entries");
        assertEquals(123, settings.l1MaxEntries());
        CacheSettings defaults = CacheSettings.of(SettingsSource.of(new Properties(),
                getClass().getClassLoader()), "anything-else");
        assertEquals(java.time.Duration.ofMinutes(5), defaults.l1Ttl());
        assertEquals(10_000, defaults.l1MaxEntries());
        assertEquals(java.time.Duration.ofHours(1), defaults.l2Ttl());
        assertFalse(defaults.ttlExpiry(), "no TTL of its own: its JCache expiry policy is the expiry of its entries");
    }

    @Test
    void writesReachBothLayersAndReadsPreferL1() {
        TieredCache<String, String> cache = cache("both");
        cache.put("a", "alpha");
        assertNotNull(l1("both").get("a"));
        assertEquals(Set.of("tiercache:both:a"), redisKeys("tiercache:both:*"));
        assertEquals("alpha", cache.get("a"));
        assertEquals(1, cache.snapshot().l1().hits());
        assertEquals(0, cache.snapshot().l2().hits() + cache.snapshot().l2().misses());
    }

    @Test
    void promotesAnL2HitIntoL1WithTheLifeLeftInRedis() throws InterruptedException {
        TieredCache<String, String> cache = cache("promotion");
        long written = System.currentTimeMillis();
        cache.put("k", "v");
        l1("promotion").delete("k");
        Thread.sleep(400);
        assertEquals("v", cache.get("k"));
        assertEquals(1, cache.snapshot().l2().hits());
        L1Entry promoted = l1("promotion").get("k");
        assertNotNull(promoted);
        assertTrue(promoted.expiresAtMillis() <= written + 1500 + 50,
                "promoted for at most the 1.5 s left in Redis, not the 10 s L1 TTL");
        assertEquals("v", cache.get("k"));
        assertEquals(1, cache.snapshot().l1().hits());
        Thread.sleep(Math.max(0, written + 1600 - System.currentTimeMillis()));
        assertNull(cache.get("k"));
    }

    @Test
    void shortTtlsExpireLayerByLayer() throws InterruptedException {
        TieredCache<String, String> cache = cache("short");
        long written = System.currentTimeMillis();
        cache.put("k", "v");
        assertEquals("v", cache.get("k"));
        assertEquals(1, cache.snapshot().l1().hits());
        Thread.sleep(Math.max(0, written + 400 - System.currentTimeMillis()));
        assertEquals("v", cache.get("k"), "L1 expired after 300 ms, Redis still has it for 700 ms");
        assertEquals(1, cache.snapshot().l2().hits());
        Thread.sleep(Math.max(0, written + 800 - System.currentTimeMillis()));
        assertNull(cache.get("k"));
        assertEquals(1, cache.snapshot().misses());
    }

    @Test
    void evictsAtMaxSizeAndKeepsServingFromL2() {
        TieredCache<String, String> cache = cache("small");
        for (int i = 0; i < 60; i++) {
            cache.put("k" + i, "v" + i);
        }
        assertTrue(l1("small").size() <= 20, "L1 holds at most 20 entries, held " + l1("small").size());
        for (int i = 0; i < 60; i++) {
            assertEquals("v" + i, cache.get("k" + i));
        }
        assertTrue(cache.snapshot().l1().evictions() >= 40 || awaitEvictions(cache, 40));
        assertTrue(cache.snapshot().l2().hits() >= 40);
    }

    private static boolean awaitEvictions(TieredCache<?, ?> cache, long atLeast) {
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            if (cache.snapshot().l1().evictions() >= atLeast) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    @Test
    void invalidatesAPatternInBothLayers() {
        TieredCache<String, String> cache = cache("patterns");
        cache.put("strategies:list:1", "l1");
        cache.put("strategies:list:2", "l2");
        cache.put("strategies:list:3", "l3");
        cache.put("strategies:detail:1", "d1");
        l1("patterns").delete("strategies:list:3");
        cache.put("strategies:list:[x]", "odd");
        assertEquals(3, cache.invalidatePattern("strategies:list:?"));
        assertEquals(Set.of("tiercache:patterns:strategies:detail:1", "tiercache:patterns:strategies:list:[x]"),
                redisKeys("tiercache:patterns:*"));
        assertEquals(Set.of("strategies:detail:1", "strategies:list:[x]"), l1("patterns").keySet());
        assertNull(cache.get("strategies:list:1"));
        assertNull(cache.get("strategies:list:3"));
        assertEquals("d1", cache.get("strategies:detail:1"));
        assertEquals(1, cache.invalidatePattern("strategies:list:\\[x\\]"));
        assertEquals(Set.of("tiercache:patterns:strategies:detail:1"), redisKeys("tiercache:patterns:*"));
    }

    @Test
    void clearEmptiesBothLayersOfThatCacheOnly() {
        TieredCache<String, String> cache = cache("clear");
        TieredCache<String, String> other = cache("clear-other");
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, "v");
        }
        other.put("k0", "stays");
        cache.clear();
        assertEquals(Set.of(), redisKeys("tiercache:clear:*"));
        assertEquals(0, l1("clear").size());
        assertNull(cache.get("k0"));
        assertEquals("stays", other.get("k0"));
        assertEquals(Set.of("tiercache:clear-other:k0"), redisKeys("tiercache:clear-other:*"));
    }

    @Test
    void putIfAbsentRemoveAndContainsKey() {
        TieredCache<String, String> cache = cache("conditional");
        assertTrue(cache.putIfAbsent("k", "first"));
        assertFalse(cache.putIfAbsent("k", "second"));
        l1("conditional").delete("k");
        assertFalse(cache.putIfAbsent("k", "third"), "Redis still has the first value");
        assertTrue(cache.containsKey("k"));
        assertEquals("first", cache.get("k"));
        assertTrue(cache.remove("k"));
        assertFalse(cache.remove("k"));
        assertFalse(cache.containsKey("k"));
        assertNull(cache.get("k"));
    }

    @Test
    void keysFollowEqualsAndUnserializableKeysAreRejected() {
        Cache<Object, String> cache = manager.createCache("keys", new MutableConfiguration<Object, String>()
                .setTypes(Object.class, String.class));
        cache.put(42L, "long");
        cache.put("42", "string");
        cache.put(new BacktestKey(7), "stable");
        cache.put(List.of(1, 2), "list");
        assertEquals(Set.of("tiercache:keys:~java.lang.Long:42", "tiercache:keys:42",
                "tiercache:keys:strategy/7/backtest"), redisKeys("tiercache:keys:[s4~]*").stream()
                .filter(k -> !k.contains("List")).collect(java.util.stream.Collectors.toSet()));
        assertEquals("long", cache.get(42L));
        assertNull(cache.get(42), "an Integer is not equal to a Long");
        assertEquals("string", cache.get("42"));
        assertEquals("stable", cache.get(new BacktestKey(7)));
        assertEquals("list", cache.get(List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> cache.put((StableKey) () -> "lambda", "x"));
        assertThrows(IllegalArgumentException.class, () -> cache.put(new Object(), "x"));
    }

    record BacktestKey(int strategy) implements StableKey, java.io.Serializable {

        @Override
        public String stableKey() {
            return "strategy/" + strategy + "/backtest";
        }
    }

    @Test
    void atomicOperationsDecideFromTheValueInEitherLayer() {
        Cache<String, String> cache = cache("atomic");
        assertNull(cache.getAndPut("k", "a"));
        assertEquals("a", cache.getAndPut("k", "b"));
        assertFalse(cache.replace("k", "a", "c"));
        assertTrue(cache.replace("k", "b", "c"));
        l1("atomic").delete("k");
        assertEquals("c", cache.getAndReplace("k", "d"), "Redis still has the value");
        assertFalse(cache.remove("k", "c"));
        assertTrue(cache.remove("k", "d"));
        assertNull(cache.getAndRemove("k"));
        assertFalse(cache.replace("k", "e"));
        assertEquals(Integer.valueOf(2), cache.<Integer>invoke("n", (entry, arguments) -> {
            entry.setValue(entry.exists() ? "again" : "new");
            return 2;
        }));
        assertEquals("new", cache.get("n"));
    }

    @Test
    void honoursTheJCacheExpiryPolicy() throws InterruptedException {
        Cache<String, String> cache = manager.createCache("jcache-expiry", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.MILLISECONDS, 300))));
        cache.put("k", "v");
        assertEquals("v", cache.get("k"));
        Thread.sleep(400);
        assertNull(cache.get("k"));
    }

    @Test
    void iteratesAndRemovesAllThroughAWriterTheEntriesOnlyInRedisToo() {
        Cache<Object, String> cache = manager.createCache("redis-only", new MutableConfiguration<Object, String>()
                .setTypes(Object.class, String.class).setWriteThrough(true)
                .setCacheWriterFactory(FactoryBuilder.factoryOf(DeletedKeys.class)));
        LocalDate date = LocalDate.of(2026, 11, 30);
        cache.putAll(Map.of("a", "1", 7L, "2", "~x", "3", date, "4"));
        l1("redis-only").clear();
        cache.put("b", "5");
        Map<Object, String> seen = StreamSupport.stream(cache.spliterator(), false)
                .collect(Collectors.toMap(Cache.Entry::getKey, Cache.Entry::getValue));
        assertEquals(Map.of("a", "1", 7L, "2", "~x", "3", date, "4", "b", "5"), seen,
                "the entries only in Redis with their keys, typed, and the one in both layers once");
        DeletedKeys.KEYS.clear();
        cache.removeAll();
        assertEquals(Set.of("a", 7L, "~x", date, "b"), Set.copyOf(DeletedKeys.KEYS));
        assertEquals(Set.of(), redisKeys("tiercache:redis-only:*"));
    }

    /** Records the keys it is asked to delete. */
    public static final class DeletedKeys implements CacheWriter<Object, String> {

        static final List<Object> KEYS = new CopyOnWriteArrayList<>();

        @Override
        public void write(Cache.Entry<? extends Object, ? extends String> entry) {
        }

        @Override
        public void writeAll(Collection<Cache.Entry<? extends Object, ? extends String>> entries) {
        }

        @Override
        public void delete(Object key) {
            KEYS.add(key);
        }

        @Override
        public void deleteAll(Collection<?> keys) {
            KEYS.addAll(keys);
            keys.clear();
        }
    }

    @Test
    void iteratesLiveL1EntriesAndUnwraps() {
        TieredCache<String, String> cache = cache("iteration");
        cache.put("a", "1");
        cache.put("b", "2");
        Set<String> seen = StreamSupport.stream(cache.spliterator(), false)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toSet());
        assertEquals(Set.of("a=1", "b=2"), seen);
        assertSame(cache, cache.unwrap(TieredCache.class));
        assertSame(cache, manager.getCache("iteration", String.class, String.class));
    }

    private static MutableConfiguration<String, String> strings() {
        return new MutableConfiguration<String, String>().setTypes(String.class, String.class);
    }

    /** Redis's PTTL of the entry: -1 without an expiry, -2 when absent. */
    private static long redisTtl(String cache, String key) {
        return redisson.getBucket("tiercache:" + cache + ":" + key).remainTimeToLive();
    }

    private static void assertNoExpiry(String cache, String key) {
        assertEquals(-1, redisTtl(cache, key), "no PX in Redis");
        EntryView<String, L1Entry> view = l1(cache).getEntryView(key);
        assertNotNull(view, "in L1");
        assertEquals(Long.MAX_VALUE, view.getExpirationTime(), "no TTL in Hazelcast");
        assertEquals(Long.MAX_VALUE, view.getValue().expiresAtMillis());
    }

    @Test
    void anEternalEntryOfAJCacheCacheHasNoExpiryInEitherLayer() {
        Cache<String, String> byDefault = manager.createCache("eternal-default", strings());
        byDefault.put("k", "v");
        byDefault.getAndPut("k", "w");
        assertNoExpiry("eternal-default", "k");
        byDefault.putAll(java.util.Map.of("m", "1"));
        assertNoExpiry("eternal-default", "m");

        Cache<String, String> created = manager.createCache("eternal-created", strings()
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ETERNAL)));
        created.put("k", "v");
        created.replace("k", "w");
        assertNoExpiry("eternal-created", "k");

        l1("eternal-created").delete("k");
        assertEquals("w", created.get("k"));
        assertEquals(Long.MAX_VALUE, l1("eternal-created").get("k").expiresAtMillis(),
                "promoted from Redis with no expiry either");
    }

    @Test
    void aCacheConfiguredThroughMicroProfileConfigKeepsItsTtls() {
        long before = System.currentTimeMillis();
        Cache<String, String> configured = manager.createCache("configured", strings());
        configured.put("k", "v");
        long pttl = redisTtl("configured", "k");
        assertTrue(pttl > 30_000 && pttl <= 40_000, "the l2.ttl of the cache, was " + pttl);
        L1Entry entry = l1("configured").get("k");
        assertTrue(entry.expiresAtMillis() >= before + 20_000
                && entry.expiresAtMillis() <= System.currentTimeMillis() + 20_000, "the l1.ttl of the cache");
        long hazelcastExpiry = l1("configured").getEntryView("k").getExpirationTime();
        assertTrue(hazelcastExpiry >= entry.expiresAtMillis() && hazelcastExpiry <= entry.expiresAtMillis() + 2_000,
                "Hazelcast lets the entry lapse within 2 s after its L1 TTL, never before; was at " + hazelcastExpiry);

        Cache<String, String> annotated = manager.createCache("annotated", strings()
                .setExpiryPolicyFactory(new ConfiguredTtls()));
        annotated.put("k", "v");
        long defaultTtl = redisTtl("annotated", "k");
        assertTrue(defaultTtl > 3_500_000 && defaultTtl <= 3_600_000,
                "the engine-wide l2.ttl (1h), was " + defaultTtl);
        assertTrue(l1("annotated").get("k").expiresAtMillis() <= System.currentTimeMillis() + 300_000,
                "the engine-wide l1.ttl (5m)");
    }

    @Test
    void aNullUpdateDurationLeavesTheExpiryAsItWas() throws InterruptedException {
        Cache<String, String> cache = manager.createCache("null-update", strings()
                .setExpiryPolicyFactory(FactoryBuilder.factoryOf(new CreatedOnly(1_500))));
        cache.put("k", "1");
        long expiresAt = l1("null-update").get("k").expiresAtMillis();
        Thread.sleep(700);
        cache.put("k", "2");
        assertEquals(expiresAt, l1("null-update").get("k").expiresAtMillis(), "L1 keeps the expiry of the creation");
        long pttl = redisTtl("null-update", "k");
        assertTrue(pttl > 0 && pttl <= 850, "Redis keeps what is left of the creation's 1.5 s, was " + pttl);
        assertTrue(cache.replace("k", "3"));
        assertEquals("3", cache.get("k"));
        Thread.sleep(Math.max(0, expiresAt + 100 - System.currentTimeMillis()));
        assertNull(cache.get("k"), "expired 1.5 s after its creation, updates notwithstanding");

        Cache<String, String> eternal = manager.createCache("null-update-eternal", strings()
                .setExpiryPolicyFactory(FactoryBuilder.factoryOf(new CreatedOnly(-1))));
        eternal.put("k", "1");
        eternal.put("k", "2");
        assertNoExpiry("null-update-eternal", "k");
    }

    @Test
    void aReadThroughGetStoresTheLoadedValueForTheCreationDurationAndReportsItsCreation()
            throws InterruptedException {
        Created.EVENTS.clear();
        Loader.CALLS.set(0);
        MutableConfiguration<String, String> configuration = strings()
                .setReadThrough(true)
                .setCacheLoaderFactory(FactoryBuilder.factoryOf(Loader.class))
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 800)))
                .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
                        FactoryBuilder.factoryOf(Created.class), null, false, true));
        Cache<String, String> cache = manager.createCache("read-through", configuration);
        assertEquals("loaded-k", cache.get("k"));
        assertEquals(List.of("k CREATED loaded-k"), Created.EVENTS);
        long pttl = redisTtl("read-through", "k");
        assertTrue(pttl > 0 && pttl <= 800, "Redis holds it for the creation duration, was " + pttl);
        assertTrue(l1("read-through").get("k").expiresAtMillis() <= System.currentTimeMillis() + 800);
        assertEquals("loaded-k", cache.get("k"));
        assertEquals(1, Loader.CALLS.get());
        Thread.sleep(900);
        assertEquals("loaded-k", cache.get("k"));
        assertEquals(2, Loader.CALLS.get(), "loaded again once the creation duration is over");
    }

    /** A creation duration of the given milliseconds (negative: eternal), updates and accesses leave it alone. */
    public static final class CreatedOnly implements ExpiryPolicy, Serializable {

        private final long millis;

        public CreatedOnly(long millis) {
            this.millis = millis;
        }

        @Override
        public Duration getExpiryForCreation() {
            return millis < 0 ? Duration.ETERNAL : new Duration(TimeUnit.MILLISECONDS, millis);
        }

        @Override
        public Duration getExpiryForAccess() {
            return null;
        }

        @Override
        public Duration getExpiryForUpdate() {
            return null;
        }
    }

    /** Loads {@code loaded-<key>}, counting its calls. */
    public static final class Loader implements CacheLoader<String, String>, Serializable {

        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public String load(String key) {
            CALLS.incrementAndGet();
            return "loaded-" + key;
        }

        @Override
        public java.util.Map<String, String> loadAll(Iterable<? extends String> keys) {
            java.util.Map<String, String> loaded = new java.util.HashMap<>();
            keys.forEach(key -> loaded.put(key, load(key)));
            return loaded;
        }
    }

    /** Records the creations it is told of, synchronously. */
    public static final class Created implements CacheEntryCreatedListener<String, String>, Serializable {

        static final List<String> EVENTS = new CopyOnWriteArrayList<>();

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(e -> EVENTS.add(e.getKey() + " " + e.getEventType() + " " + e.getValue()));
        }
    }
}
