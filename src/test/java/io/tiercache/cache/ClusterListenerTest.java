package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** A listener registered on one member sees the changes made on the other (JSR-107 &sect;8.4 across the cluster). */
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
                FactoryBuilder.factoryOf(Recorder.class), null, true, true));
        AtomicInteger probe = new AtomicInteger();
        assertTrue(EngineFixture.eventually(() -> {
            a.put("probe", Integer.toString(probe.incrementAndGet()));
            return Recorder.EVENTS.stream().anyMatch(e -> e.startsWith("probe"));
        }), "member A learns that member B listens");
        a.put("k", "1");
        a.put("k", "2");
        a.invoke("k", (entry, arguments) -> {
            entry.setValue(entry.getValue() + "3");
            return null;
        });
        a.remove("k");
        assertTrue(EngineFixture.eventually(() -> eventsOf("k").size() >= 4));
        assertEquals(List.of("k CREATED 1 null", "k UPDATED 2 1", "k UPDATED 23 2", "k REMOVED 23 23"), eventsOf("k"));
    }

    private static List<String> eventsOf(String key) {
        return Recorder.EVENTS.stream().filter(e -> e.startsWith(key + " ")).toList();
    }

    /** Records every event it receives as text. */
    public static final class Recorder implements CacheEntryCreatedListener<String, String>,
            CacheEntryUpdatedListener<String, String>, CacheEntryRemovedListener<String, String>,
            java.io.Serializable {

        static final List<String> EVENTS = new CopyOnWriteArrayList<>();

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

        private static void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(e -> EVENTS.add(e.getKey() + " " + e.getEventType() + " " + e.getValue() + " "
                    + e.getOldValue()));
        }
    }
}
