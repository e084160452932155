package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * An atomic operation on one member holds its key's lock longer than the invalidation timeout (a slow entry processor
 * or {@code CacheWriter}), while another member changes the same key: the second waits for the lock instead of going
 * ahead without it, so no update is lost and the writer sees the writes in the cache's order (JSR-107 &sect;4.1 and
 * &sect;8.2). Two members in this JVM over a Redis of their own.
 */
class SlowLockHolderTest {

    /** Longer than the engine's default invalidation timeout (2 s), after which a plain write stops waiting. */
    private static final long SLOW_MILLIS = 3_000;
    private static final List<String> WRITTEN = new CopyOnWriteArrayList<>();

    private static RedisServer redis;
    private static List<TieredCacheManager> members;

    @BeforeAll
    static void start() throws InterruptedException {
        int port = EngineFixture.freePort();
        redis = EngineFixture.startRedis(port);
        members = EngineFixture.clusterOfTwo("slow-holder", port);
    }

    @AfterAll
    static void stop() {
        members.forEach(TieredCacheManager::close);
        EngineFixture.stop(redis);
    }

    @Test
    void noIncrementIsLostBehindASlowEntryProcessor() throws Exception {
        MutableConfiguration<String, Integer> configuration = new MutableConfiguration<String, Integer>()
                .setTypes(String.class, Integer.class);
        Cache<String, Integer> a = members.get(0).createCache("increments", configuration);
        Cache<String, Integer> b = members.get(1).createCache("increments", configuration);
        a.put("n", 0);
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> a.invoke("n", (entry, args) -> {
            int read = entry.getValue();
            sleep(SLOW_MILLIS);
            entry.setValue(read + 1);
            return entry.getValue();
        }));
        sleep(200);
        long start = System.nanoTime();
        int fast = b.invoke("n", (entry, args) -> {
            entry.setValue(entry.getValue() + 1);
            return entry.getValue();
        });
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        int first = slow.get(30, TimeUnit.SECONDS);
        System.out.printf("SlowLockHolderTest: the second increment waited %d ms behind a %d ms entry processor%n",
                waitedMillis, SLOW_MILLIS);
        assertEquals(List.of(1, 2), Stream.of(first, fast).sorted().toList(),
                "one increment read the other's result: none was lost");
        assertEquals(2, a.get("n"));
        assertEquals(2, b.get("n"));
    }

    @Test
    void theWriterSeesWritesInTheCachesOrder() throws Exception {
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setWriteThrough(true)
                .setCacheWriterFactory(FactoryBuilder.factoryOf(new RecordingWriter()));
        Cache<String, String> a = members.get(0).createCache("written", configuration);
        Cache<String, String> b = members.get(1).createCache("written", configuration);
        WRITTEN.clear();
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> a.put("k", "slow"));
        sleep(200);
        b.put("k", "fast");
        slow.get(30, TimeUnit.SECONDS);
        String last = WRITTEN.get(WRITTEN.size() - 1);
        System.out.println("SlowLockHolderTest: the writer was called with " + WRITTEN + "; the cache holds "
                + a.get("k"));
        assertEquals(2, WRITTEN.size());
        assertEquals(last, a.get("k"), "the cache holds what the writer was given last");
        assertEquals(last, b.get("k"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records each value as its write begins; the write of {@code "slow"} then takes {@link #SLOW_MILLIS}. */
    static final class RecordingWriter implements CacheWriter<String, String>, Serializable {

        @Override
        public void write(Cache.Entry<? extends String, ? extends String> entry) {
            WRITTEN.add(entry.getValue());
            if (entry.getValue().equals("slow")) {
                sleep(SLOW_MILLIS);
            }
        }

        @Override
        public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
            entries.forEach(this::write);
        }

        @Override
        public void delete(Object key) {
        }

        @Override
        public void deleteAll(Collection<?> keys) {
        }
    }
}
