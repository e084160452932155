package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.impl.proxy.ClientMapProxy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** The engine as a Hazelcast client of an external cluster (here a plain member started by the test). */
class ClientModeTest {

    private static RedisServer redis;
    private static HazelcastInstance externalMember;
    private static TieredCacheManager clientA;
    private static TieredCacheManager clientB;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        int memberPort = EngineFixture.freePort();
        externalMember = EngineFixture.externalMember("client-mode", memberPort);
        Properties properties = EngineFixture.clientProperties("client-mode", memberPort, redisPort);
        clientA = EngineFixture.manager("client-a", properties);
        clientB = EngineFixture.manager("client-b", properties);
    }

    @AfterAll
    static void stop() {
        clientB.close();
        clientA.close();
        externalMember.shutdown();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, String> cache(TieredCacheManager manager) {
        return cache(manager, "client-cache");
    }

    private static TieredCache<String, String> cache(TieredCacheManager manager, String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    @Test
    void cachesThroughANearCachedClientOfTheExternalCluster() throws InterruptedException {
        TieredCache<String, String> a = cache(clientA);
        TieredCache<String, String> b = cache(clientB);
        assertTrue(clientA.unwrap(HazelcastInstance.class).getMap("tiercache.client-cache")
                .getClass().getSimpleName().startsWith("NearCached"), "the client map has a near cache");
        assertTrue(clientA.unwrap(HazelcastInstance.class).getMap("tiercache.client-cache") instanceof ClientMapProxy);
        a.put("k", "v");
        assertEquals("v", a.get("k"));
        assertEquals("v", b.get("k"));
        assertEquals(1, externalMember.getMap("tiercache.client-cache").size(), "L1 lives in the external cluster");
        a.remove("k");
        assertNull(a.get("k"), "the writing client reads its own remove at once");
        long deadline = System.currentTimeMillis() + 5000;
        while (b.get("k") != null) {
            assertTrue(System.currentTimeMillis() < deadline, "the other client sees the remove eventually");
            Thread.sleep(20);
        }
        a.put("list:1", "x");
        a.put("list:2", "y");
        assertEquals(2, b.invalidatePattern("list:*"));
        assertNull(a.get("list:1"));
    }

    /**
     * Read-your-writes across clients: once a write on client A returns, client B's next read sees it, although B
     * held the old value in its near cache. Each round writes through one client and reads through the other at
     * once, in both directions, for puts, removes and pattern invalidations, while client B handles cluster events
     * 20 ms late.
     */
    @Test
    void aWriteOnOneClientIsSeenByTheNextReadOnTheOther() {
        TieredCache<String, String> a = cache(clientA, "ryw-cache");
        TieredCache<String, String> b = cache(clientB, "ryw-cache");
        List<String> stale = new ArrayList<>();
        long began = System.nanoTime();
        withEventsOfClientBDelayed(20, () -> {
            for (int round = 0; round < 60; round++) {
                stale.addAll(round(round % 2 == 0 ? a : b, round % 2 == 0 ? b : a, round));
            }
        });
        System.out.printf("ClientModeTest: 60 rounds in %.1f s, %d stale reads%n", (System.nanoTime() - began) / 1e9,
                stale.size());
        assertEquals(List.of(), stale, "reads on the other client that missed a write which had returned");
    }

    /**
     * The randomized history check of {@link CoherenceHistoryTest} with the two clients as its engines, client B
     * handling cluster events 2 ms late: no read on either returns a value older than a write that had returned
     * before the read started.
     */
    @Test
    void noReadOnEitherClientReturnsAValueOlderThanACompletedWrite() throws Exception {
        TieredCache<String, Long> a = CoherenceHistoryTest.cache(clientA);
        TieredCache<String, Long> b = CoherenceHistoryTest.cache(clientB);
        withEventsOfClientBDelayed(2, () -> {
            try {
                CoherenceHistoryTest.assertCoherent("2 clients", a, b, 6_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A client whose registration lapses (here both entries of {@code tiercache-meta.clients} are removed, as when the
     * partition that held them is lost) may have been given up by the others: it notices at its next heartbeat, reads
     * around L1 until its registration has stood again for one TTL (4 s), then serves from L1 again.
     */
    @Test
    void aClientWhoseRegistrationLapsedReadsAroundL1UntilItStandsAgain() throws InterruptedException {
        TieredCache<String, String> a = cache(clientA, "lapse-cache");
        TieredCache<String, String> b = cache(clientB, "lapse-cache");
        a.put("k", "v");
        assertEquals("v", b.get("k"));
        assertTrue(l1Serves(b), "L1 serves client B");
        externalMember.getMap("tiercache-meta.clients").clear();
        long cleared = System.nanoTime();
        assertTrue(EngineFixture.eventually(() -> !l1Serves(b)), "client B reads around L1 once it notices");
        double noticed = (System.nanoTime() - cleared) / 1e9;
        assertTrue(EngineFixture.eventually(() -> l1Serves(b)), "and from L1 again once it stands again");
        double back = (System.nanoTime() - cleared) / 1e9;
        System.out.printf("ClientModeTest: registrations removed; client B read around L1 after %.1f s, from L1 "
                + "again after %.1f s%n", noticed, back);
        assertTrue(noticed < 2, "noticed within half a TTL");
        assertTrue(back >= 4, "not before its registration has stood for one TTL");
        assertEquals("v", b.get("k"));
    }

    /** Whether a read of {@code k} through {@code cache} is an L1 hit. */
    private static boolean l1Serves(TieredCache<String, String> cache) {
        long before = cache.snapshot().l1().hits();
        cache.get("k");
        return cache.snapshot().l1().hits() > before;
    }

    /**
     * Runs {@code work} while client B handles cluster events late, as a client does whose event thread is busy:
     * another listener of the invalidation topic on B takes {@code millis} a message (B runs the listeners of one
     * topic one message at a time).
     */
    private static void withEventsOfClientBDelayed(long millis, Runnable work) {
        ITopic<Object> topic = clientB.unwrap(HazelcastInstance.class).getTopic("tiercache.invalidation");
        UUID sluggish = topic.addMessageListener(message -> LockSupport.parkNanos(millis * 1_000_000));
        try {
            work.run();
        } finally {
            topic.removeMessageListener(sluggish);
        }
    }

    /** Writes through {@code writer}, then reads through {@code reader}: a description of a stale read, if any. */
    private static List<String> round(TieredCache<String, String> writer, TieredCache<String, String> reader,
                                      int round) {
        String key = "k" + round % 5;
        writer.put(key, "old-" + round);
        reader.get(key);
        assertEquals("old-" + round, reader.get(key), "the reader holds the old value in its near cache");
        String expected;
        switch (round % 3) {
            case 0 -> {
                writer.put(key, "new-" + round);
                expected = "new-" + round;
            }
            case 1 -> {
                writer.remove(key);
                expected = null;
            }
            default -> {
                writer.invalidatePattern("k*");
                expected = null;
            }
        }
        String seen = reader.get(key);
        return Objects.equals(expected, seen) ? List.of()
                : List.of("round " + round + ": " + seen + " instead of " + expected);
    }
}
