package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Two members writing the same keys while the member that owns those keys' L1 partition stands still (a member
 * process stopped with {@code SIGSTOP}, as in a long GC pause): neither write gets its key lock or its L1 write done
 * in time, both reach Redis in the order they were made, and their L1 writes wait in the paused owner's inbox and land,
 * once it runs again, in whatever order it reads its connections. However they land, every member must then serve
 * the value of the write that returned last, never the one it replaced.
 *
 * <p>Members A and B run in this JVM, the owner C in a JVM of its own ({@link MemberProcess}). Each key is written
 * first by one of A and B and then by the other, in both directions, so that whichever connection C reads first,
 * some key's L1 writes land in the opposite order of their Redis writes.
 */
class ContendedKeyWritesTest {

    private static final String CACHE = "contended";
    private static final int KEYS = 4;

    private RedisServer redis;
    private TieredCacheManager memberA;
    private TieredCacheManager memberB;
    private MemberProcess memberC;
    private int portC;

    @BeforeEach
    void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        int portA = EngineFixture.freePort();
        int portB = EngineFixture.freePort();
        portC = EngineFixture.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB + ",127.0.0.1:" + portC;
        memberA = EngineFixture.manager("contended-a", properties(portA, redisPort, members));
        memberB = EngineFixture.manager("contended-b", properties(portB, redisPort, members));
        Properties c = properties(portC, redisPort, members);
        c.setProperty("tiercache.hazelcast.property.hazelcast.logging.type", "jdk");
        memberC = new MemberProcess(c);
        assertTrue(EngineFixture.eventually(
                () -> memberA.unwrap(HazelcastInstance.class).getCluster().getMembers().size() == 3));
    }

    private static Properties properties(int port, int redisPort, String members) {
        Properties properties = EngineFixture.properties("contended", port, redisPort);
        properties.setProperty("tiercache.hazelcast.members", members);
        return properties;
    }

    @AfterEach
    void stop() {
        memberC.close();
        memberB.close();
        memberA.close();
        EngineFixture.stop(redis);
    }

    @Test
    void writesOfOneKeyFromTwoMembersWhileItsOwnerIsPaused() throws Exception {
        TieredCache<String, String> a = open(memberA);
        TieredCache<String, String> b = open(memberB);
        List<String> keys = keysOwnedByC();
        for (String key : keys) {
            a.put(key, "before");
            assertEquals("before", b.get(key));
            assertEquals("before", memberC.call("get " + CACHE + " " + key, 10));
        }
        ExecutorService writers = Executors.newFixedThreadPool(KEYS);
        List<Long> writeMillis = new ArrayList<>();
        memberC.pause();
        try {
            // first writes: A writes the first half of the keys, B the second half; then the other way round
            writeMillis.addAll(writeAll(writers, keys, a, b, "first"));
            writeMillis.addAll(writeAll(writers, keys, b, a, "second"));
        } finally {
            memberC.resume();
            writers.shutdown();
        }
        List<String> stale = new ArrayList<>();
        long until = System.nanoTime() + 8_000_000_000L;
        int rounds = 0;
        while (System.nanoTime() < until) {
            for (String key : keys) {
                record(stale, "A", key, a.get(key));
                record(stale, "B", key, b.get(key));
                record(stale, "C", key, memberC.call("get " + CACHE + " " + key, 30));
            }
            rounds++;
            Thread.sleep(200);
        }
        System.out.printf("ContendedKeyWritesTest: %d writes during the owner's pause took %s ms; %d rounds of reads "
                + "on three members after it resumed, %d stale: %s%n", writeMillis.size(), writeMillis, rounds,
                stale.size(), stale.stream().distinct().toList());
        assertEquals(List.of(), stale.stream().distinct().toList(),
                "every member serves the write that returned last, whatever order the owner applied the L1 writes in");
        List<String> present = keys.stream().filter(key -> a.get(key) != null).toList();
        long hits = a.snapshot().l1().hits();
        present.forEach(a::get);
        assertEquals(hits + present.size(), a.snapshot().l1().hits(),
                "and serves it from L1 again: no fence was left behind");
    }

    /**
     * Records a read that returned a replaced value. A read that finds nothing is not stale: a Redis write whose outcome
     * is unknown (past the Redis bound on a loaded machine) bumps the generation, and the value is then missed.
     */
    private static void record(List<String> stale, String member, String key, String value) {
        if ("first".equals(value) || "before".equals(value)) {
            stale.add(member + ":" + key + "=" + value);
        }
    }

    /** Writes {@code value} to the first half of {@code keys} through {@code one}, the rest through {@code other}. */
    private static List<Long> writeAll(ExecutorService writers, List<String> keys, TieredCache<String, String> one,
                                       TieredCache<String, String> other, String value) throws Exception {
        List<Future<Long>> writes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            TieredCache<String, String> cache = i < keys.size() / 2 ? one : other;
            String key = keys.get(i);
            writes.add(writers.submit(() -> {
                long start = System.nanoTime();
                cache.put(key, value);
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        List<Long> millis = new ArrayList<>();
        for (Future<Long> write : writes) {
            millis.add(write.get());
        }
        return millis;
    }

    private TieredCache<String, String> open(TieredCacheManager manager) {
        return manager.createCache(CACHE, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    /** The first {@link #KEYS} keys whose L1 partition member C owns. */
    private List<String> keysOwnedByC() {
        HazelcastInstance hazelcast = memberA.unwrap(HazelcastInstance.class);
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < KEYS; i++) {
            String key = "k" + i;
            if (hazelcast.getPartitionService().getPartition(key).getOwner().getAddress().getPort() == portC) {
                keys.add(key);
            }
        }
        return keys;
    }
}
