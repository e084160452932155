package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.config.EngineSettings;
import io.tiercache.cache.config.SettingsSource;
import io.tiercache.cache.l2.Generation;
import io.tiercache.cache.l2.RedisGuard;
import io.tiercache.cache.l2.RedissonFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;

/**
 * What the engine must do on a replicated Redis deployment ({@link RedisTopology}), checked through its public API by
 * two cache managers whose Hazelcast members form one cluster, both configured with a shipped Redisson sample file
 * ({@code server-config/payara/redisson-*.yaml}) whose placeholders name the topology's ports. The last test kills a
 * master, so the tests run in order on one topology.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RedisTopologyContract {

    private static final int LOAD_KEYS = 24;
    private static final int LOAD_THREADS = 3;

    private RedisTopology topology;
    private TieredCacheManager a;
    private TieredCacheManager b;
    private Map<String, String> placeholders;

    /** Starts the topology. */
    abstract RedisTopology start();

    /** The sample Redisson file of this topology. */
    abstract Path sampleFile();

    /** The values of the sample file's placeholders for {@code topology}. */
    abstract Map<String, String> placeholders(RedisTopology topology);

    /** The port of the master that holds Redis key {@code redisKey} now. */
    abstract int masterOf(RedisTopology topology, String redisKey);

    /** A Redisson file naming only the topology's addresses, as a user may write it (Redisson's defaults for the rest). */
    abstract String minimalFile(RedisTopology topology);

    /** The failover settings, as printed beside the measured recovery time. */
    abstract String failoverSettings();

    @BeforeAll
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void startTopologyAndMembers() throws InterruptedException {
        assertTrue(Files.isRegularFile(sampleFile()), sampleFile() + " is shipped");
        topology = start();
        placeholders = placeholders(topology);
        placeholders.forEach(System::setProperty);
        int portA = EngineFixture.freePort();
        int portB = EngineFixture.freePort();
        String cluster = getClass().getSimpleName() + "-" + UUID.randomUUID();
        a = EngineFixture.manager(cluster + "-a", properties(cluster, portA, portB));
        b = EngineFixture.manager(cluster + "-b", properties(cluster, portB, portA));
        assertTrue(EngineFixture.eventually(() ->
                a.unwrap(HazelcastInstance.class).getCluster().getMembers().size() == 2), "one Hazelcast cluster");
        System.out.println(getClass().getSimpleName() + ": redis-server " + topology.binaryPath() + ", data nodes "
                + topology.dataPorts() + ", sentinels " + topology.sentinelPorts());
    }

    private Properties properties(String cluster, int port, int otherPort) {
        Properties p = EngineFixture.properties(cluster, port, 0);
        p.remove("tiercache.redis.address");
        p.setProperty("tiercache.redis.config-file", sampleFile().toString());
        p.setProperty("tiercache.hazelcast.members", "127.0.0.1:" + port + ",127.0.0.1:" + otherPort);
        p.setProperty("tiercache.breaker.open-duration", "300ms");
        return p;
    }

    @AfterAll
    void stopMembersAndTopology() {
        try {
            for (TieredCacheManager manager : new TieredCacheManager[] {a, b}) {
                if (manager != null) {
                    manager.close();
                }
            }
        } finally {
            if (placeholders != null) {
                placeholders.keySet().forEach(System::clearProperty);
            }
            if (topology != null) {
                topology.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TieredCache<String, String> cache(TieredCacheManager manager, String name) {
        if (manager.getCache(name, String.class, String.class) == null) {
            manager.createCache(name, new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        }
        return manager.getCache(name, String.class, String.class).unwrap(TieredCache.class);
    }

    /** Empties the L1 map of {@code cache} (the near cache of {@code manager}'s member with it). */
    private static void dropL1(TieredCacheManager manager, String cache) {
        manager.unwrap(HazelcastInstance.class).getMap("tiercache." + cache).clear();
    }

    private static String redisKey(String cache, String key) {
        return "tiercache:" + cache + ":" + key;
    }

    /** The keys matching {@code pattern} on the server on {@code port}, found with SCAN. */
    private static List<String> keysOn(int port, String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            List<?> page = (List<?>) RedisTopology.call(port, "SCAN", cursor, "MATCH", pattern, "COUNT", "1000");
            cursor = (String) page.get(0);
            ((List<?>) page.get(1)).forEach(key -> keys.add((String) key));
        } while (!cursor.equals("0"));
        return keys;
    }

    /** The cache's L2 generation as Redis holds it (0 when absent). */
    private long generationInRedis(String cache) {
        String key = Generation.metaKey(cache);
        Object value = RedisTopology.call(masterOf(topology, key), "GET", key);
        return value == null ? 0 : Long.parseLong((String) value);
    }

    @Test
    @Order(0)
    void theRedisClientStartsEveryTime() {
        Properties p = new Properties();
        p.setProperty("tiercache.redis.config-file", sampleFile().toString());
        p.setProperty("tiercache.redis.netty-threads", "2");
        EngineSettings settings = EngineSettings.of(SettingsSource.of(p, getClass().getClassLoader()));
        for (int i = 0; i < 20; i++) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                RedissonClient client = RedissonFactory.create(settings);
                try {
                    RedissonFactory.connect(client, new RedisGuard("start", settings), settings.redisConnectTimeout());
                    assertEquals(-2, client.getBucket("tiercache-meta:absent").remainTimeToLive(), "answers: no such key");
                } finally {
                    client.shutdown();
                }
            }, "start " + i + " of the Redis client");
        }
    }

    @Test
    @Order(1)
    void cachesThroughBothLayers() {
        TieredCache<String, String> onA = cache(a, "layers");
        TieredCache<String, String> onB = cache(b, "layers");
        onA.put("k", "v");
        assertEquals(List.of(redisKey("layers", "k")), keysOn(masterOf(topology, redisKey("layers", "k")),
                redisKey("layers", "*")), "the entry is in Redis, on its master");

        dropL1(a, "layers");
        long l2Hits = onA.snapshot().l2().hits();
        assertEquals("v", onA.get("k"), "served from L2 once L1 is dropped");
        assertEquals(l2Hits + 1, onA.snapshot().l2().hits(), "an L2 hit: " + onA.snapshot().l2());

        long l1Hits = onB.snapshot().l1().hits();
        assertEquals("v", onB.get("k"));
        assertEquals(l1Hits + 1, onB.snapshot().l1().hits(), "promoted into L1, read there by the other member");
    }

    @Test
    @Order(2)
    void removeAllClearAndPatternsReachTheKeysOnEveryMaster() throws InterruptedException {
        TieredCache<String, String> onA = cache(a, "spread");
        TieredCache<String, String> onB = cache(b, "spread");
        List<Integer> masters = topology.masters();
        assertEquals(topology.sentinelPorts().isEmpty() ? 3 : 1, masters.size(), "masters " + masters);
        for (String operation : List.of("invalidatePattern", "removeAll", "clear")) {
            for (int i = 0; i < 30; i++) {
                onA.put("list:" + i, "l" + i);
                onA.put("item:" + i, "i" + i);
            }
            for (int master : masters) {
                assertFalse(keysOn(master, redisKey("spread", "list:*")).isEmpty(), "list keys on master " + master);
                assertFalse(keysOn(master, redisKey("spread", "item:*")).isEmpty(), "item keys on master " + master);
            }
            String survivors = switch (operation) {
                case "invalidatePattern" -> {
                    assertEquals(30, onB.invalidatePattern("list:*"), "every list key removed");
                    yield "list:*";
                }
                case "removeAll" -> {
                    onB.removeAll();
                    yield "*";
                }
                default -> {
                    onB.clear();
                    yield "*";
                }
            };
            for (int master : masters) {
                assertEquals(List.of(), keysOn(master, redisKey("spread", survivors)),
                        operation + " left keys on master " + master);
            }
            for (int port : topology.dataPorts()) {
                topology.await(operation + " replicated to " + port,
                        () -> keysOn(port, redisKey("spread", survivors)).isEmpty());
            }
            for (int i = 0; i < 30; i++) {
                assertNull(onA.get("list:" + i), operation + ": list:" + i + " is gone");
                assertEquals(operation.equals("invalidatePattern") ? "i" + i : null, onA.get("item:" + i));
            }
            onA.removeAll();
        }
    }

    @Test
    @Order(3)
    void readsAndScansTheMastersWhateverTheFileSays(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("redisson.yaml"), minimalFile(topology));
        int port = EngineFixture.freePort();
        Properties p = EngineFixture.properties("minimal-file-" + UUID.randomUUID(), port, 0);
        p.remove("tiercache.redis.address");
        p.setProperty("tiercache.redis.config-file", file.toString());
        TieredCacheManager manager = EngineFixture.manager("minimal-file-" + port, p);
        List<Integer> replicas = new ArrayList<>(topology.dataPorts());
        try {
            TieredCache<String, String> cache = cache(manager, "replicas");
            cache.put("k", "v1");
            cache.put("gone", "v1");
            replicas.removeAll(topology.masters());
            topology.awaitReplicasInSync();
            replicas.forEach(replica -> RedisTopology.call(replica, "CLIENT", "PAUSE", "5000", "WRITE"));
            cache.put("k", "v2");
            cache.remove("gone");
            cache.put("list:new", "v2");
            assertEquals(1, cache.invalidatePattern("list:*"), "the new key found by the pattern's scan");
            dropL1(manager, "replicas");
            assertEquals("v2", cache.get("k"), "the value written last, though the replicas lag behind");
            assertNull(cache.get("gone"), "removed, though the replicas lag behind");
            assertNull(cache.get("list:new"), "invalidated, though the replicas lag behind");
        } finally {
            replicas.forEach(replica -> RedisTopology.call(replica, "CLIENT", "UNPAUSE"));
            manager.close();
        }
    }

    @Test
    @Order(4)
    void aFrozenMasterOpensTheBreakerBumpsTheGenerationAndTheEngineReconnects() throws InterruptedException {
        TieredCache<String, String> cache = cache(a, "frozen");
        for (int i = 0; i < 12; i++) {
            cache.put("before:" + i, "old");
        }
        cache.put("k", "v1");
        long generation = generationInRedis("frozen");
        assertNotEquals(0, generation, "the generation is mirrored in Redis");
        int frozen = masterOf(topology, redisKey("frozen", "k"));

        topology.pause(frozen);
        long slowest = 0;
        try {
            for (int i = 0; i < 20 && a.redisAvailable(); i++) {
                long start = System.nanoTime();
                cache.put("k", "v2");
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            assertFalse(a.redisAvailable(), "the breaker opened: " + cache.snapshot().l2());
            cache.put("k", "v3");
        } finally {
            topology.resume(frozen);
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(slowest) < 500,
                "a write waited " + TimeUnit.NANOSECONDS.toMillis(slowest) + " ms on the frozen master");

        assertEquals("v3", cache.get("k"), "the write made while the breaker was open reached L1");
        assertTrue(EngineFixture.eventually(() -> {
            cache.put("after", "x");
            dropL1(a, "frozen");
            long hits = cache.snapshot().l2().hits();
            return "x".equals(cache.get("after")) && cache.snapshot().l2().hits() == hits + 1;
        }), "L2 serves again without a restart: " + cache.snapshot().l2());
        assertTrue(a.redisAvailable());
        assertTrue(generationInRedis("frozen") > generation, "the bumped generation is mirrored in Redis");
        dropL1(a, "frozen");
        assertNull(cache.get("k"), "it skipped Redis, where the earlier values are of the old generation");
        for (int i = 0; i < 12; i++) {
            assertNull(cache.get("before:" + i), "entries of the old generation are never served, on any master");
        }
    }

    @Test
    @Order(5)
    void failsOverUnderLoadWithNoFailedOperationAndNoStaleRead() throws Exception {
        List<TieredCache<String, String>> members = List.of(cache(a, "load"), cache(b, "load"));
        Map<String, AtomicLong> source = new ConcurrentHashMap<>();
        Map<String, AtomicLong> confirmed = new ConcurrentHashMap<>();
        for (int i = 0; i < LOAD_KEYS; i++) {
            source.put("k" + i, new AtomicLong());
            confirmed.put("k" + i, new AtomicLong());
        }
        AtomicLong operations = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < LOAD_THREADS; t++) {
            int owner = t;
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (running.get()) {
                    TieredCache<String, String> cache = members.get(random.nextInt(members.size()));
                    int index = random.nextInt(LOAD_KEYS);
                    String key = "k" + index;
                    try {
                        if (index % LOAD_THREADS == owner && random.nextInt(4) == 0) {
                            long value = source.get(key).incrementAndGet();
                            if (random.nextBoolean()) {
                                cache.put(key, Long.toString(value));
                            } else {
                                cache.remove(key);
                            }
                            confirmed.get(key).set(value);
                        } else {
                            long floor = confirmed.get(key).get();
                            String read = cache.getOrLoad(key, k -> Long.toString(source.get(k).get()));
                            if (Long.parseLong(read) < floor) {
                                stale.incrementAndGet();
                            }
                        }
                        operations.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                }
            }, "load-" + t);
            thread.start();
            threads.add(thread);
        }

        TieredCache<String, String> probe = cache(a, "probe");
        int victim = masterOf(topology, redisKey("probe", "p"));
        Thread.sleep(1500);
        long before = operations.get();
        long killedAt = System.nanoTime();
        topology.kill(victim);
        long recovered = 0;
        for (int i = 0; recovered == 0 && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(30); i++) {
            long puts = probe.snapshot().l2().puts();
            try {
                probe.put("p", Integer.toString(i));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e);
            }
            if (probe.snapshot().l2().puts() > puts) {
                recovered = System.nanoTime() - killedAt;
            }
            Thread.sleep(10);
        }
        Thread.sleep(1500);
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        System.out.printf("%s: master %d killed under load (%d operations by %d threads, %d after the kill): L2 "
                        + "written again after %d ms (%s); %d failed operations, %d stale reads%n",
                getClass().getSimpleName(), victim, operations.get(), LOAD_THREADS, operations.get() - before,
                TimeUnit.NANOSECONDS.toMillis(recovered), failoverSettings(), failures.get(), stale.get());

        assertNotEquals(0, recovered, "L2 written again within 30 s of the kill: " + probe.snapshot().l2());
        assertEquals(0, failures.get(), () -> "operations failed, first: " + firstFailure.get());
        assertEquals(0, stale.get(), "reads older than a write that had returned");
        assertTrue(operations.get() - before > 100, "the load ran through the failover");

        for (int pass = 0; pass < 2; pass++) {
            for (TieredCache<String, String> cache : members) {
                for (int i = 0; i < LOAD_KEYS; i++) {
                    String key = "k" + i;
                    String expected = Long.toString(source.get(key).get());
                    assertEquals(expected, cache.getOrLoad(key, k -> expected),
                            key + " after the failover" + (pass == 1 ? ", from L2" : ""));
                }
            }
            dropL1(a, "load");
            dropL1(b, "load");
        }
    }
}
