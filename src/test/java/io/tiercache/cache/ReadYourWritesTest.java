package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Two Hazelcast members in one JVM: a write through one is seen by the other's very next read. */
class ReadYourWritesTest {

    private static Path dataDir;
    private static int redisPort;
    private static RedisServer redis;
    private static TieredCacheManager memberA;
    private static TieredCacheManager memberB;

    @BeforeAll
    static void start() throws InterruptedException, IOException {
        dataDir = Files.createTempDirectory("tiercache-ryw");
        redisPort = EngineFixture.freePort();
        redis = EngineFixture.startPersistentRedis(redisPort, dataDir);
        List<TieredCacheManager> members = EngineFixture.clusterOfTwo("read-your-writes", redisPort);
        memberA = members.get(0);
        memberB = members.get(1);
    }

    @AfterAll
    static void stop() {
        memberB.close();
        memberA.close();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, String> cache(TieredCacheManager manager, String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    @Test
    void everyWriteOnOneMemberIsSeenByTheOthersNextRead() {
        TieredCache<String, String> a = cache(memberA, "ryw");
        TieredCache<String, String> b = cache(memberB, "ryw");
        for (int round = 0; round < 100; round++) {
            String key = "k" + (round % 7);
            a.put(key, "a" + round);
            assertEquals("a" + round, b.get(key), "B reads A's put");
            assertEquals("a" + round, b.get(key), "and keeps reading it");
            b.put(key, "b" + round);
            assertEquals("b" + round, a.get(key), "A reads B's put");
            a.remove(key);
            assertNull(b.get(key), "B no longer reads what A removed");
            b.put(key, "again" + round);
            assertEquals("again" + round, a.get(key));
        }
        assertTrue(b.snapshot().l1().hits() > 100, "B answered from L1: " + b.snapshot().l1());
    }

    @Test
    void patternInvalidationReachesTheOtherMembersNearCache() {
        TieredCache<String, String> a = cache(memberA, "ryw-pattern");
        TieredCache<String, String> b = cache(memberB, "ryw-pattern");
        for (int i = 0; i < 20; i++) {
            a.put("list:" + i, "v" + i);
            assertEquals("v" + i, b.get("list:" + i));
        }
        a.put("detail:1", "d");
        assertEquals(20, a.invalidatePattern("list:*"));
        for (int i = 0; i < 20; i++) {
            assertNull(b.get("list:" + i));
        }
        assertEquals("d", b.get("detail:1"));
        b.clear();
        assertNull(a.get("detail:1"));
    }

    @Test
    void aLoadOvertakenByAWriteOnAnotherMemberDoesNotPutItsOldValueBack() throws Exception {
        TieredCache<String, String> a = cache(memberA, "ryw-fence");
        TieredCache<String, String> b = cache(memberB, "ryw-fence");
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slowLoad = CompletableFuture.supplyAsync(() -> b.getOrLoad("k", key -> {
            loading.countDown();
            await(release);
            return "old";
        }));
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        a.put("k", "new");
        release.countDown();
        assertEquals("old", slowLoad.get(5, TimeUnit.SECONDS), "the load's callers get what it loaded");
        assertEquals("new", b.get("k"), "but it is not cached over the newer write");
        assertEquals("new", a.get("k"));
    }

    @Test
    void aRemoveDuringARedisOutageOnOneMemberIsHonouredByTheOtherOnceRedisIsBack() throws Exception {
        TieredCache<String, String> a = cache(memberA, "ryw-outage");
        TieredCache<String, String> b = cache(memberB, "ryw-outage");
        a.put("k", "before");
        assertEquals("before", b.get("k"));
        EngineFixture.stop(redis);
        a.remove("k");
        assertNull(b.get("k"));
        redis = EngineFixture.startPersistentRedis(redisPort, dataDir);
        assertTrue(EngineFixture.redisHas(redisPort, "tiercache:ryw-outage:k"),
                "Redis came back with the entry A removed during the outage");
        assertTrue(EngineFixture.eventually(() -> {
            long before = b.snapshot().l2().misses() - b.snapshot().l2().skipped();
            assertNull(b.get("k"), "B never serves the entry A removed during the outage");
            return b.snapshot().l2().misses() - b.snapshot().l2().skipped() > before;
        }), "B read Redis again: " + b.snapshot().l2());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
