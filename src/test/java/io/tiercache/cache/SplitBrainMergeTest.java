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
 * A network partition between two running members (no pause: each reaches the other only through a
 * {@link FreezableTcpProxy}, frozen both ways), long enough for each to drop the other and go on alone, then healed:
 * Hazelcast merges the two clusters and keeps the L1 entries of one side only. Each side wrote a key while they were
 * apart, so whichever side is kept, the other side's write is shadowed by a copy the kept side had from before; once
 * merged (within seconds: the side that merged empties L1 on every member), every member must serve both writes.
 */
class SplitBrainMergeTest {

    private static final String CACHE = "split";

    private RedisServer redis;
    private FreezableTcpProxy proxyA;
    private FreezableTcpProxy proxyB;
    private TieredCacheManager memberA;
    private TieredCacheManager memberB;

    @BeforeEach
    void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        int portA = EngineFixture.freePort();
        int portB = EngineFixture.freePort();
        proxyA = new FreezableTcpProxy(portA);
        proxyB = new FreezableTcpProxy(portB);
        // A looks only for itself (a member behind a proxy whose target is not up yet would hold up its join); B
        // looks for both, and after the split B's side is the one that finds the other
        memberA = EngineFixture.manager("split-a", properties(portA, proxyA.port(), redisPort,
                "127.0.0.1:" + proxyA.port()));
        memberB = EngineFixture.manager("split-b", properties(portB, proxyB.port(), redisPort,
                "127.0.0.1:" + proxyA.port() + ",127.0.0.1:" + proxyB.port()));
        assertTrue(EngineFixture.eventually(() -> size(memberA) == 2 && size(memberB) == 2), "one cluster of two");
    }

    private static Properties properties(int port, int advertised, int redisPort, String members) {
        Properties properties = EngineFixture.properties("split", port, redisPort);
        properties.setProperty("tiercache.hazelcast.public-address", "127.0.0.1:" + advertised);
        properties.setProperty("tiercache.hazelcast.members", members);
        return properties;
    }

    private static int size(TieredCacheManager manager) {
        return manager.unwrap(HazelcastInstance.class).getCluster().getMembers().size();
    }

    @AfterEach
    void stop() {
        proxyA.unfreeze();
        proxyB.unfreeze();
        memberB.close();
        memberA.close();
        proxyA.close();
        proxyB.close();
        EngineFixture.stop(redis);
    }

    @Test
    void afterAMergeEveryMemberServesWhatEachSideWroteWhileApart() throws Exception {
        TieredCache<String, String> a = open(memberA);
        TieredCache<String, String> b = open(memberB);
        for (String key : List.of("from-a", "from-b")) {
            a.put(key, "before");
            assertEquals("before", a.get(key));
            assertEquals("before", b.get(key));
        }
        proxyA.freeze();
        proxyB.freeze();
        long frozenAt = System.nanoTime();
        assertTrue(EngineFixture.eventually(() -> size(memberA) == 1 && size(memberB) == 1),
                "each member drops the other");
        double apartAfter = (System.nanoTime() - frozenAt) / 1e9;
        a.put("from-a", "written-apart");
        b.put("from-b", "written-apart");
        proxyA.unfreeze();
        proxyB.unfreeze();
        long healedAt = System.nanoTime();
        assertTrue(EngineFixture.eventually(() -> size(memberA) == 2 && size(memberB) == 2), "merged again");
        double mergedAfter = (System.nanoTime() - healedAt) / 1e9;
        boolean converged = EngineFixture.eventually(() -> stale(a, b).isEmpty());
        double convergedAfter = (System.nanoTime() - healedAt) / 1e9;
        List<String> stale = new ArrayList<>();
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            stale.addAll(stale(a, b));
            Thread.sleep(100);
        }
        System.out.printf("SplitBrainMergeTest: apart after %.1f s; after healing, one cluster at %.1f s, both writes "
                + "served everywhere at %.1f s (%s), then stale reads: %s%n", apartAfter, mergedAfter, convergedAfter,
                converged, stale.stream().distinct().toList());
        assertTrue(converged, "every member serves both sides' writes once merged: stale " + stale(a, b));
        assertEquals(List.of(), stale.stream().distinct().toList(), "and goes on serving them");
    }

    /** The reads of both keys, on both members, that do not return what was written while apart. */
    private static List<String> stale(TieredCache<String, String> a, TieredCache<String, String> b) {
        List<String> stale = new ArrayList<>();
        for (String key : List.of("from-a", "from-b")) {
            if (!"written-apart".equals(a.get(key))) {
                stale.add("A:" + key);
            }
            if (!"written-apart".equals(b.get(key))) {
                stale.add("B:" + key);
            }
        }
        return stale;
    }

    private static TieredCache<String, String> open(TieredCacheManager manager) {
        return manager.createCache(CACHE, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }
}
