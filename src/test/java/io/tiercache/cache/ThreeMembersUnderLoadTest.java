package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.embedded.RedisServer;

/**
 * Three members, each writing its own keys under load ({@link WriteLoad}), and one of them hung or killed: the others
 * keep writing with no error and within the invalidation timeout, nothing stale is read anywhere afterwards, and a
 * replacement of a killed member joins and serves the current values. Member A runs in this JVM, B and C in JVMs of
 * their own ({@link MemberProcess}).
 */
class ThreeMembersUnderLoadTest {

    private static final int KEYS = 20;
    private static final String CACHE = "three";
    /** The engine's default {@code tiercache.invalidation.timeout}, plus scheduling slack of this 2-core machine. */
    private static final long WRITE_BOUND_MILLIS = 2_000 + 700;

    private RedisServer redis;
    private int redisPort;
    private String members;
    private final List<Integer> ports = new ArrayList<>();
    private TieredCacheManager memberA;
    private TieredCache<String, String> cacheA;
    private final List<MemberProcess> processes = new ArrayList<>();

    @BeforeEach
    void start() throws InterruptedException {
        redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        for (int i = 0; i < 3; i++) {
            ports.add(EngineFixture.freePort());
        }
        members = String.join(",", ports.stream().map(port -> "127.0.0.1:" + port).toList());
        memberA = EngineFixture.manager("three-a", properties(ports.get(0)));
        processes.add(new MemberProcess(properties(ports.get(1))));
        processes.add(new MemberProcess(properties(ports.get(2))));
        assertTrue(EngineFixture.eventually(() -> clusterSize() == 3), "three members form one cluster");
        cacheA = memberA.createCache(CACHE, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    @AfterEach
    void stop() {
        processes.forEach(MemberProcess::close);
        memberA.close();
        EngineFixture.stop(redis);
    }

    /**
     * Member C hung while all three write: for 10 s (the heartbeat timeout: it may or may not be dropped), and for 15 s
     * (dropped; it resumes alone and is merged back). What C writes once it resumes returns only when A and B will not
     * serve older values: with 15 s, before the recovery that waits for the merge, A and B served C's older values.
     */
    @ParameterizedTest(name = "hung for {0} ms")
    @ValueSource(longs = {10_000, 15_000})
    void aMemberHungUnderLoad(long hungMillis) throws Exception {
        MemberProcess b = processes.get(0);
        MemberProcess c = processes.get(1);
        WriteLoad loadA = warmAndLoad(hungMillis + 10_000, b, c);
        c.pause();
        long pausedAt = System.nanoTime();
        Map<String, Long> writtenDuringPause;
        try {
            Thread.sleep(hungMillis);
            writtenDuringPause = loadA.written();
        } finally {
            c.resume();
        }
        long stale = staleReads(c, writtenDuringPause);
        System.out.printf("ThreeMembersUnderLoadTest: C hung for %.1f s; right after it resumed it read %d stale "
                + "values of A's %d keys%n", (System.nanoTime() - pausedAt) / 1e9, stale, writtenDuringPause.size());
        WriteLoad.Result a = loadA.await();
        WriteLoad.Result resultB = WriteLoad.Result.parse(b.call("loaded", 30));
        WriteLoad.Result resultC = WriteLoad.Result.parse(c.call("loaded", 90));
        System.out.printf("ThreeMembersUnderLoadTest: hung member: A %s; B %s; C (the hung one) %s%n", a, resultB,
                resultC);
        assertEquals(0, stale, "C serves no value older than the writes A made while C was hung");
        assertTrue(a.maxMillis() <= WRITE_BOUND_MILLIS && resultB.maxMillis() <= WRITE_BOUND_MILLIS,
                "writes of A and B finished within the invalidation timeout: A " + a + ", B " + resultB);
        assertCleanLoads(List.of(a, resultB, resultC), b, c);
    }

    /** Member C killed while all three write; then a replacement joins on its address and writes too. */
    @Test
    void aMemberKilledUnderLoadAndReplaced() throws Exception {
        MemberProcess b = processes.get(0);
        MemberProcess c = processes.get(1);
        WriteLoad loadA = warmAndLoad(15_000, b, c);
        c.kill();
        assertTrue(EngineFixture.eventually(() -> clusterSize() == 2), "the killed member is dropped");
        Thread.sleep(2_000);
        long replacing = System.nanoTime();
        MemberProcess d = new MemberProcess(properties(ports.get(2)));
        processes.set(1, d);
        assertTrue(EngineFixture.eventually(() -> clusterSize() == 3), "the replacement joins");
        double joinSeconds = (System.nanoTime() - replacing) / 1e9;
        d.call("load " + CACHE + " d " + KEYS + " 5000", 10);
        WriteLoad.Result a = loadA.await();
        WriteLoad.Result resultB = WriteLoad.Result.parse(b.call("loaded", 30));
        WriteLoad.Result resultD = WriteLoad.Result.parse(d.call("loaded", 30));
        System.out.printf("ThreeMembersUnderLoadTest: killed member: A %s; B %s; replacement D (joined in %.1f s) "
                + "%s%n", a, resultB, joinSeconds, resultD);
        assertCleanLoads(List.of(a, resultB, resultD), b, d);
        for (int i = 0; i < KEYS; i++) {
            String value = String.valueOf(cacheA.get("c" + i));
            for (MemberProcess other : List.of(b, d)) {
                assertEquals(value, other.call("get " + CACHE + " c" + i, 10),
                        "the killed member's keys agree everywhere (a value, or a miss)");
            }
        }
    }

    /**
     * Warms every member ({@link #warm}), starts a load of {@code millis} on A (keys a*) and on B and C (b*, c*), and
     * returns A's once they have run for 3 s.
     */
    private WriteLoad warmAndLoad(long millis, MemberProcess b, MemberProcess c) throws InterruptedException {
        warm(b, c);
        WriteLoad loadA = WriteLoad.start(cacheA, "a", KEYS, millis);
        b.call("load " + CACHE + " b " + KEYS + " " + millis, 10);
        c.call("load " + CACHE + " c " + KEYS + " " + millis, 10);
        Thread.sleep(3_000);
        return loadA;
    }

    /** Every member has read every key once, so that each holds L1 copies that a write must invalidate. */
    private void warm(MemberProcess... others) {
        for (String prefix : List.of("a", "b", "c")) {
            for (int i = 0; i < KEYS; i++) {
                cacheA.put(prefix + i, "0");
                for (MemberProcess other : others) {
                    assertEquals("0", other.call("get " + CACHE + " " + prefix + i, 10));
                }
            }
        }
    }

    /**
     * How many of {@code written}'s keys {@code member} reads with a value older than written there (a miss is not
     * stale: the caller loads from the source).
     */
    private static long staleReads(MemberProcess member, Map<String, Long> written) {
        return written.entrySet().stream().filter(e -> {
            String value = member.call("get " + CACHE + " " + e.getKey(), 90);
            return !"null".equals(value) && Long.parseLong(value) < e.getValue();
        }).count();
    }

    /**
     * No load failed or read another value than its own write, and every member serves what they wrote last
     * ({@link #assertAllServe}).
     */
    private void assertCleanLoads(List<WriteLoad.Result> results, MemberProcess... others) {
        for (WriteLoad.Result result : results) {
            assertEquals(0, result.errors(), "no operation failed: " + result);
            assertEquals(0, result.stale(), "every member reads its own writes: " + result);
        }
        assertAllServe(results, others);
    }

    /**
     * Every member reads the last value of every key each load wrote, or misses it (Redis may have been unreachable
     * for a moment on this busy machine, and a miss sends the caller to the source); a value older than the last
     * write fails.
     */
    private void assertAllServe(List<WriteLoad.Result> results, MemberProcess... others) {
        int reads = 0;
        int misses = 0;
        for (WriteLoad.Result result : results) {
            for (Map.Entry<String, Long> entry : result.latest().entrySet()) {
                List<String> values = new ArrayList<>();
                values.add(String.valueOf(cacheA.get(entry.getKey())));
                for (MemberProcess other : others) {
                    values.add(other.call("get " + CACHE + " " + entry.getKey(), 10));
                }
                for (String value : values) {
                    reads++;
                    if ("null".equals(value)) {
                        misses++;
                    } else {
                        assertEquals(Long.toString(entry.getValue()), value, "every member serves the last write of "
                                + entry.getKey() + " (A first, then the others): " + values);
                    }
                }
            }
        }
        System.out.printf("ThreeMembersUnderLoadTest: after the load, %d reads of the last writes on every member, "
                + "%d misses%n", reads, misses);
        assertTrue(misses < reads, "a miss now and then, not all of them");
    }

    private int clusterSize() {
        return memberA.unwrap(HazelcastInstance.class).getCluster().getMembers().size();
    }

    private Properties properties(int port) {
        Properties properties = EngineFixture.properties("three-members", port, redisPort);
        properties.setProperty("tiercache.hazelcast.members", members);
        if (port != ports.get(0)) {
            properties.setProperty("tiercache.hazelcast.property.hazelcast.logging.type", "jdk");
        }
        return properties;
    }
}
