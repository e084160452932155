package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A randomized history checker of the engine's one promise: <em>no read returns a value older than a write or
 * removal that had returned before the read started, on any member</em>.
 *
 * <p>Threads on two members (real Hazelcast members, one real Redis) run a random mix of {@code get},
 * {@code getOrLoad} (a quarter of the loaders slow: they read the source, then sleep 1 to 15 ms before returning), {@code put},
 * {@code remove}, {@code removeAll} and {@code invalidatePattern} and the atomic operations {@code getAndPut},
 * {@code replace}, {@code putIfAbsent}, {@code invoke} and {@code getAndRemove} on four keys, and record each operation's start,
 * end and result. The values are versions: a "database" holds one counter per key; every write first advances the
 * counters of the keys it touches, then puts the new version into the cache or invalidates the keys (as an
 * after-commit invalidation does); loaders return the database's current version. Writes of one key are serialized,
 * so its versions grow in the order the cache sees them. The checker then asserts, for every read that returned a
 * value: {@code value >= } the highest version of its key written by an operation that had ended before the read
 * started. The previous value an atomic operation returns is such a read too; a conditional write that did not
 * write ({@code replace} of an absent key, {@code putIfAbsent} of a present one) counts as no write.
 *
 * <p>{@link #assertCoherent} runs the same check on other engines (e.g. two clients, see {@code ClientModeTest}).
 * The seed is printed; {@code -Dtiercache.history.seed=N} replays a run and {@code -Dtiercache.history.ops=N}
 * changes its length.
 */
class CoherenceHistoryTest {

    private static final List<String> KEYS = List.of("k0", "k1", "k2", "k3");
    /** Glob patterns and the keys they match. */
    private static final Map<String, List<String>> PATTERNS = Map.of(
            "k*", KEYS, "k[01]", List.of("k0", "k1"), "k?", KEYS, "k[^0-1]", List.of("k2", "k3"), "k3", List.of("k3"));
    private static final List<String> PATTERN_LIST = PATTERNS.keySet().stream().sorted().toList();
    private static final int THREADS_PER_MEMBER = 4;

    private static RedisServer redis;
    private static TieredCacheManager memberA;
    private static TieredCacheManager memberB;

    @BeforeAll
    static void start() throws InterruptedException {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        List<TieredCacheManager> members = EngineFixture.clusterOfTwo("coherence-history", redisPort);
        memberA = members.get(0);
        memberB = members.get(1);
    }

    @AfterAll
    static void stop() {
        memberB.close();
        memberA.close();
        EngineFixture.stop(redis);
    }

    private enum Kind { GET, LOAD, PUT, GET_AND_PUT, REPLACE, PUT_IF_ABSENT, INVOKE, REMOVE, GET_AND_REMOVE, REMOVE_ALL,
        PATTERN }

    /** One operation: {@code versions} are the versions it wrote per key (writes) or the one it read (reads). */
    private record Op(int thread, Kind kind, String key, long start, long end, Map<String, Long> versions,
                      Long read) {
    }

    @Test
    void noReadReturnsAValueOlderThanACompletedWrite() throws Exception {
        assertCoherent("2 members", cache(memberA), cache(memberB), 12_000);
    }

    /**
     * Runs {@code defaultOps} operations (or {@code -Dtiercache.history.ops}) on caches {@code a} and {@code b} of two
     * engines ({@code engines} names them in the output) and asserts that no read returned a value older than a
     * write that had returned before it started.
     */
    static void assertCoherent(String engines, TieredCache<String, Long> a, TieredCache<String, Long> b,
                               int defaultOps) throws Exception {
        long seed = Long.getLong("tiercache.history.seed", System.nanoTime());
        int total = Integer.getInteger("tiercache.history.ops", defaultOps);
        System.out.println("CoherenceHistoryTest seed " + seed + " (replay: -Dtiercache.history.seed=" + seed + ")");
        Map<String, AtomicLong> database = new ConcurrentHashMap<>();
        Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
        KEYS.forEach(key -> {
            database.put(key, new AtomicLong());
            locks.put(key, new ReentrantLock());
        });
        int threads = THREADS_PER_MEMBER * 2;
        int perThread = total / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Op>>> results = new ArrayList<>();
        long began = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            TieredCache<String, Long> cache = t % 2 == 0 ? a : b;
            Random random = new Random(seed + t);
            results.add(pool.submit(() -> run(thread, cache, random, perThread, database, locks)));
        }
        List<Op> history = new ArrayList<>();
        for (Future<List<Op>> result : results) {
            history.addAll(result.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - began) / 1e9;
        List<String> violations = check(history);
        Map<Kind, Long> byKind = new java.util.EnumMap<>(Kind.class);
        history.forEach(op -> byKind.merge(op.kind(), 1L, Long::sum));
        long readsChecked = history.stream().filter(op -> op.read() != null).count();
        System.out.printf("CoherenceHistoryTest: %d operations in %.1f s on %s (%s), %d reads with a value "
                + "checked, %d violations%n", history.size(), seconds, engines, byKind, readsChecked,
                violations.size());
        violations.stream().limit(10).forEach(System.out::println);
        assertEquals(perThread * threads, history.size());
        assertTrue(readsChecked > history.size() / 4, "enough reads returned values to check");
        assertEquals(List.of(), violations.stream().limit(10).toList(), "seed " + seed);
    }

    private static List<Op> run(int thread, TieredCache<String, Long> cache, Random random, int count,
                                Map<String, AtomicLong> database, Map<String, ReentrantLock> locks) {
        List<Op> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            String key = KEYS.get(random.nextInt(KEYS.size()));
            if (dice < 28) {
                long start = System.nanoTime();
                Long value = cache.get(key);
                ops.add(new Op(thread, Kind.GET, key, start, System.nanoTime(), Map.of(), value));
            } else if (dice < 60) {
                boolean slow = random.nextInt(4) == 0;
                long pause = 1_000_000 + random.nextInt(14_000_000);
                long start = System.nanoTime();
                Long value = cache.getOrLoad(key, k -> {
                    long version = database.get(k).get();
                    if (slow) {
                        LockSupport.parkNanos(pause);
                    }
                    return version;
                });
                ops.add(new Op(thread, Kind.LOAD, key, start, System.nanoTime(), Map.of(), value));
            } else if (dice < 70) {
                ops.add(write(thread, Kind.PUT, key, List.of(key), database, locks, versions -> {
                    cache.put(key, versions.get(key));
                    return true;
                }));
            } else if (dice < 75) {
                ops.add(write(thread, Kind.GET_AND_PUT, key, List.of(key), database, locks,
                        versions -> cache.getAndPut(key, versions.get(key))));
            } else if (dice < 78) {
                ops.add(write(thread, Kind.REPLACE, key, List.of(key), database, locks,
                        versions -> cache.replace(key, versions.get(key))));
            } else if (dice < 81) {
                ops.add(write(thread, Kind.PUT_IF_ABSENT, key, List.of(key), database, locks,
                        versions -> cache.putIfAbsent(key, versions.get(key))));
            } else if (dice < 85) {
                ops.add(write(thread, Kind.INVOKE, key, List.of(key), database, locks,
                        versions -> cache.invoke(key, (entry, arguments) -> {
                            Long previous = entry.getValue();
                            entry.setValue(versions.get(key));
                            return previous;
                        })));
            } else if (dice < 92) {
                ops.add(write(thread, Kind.REMOVE, key, List.of(key), database, locks, versions -> {
                    cache.remove(key);
                    return true;
                }));
            } else if (dice < 95) {
                ops.add(write(thread, Kind.GET_AND_REMOVE, key, List.of(key), database, locks,
                        versions -> cache.getAndRemove(key)));
            } else if (dice < 97) {
                ops.add(write(thread, Kind.REMOVE_ALL, "*", KEYS, database, locks, versions -> {
                    cache.removeAll();
                    return true;
                }));
            } else {
                String glob = PATTERN_LIST.get(random.nextInt(PATTERN_LIST.size()));
                ops.add(write(thread, Kind.PATTERN, glob, PATTERNS.get(glob), database, locks, versions -> {
                    cache.invalidatePattern(glob);
                    return true;
                }));
            }
        }
        return ops;
    }

    /**
     * Advances the database versions of {@code keys} and then runs {@code cacheWrite}, holding the keys' locks.
     * {@code cacheWrite} returns whether it wrote (false: the op wrote nothing) or the previous value it read (a Long,
     * or null: it wrote and read no value).
     */
    private static Op write(int thread, Kind kind, String label, List<String> keys, Map<String, AtomicLong> database,
                            Map<String, ReentrantLock> locks,
                            java.util.function.Function<Map<String, Long>, Object> cacheWrite) {
        List<String> ordered = keys.stream().sorted().toList();
        ordered.forEach(key -> locks.get(key).lock());
        try {
            Map<String, Long> versions = new java.util.HashMap<>();
            ordered.forEach(key -> versions.put(key, database.get(key).incrementAndGet()));
            long start = System.nanoTime();
            Object outcome = cacheWrite.apply(versions);
            long end = System.nanoTime();
            if (Boolean.FALSE.equals(outcome)) {
                return new Op(thread, kind, label, start, end, Map.of(), null);
            }
            return new Op(thread, kind, label, start, end, versions, outcome instanceof Long read ? read : null);
        } finally {
            ordered.forEach(key -> locks.get(key).unlock());
        }
    }

    /** Every read whose value is older than a write of its key that ended before the read started. */
    private static List<String> check(List<Op> history) {
        Map<String, List<Op>> writesByKey = new java.util.HashMap<>();
        for (Op op : history) {
            op.versions().keySet().forEach(key -> writesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(op));
        }
        writesByKey.values().forEach(ops -> ops.sort(java.util.Comparator.comparingLong(Op::end)));
        List<String> violations = new ArrayList<>();
        for (Op read : history) {
            if (read.read() == null) {
                continue;
            }
            Op newest = null;
            for (Op write : writesByKey.getOrDefault(read.key(), List.of())) {
                if (write.end() >= read.start()) {
                    break;
                }
                if (newest == null || write.versions().get(read.key()) > newest.versions().get(read.key())) {
                    newest = write;
                }
            }
            if (newest != null && read.read() < newest.versions().get(read.key())) {
                violations.add(String.format("thread %d %s %s -> %d at [%d, %d] µs, but thread %d %s wrote version %d"
                        + " and returned at %d µs", read.thread(), read.kind(), read.key(), read.read(),
                        read.start() / 1000, read.end() / 1000, newest.thread(), newest.kind(),
                        newest.versions().get(read.key()), newest.end() / 1000));
            }
        }
        return violations;
    }

    /** Cache {@code history} of {@code manager}, for {@link #assertCoherent}. */
    static TieredCache<String, Long> cache(TieredCacheManager manager) {
        return manager.createCache("history", new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)).unwrap(TieredCache.class);
    }
}
