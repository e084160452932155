package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A member that stops answering for a while, as in a long GC pause (a member process stopped with {@code SIGSTOP},
 * then resumed): writes on the other member finish within the invalidation timeout, and once the paused member runs
 * again it serves no value older than the writes made while it was stopped.
 */
class MemberPauseTest {

    private static final int KEYS = 12;

    private RedisServer redis;
    private FreezableTcpProxy redisProxy;
    private TieredCacheManager memberA;
    private MemberProcess memberB;

    @BeforeEach
    void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        int portA = EngineFixture.freePort();
        int portB = EngineFixture.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        redisProxy = new FreezableTcpProxy(redisPort);
        Properties a = EngineFixture.properties("member-pause", portA, redisProxy.port());
        a.setProperty("tiercache.hazelcast.members", members);
        memberA = EngineFixture.manager("member-pause-a", a);
        Properties b = EngineFixture.properties("member-pause", portB, redisPort);
        b.setProperty("tiercache.hazelcast.members", members);
        b.setProperty("tiercache.hazelcast.property.hazelcast.logging.type", "jdk");
        memberB = new MemberProcess(b);
        assertTrue(EngineFixture.eventually(
                () -> memberA.unwrap(HazelcastInstance.class).getCluster().getMembers().size() == 2));
    }

    @AfterEach
    void stop() {
        memberB.close();
        memberA.close();
        redisProxy.close();
        EngineFixture.stop(redis);
    }

    /** Shorter than the heartbeat timeout: the member stays in the cluster. */
    @Test
    void aShortPause() throws Exception {
        pauseAndCheck(4_000, 1, false);
    }

    /**
     * Longer than the heartbeat timeout (10 s): the member is dropped, then merged back. What it writes while it is
     * alone, before the merge, is what every member serves once it is back.
     */
    @Test
    void aPauseLongEnoughToBeDropped() throws Exception {
        pauseAndCheck(14_000, KEYS, true);
        TieredCache<String, String> a = memberA.getCache("paused", String.class, String.class)
                .unwrap(TieredCache.class);
        assertEquals("from-b", memberB.call("get paused alone", 10));
        assertEquals("from-b", a.get("alone"), "member A serves what member B wrote while it was alone");
    }

    /**
     * Member A's Redis write times out (its connection to Redis held back) while member B is paused: the write bumps
     * the L2 generation, and telling the members of it waits no longer than what is left of the write's invalidation
     * timeout (B already failed to answer its BEGIN), nor does recording it in the generation registry, whose
     * partition B may own. Nothing older than the write is served afterwards (the written value may be lost).
     */
    @Test
    void aRedisWriteTimingOutWhileAMemberIsPaused() throws Exception {
        TieredCache<String, String> a = memberA.createCache("paused", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
        a.put("k", "before");
        assertEquals("before", memberB.call("get paused k", 10));
        memberB.pause();
        long millis;
        try {
            redisProxy.freeze();
            long start = System.nanoTime();
            try {
                a.put("k", "after");
            } finally {
                millis = (System.nanoTime() - start) / 1_000_000;
                redisProxy.unfreeze();
            }
        } finally {
            memberB.resume();
        }
        String onB = memberB.call("get paused k", 90);
        System.out.printf("MemberPauseTest: a write whose Redis SET timed out while a member was paused took %d ms;"
                + " afterwards A read %s, B read %s%n", millis, a.get("k"), onB);
        assertTrue(millis <= 3_000, "the write finished within about the invalidation timeout: " + millis + " ms");
        // the value may be lost (its SET's outcome is unknown, so the generation moved on), never the older one
        String onA = a.get("k");
        assertTrue(!"before".equals(onA), "A serves nothing older than the write: " + onA);
        assertTrue(!"before".equals(onB), "B serves nothing older than the write: " + onB);
    }

    /**
     * Pauses member B for {@code pauseMillis} while member A writes the first {@code written} keys; if
     * {@code writeWhileAlone}, member B writes key {@code alone} once it finds itself alone after resuming.
     */
    private void pauseAndCheck(long pauseMillis, int written, boolean writeWhileAlone) throws Exception {
        TieredCache<String, String> a = memberA.createCache("paused", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
        for (int i = 0; i < KEYS; i++) {
            a.put("k" + i, "before");
            assertEquals("before", memberB.call("get paused k" + i, 10));
        }
        a.put("alone", "before");
        assertEquals("before", a.get("alone"));
        memberB.pause();
        long pausedAt = System.nanoTime();
        List<Long> writeMillis = new ArrayList<>();
        try {
            for (int i = 0; i < written; i++) {
                long start = System.nanoTime();
                a.put("k" + i, "after");
                writeMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(Math.max(0, pauseMillis - (System.nanoTime() - pausedAt) / 1_000_000));
        } finally {
            memberB.resume();
        }
        if (writeWhileAlone) {
            boolean alone = EngineFixture.eventually(() -> "1".equals(memberB.call("members", 10)));
            assertEquals("ok", memberB.call("put paused alone from-b", 10));
            System.out.println("MemberPauseTest: member B wrote key 'alone' " + (alone ? "while alone" : "in the cluster"));
        }
        long stale = 0;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            String value = memberB.call("get paused k" + i, 90);
            seen.add(value);
            if ("before".equals(value) && i < written) {
                stale++;
            }
        }
        long resumed = System.nanoTime();
        long hitsBefore = Long.parseLong(memberB.call("l1hits paused", 10));
        boolean l1Again = EngineFixture.eventually(() -> {
            memberB.call("get paused k0", 10);
            return Long.parseLong(memberB.call("l1hits paused", 10)) > hitsBefore;
        });
        System.out.println("MemberPauseTest: member B " + memberB.call("stats paused", 10));
        System.out.printf("MemberPauseTest: writes during a %d s pause took %s ms; after resuming the member served "
                + "%s (%d stale); L1 served it again after %.1f s%n", pauseMillis / 1000, writeMillis, seen, stale,
                (System.nanoTime() - resumed) / 1e9);
        assertEquals(0, stale, "values older than the writes made during the pause: " + seen);
        long slowest = writeMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        // the invalidation timeout (2 s) plus 1 s of scheduling slack on a loaded 2-core machine, as ClientPauseTest
        assertTrue(slowest <= 3_000, "every write finished within about the invalidation timeout: " + writeMillis);
        assertTrue(l1Again, "L1 serves the resumed member again once it is confirmed in the cluster");
        for (int i = 0; i < KEYS; i++) {
            assertEquals(i < written ? "after" : "before", memberB.call("get paused k" + i, 10),
                    "and it still serves the current value");
            assertEquals(i < written ? "after" : "before", a.get("k" + i), "as does member A");
        }
    }
}
