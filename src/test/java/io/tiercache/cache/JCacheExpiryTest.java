package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.l1.L1Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import redis.embedded.RedisServer;

/**
 * What a cache's JCache {@link ExpiryPolicy} and its configured TTLs make of an entry's life in both layers, checked
 * in Hazelcast and Redis themselves: eternal is no TTL in either layer for a cache created through the JCache API,
 * the configured TTLs for a cache configured through MicroProfile Config; a {@code null} update duration keeps the
 * entry's expiry; a read-through load lives the creation duration and is a creation (JSR-107 &sect;6, &sect;8.4).
 */
class JCacheExpiryTest {

    private static RedisServer redis;
    private static TieredCacheManager manager;
    private static RedissonClient redisson;
    private static HazelcastInstance hazelcast;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        Properties p = EngineFixture.properties("jcache-expiry", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.cache.configured.l1.ttl", "20s");
        p.setProperty("tiercache.cache.configured.l2.ttl", "40s");
        manager = EngineFixture.manager("jcache-expiry", p);
        redisson = manager.unwrap(RedissonClient.class);
        hazelcast = manager.unwrap(HazelcastInstance.class);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    private static MutableConfiguration<String, String> strings() {
        return new MutableConfiguration<String, String>().setTypes(String.class, String.class);
    }

    private static IMap<String, L1Entry> l1(String cache) {
        return hazelcast.getMap("tiercache." + cache);
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
