package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A listener registered on one member sees the changes made on the other, and the expiries of entries that lapse in
 * L1, once each (JSR-107 &sect;8.4 across the cluster).
 */
class ClusterListenerTest {

    private static RedisServer redis;
    private static TieredCacheManager memberA;
    private static TieredCacheManager memberB;

    @BeforeAll
    static void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        List<TieredCacheManager> members = EngineFixture.clusterOfTwo("cluster-listener", redisPort);
        memberA = members.get(0);
        memberB = members.get(1);
    }

    @AfterAll
    static void stop() {
        memberB.close();
        memberA.close();
        EngineFixture.stop(redis);
    }

    @Test
    void aListenerOnOneMemberSeesTheChangesOfTheOther() throws InterruptedException {
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class);
        Cache<String, String> a = memberA.createCache("listened", configuration);
        Cache<String, String> b = memberB.createCache("listened", configuration);
        Recorder.EVENTS.clear();
        b.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(new Recorder("B")), null, true, true));
        AtomicInteger probe = new AtomicInteger();
        assertTrue(EngineFixture.eventually(() -> {
            a.put("probe", Integer.toString(probe.incrementAndGet()));
            return Recorder.EVENTS.stream().anyMatch(e -> e.startsWith("B probe"));
        }), "member A learns that member B listens");
        a.put("k", "1");
        a.put("k", "2");
        a.invoke("k", (entry, arguments) -> {
            entry.setValue(entry.getValue() + "3");
            return null;
        });
        a.remove("k");
        assertTrue(EngineFixture.eventually(() -> eventsOf("k").size() >= 4));
        assertEquals(List.of("B k CREATED 1 null", "B k UPDATED 2 1", "B k UPDATED 23 2", "B k REMOVED 23 23"),
                eventsOf("k"));
    }

    @Test
    void anEntryThatLapsesInL1IsReportedExpiredOnceToTheListenersOfEveryMember() throws InterruptedException {
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 1_000)));
        Cache<String, String> a = memberA.createCache("lapsing", configuration);
        Cache<String, String> b = memberB.createCache("lapsing", configuration);
        Recorder.EVENTS.clear();
        a.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(new Recorder("A")), null, true, true));
        b.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(new Recorder("B")), null, true, true));
        AtomicInteger probe = new AtomicInteger();
        assertTrue(EngineFixture.eventually(() -> {
            String key = "probe" + probe.incrementAndGet();
            a.put(key, "p");
            b.put(key, "p");
            a.remove(key);
            return Recorder.EVENTS.contains("A " + key + " REMOVED p p")
                    && Recorder.EVENTS.contains("B " + key + " REMOVED p p");
        }), "each member learns that the other listens");
        a.put("untouched", "1");
        b.put("read", "2");
        Thread.sleep(1_100);
        assertNull(a.get("read"));
        assertNull(b.get("read"));
        assertTrue(EngineFixture.eventually(() -> lapsesOf("untouched").size() >= 2),
                "Hazelcast lets the untouched entry lapse on its owner");
        Thread.sleep(2_000);
        assertEquals(List.of("A untouched EXPIRED 1 1", "B untouched EXPIRED 1 1"), lapsesOf("untouched"));
        assertEquals(List.of("A read EXPIRED 2 2", "B read EXPIRED 2 2"), lapsesOf("read"),
                "found lapsed by reads on both members, and by Hazelcast: reported once");
    }

    @Test
    void aSynchronousListenerThatFailsLeavesTheKeyUnlocked() {
        Cache<String, String> a = memberA.createCache("broken-listener", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class));
        a.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(Broken.class), null, false, true));
        assertThrows(CacheEntryListenerException.class, () -> a.put("k", "1"));
        long start = System.nanoTime();
        assertEquals("1", a.getAndPut("k", "2"), "the change was made, and the key's lock released");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "without waiting for the lock");
    }

    /** Fails on every creation. */
    public static final class Broken implements CacheEntryCreatedListener<String, String>, java.io.Serializable {

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            throw new IllegalStateException("broken listener");
        }
    }

    private static List<String> lapsesOf(String key) {
        return Recorder.EVENTS.stream().filter(e -> e.contains(" " + key + " EXPIRED ")).sorted().toList();
    }

    private static List<String> eventsOf(String key) {
        return Recorder.EVENTS.stream().filter(e -> e.startsWith("B " + key + " ")).toList();
    }

    /** Records every event it receives as text, after the name of its member. */
    public static final class Recorder implements CacheEntryCreatedListener<String, String>,
            CacheEntryUpdatedListener<String, String>, CacheEntryRemovedListener<String, String>,
            CacheEntryExpiredListener<String, String>, java.io.Serializable {

        static final List<String> EVENTS = new CopyOnWriteArrayList<>();

        private final String member;

        Recorder(String member) {
            this.member = member;
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        private void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(e -> EVENTS.add(member + " " + e.getKey() + " " + e.getEventType() + " " + e.getValue()
                    + " " + e.getOldValue()));
        }
    }
}
