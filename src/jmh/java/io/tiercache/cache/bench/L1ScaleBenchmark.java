package io.tiercache.cache.bench;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.l1.L1Entry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.MutableConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An L1 hit of a cache holding {@code entries} values of {@code valueBytes} bytes (ASCII strings), every one in the
 * Hazelcast map and in the near cache, read in a fixed random order (so that a larger cache also costs CPU-cache
 * misses). {@code bound}: {@code count}, the near cache in {@code OBJECT} format bounded by entries (the default); or
 * {@code memory}, bounded by {@code l1.max-heap-mb} (its near cache in {@code BINARY} format), with room for all.
 * L2 is disabled for the cache (an L1 hit never reaches it).
 *
 * <p>The map is filled with the engine's own {@link L1Entry}s (no expiry) through the Hazelcast map itself,
 * {@code putAll} of 1,000 at a time, and the near cache by {@code getAll} of 1,000 at a time, repeated until it holds
 * every entry for a second (through the engine a million entries take minutes on a busy machine; the stored entries
 * are the same); then every key is read once through the cache, which must hit. The trial's setup also measures the heap per entry, written as a CSV line to
 * {@code scale.heap-csv}: used heap after a full GC ({@code System.gc()} three times) with the cache created and
 * empty, after filling the map and after filling the near cache, each difference divided by {@code entries}; beside
 * it Hazelcast's own estimate of the map's cost per entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class L1ScaleBenchmark {

    private static final String CACHE = "scale";

    @Param("10000")
    public int entries;

    @Param("1024")
    public int valueBytes;

    @Param("count")
    public String bound;

    private BenchEngine engine;
    private TieredCache<String, String> cache;
    private String[] keys;
    private int[] order;
    private int next;

    @Setup(Level.Trial)
    public void fill() throws IOException, InterruptedException {
        keys = new String[entries];
        order = new int[entries];
        for (int i = 0; i < entries; i++) {
            keys[i] = "item:" + i;
            order[i] = i;
        }
        Random random = new Random(42);
        for (int i = entries - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("tiercache.cache." + CACHE + ".l2.enabled", "false");
        // twice the entries: Hazelcast applies a per-member count as an equal share per partition, which the fullest
        // partitions exceed at exactly the entries (the near cache's count is exact)
        settings.put("tiercache.cache." + CACHE + ".l1.max-entries", Integer.toString(2 * entries));
        if (bound.equals("memory")) {
            // room for every entry twice (map and near cache) with 512 bytes of overhead each, plus 64 MB
            long megabytes = 2L * entries * (valueBytes + 512) / (1024 * 1024) + 64;
            settings.put("tiercache.cache." + CACHE + ".l1.max-heap-mb", Long.toString(megabytes));
        }
        engine = new BenchEngine("l1-scale", settings);
        cache = engine.manager().createCache(CACHE, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setStoreByValue(false)).unwrap(TieredCache.class);

        IMap<String, L1Entry> map = engine.manager().unwrap(HazelcastInstance.class).getMap("tiercache." + CACHE);
        long empty = usedHeapAfterGc();
        Map<String, L1Entry> batch = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            batch.put(keys[i], new L1Entry(keys[i], value(i), L1Entry.NEVER));
            if (batch.size() == 1000 || i == entries - 1) {
                map.putAll(batch);
                batch.clear();
            }
        }
        long mapFilled = usedHeapAfterGc();
        fillNearCache(map);
        long nearFilled = usedHeapAfterGc();
        fillNearCache(map);
        LocalMapStats stats = map.getLocalMapStats();
        if (stats.getOwnedEntryCount() != entries || stats.getNearCacheStats().getOwnedEntryCount() != entries) {
            throw new IllegalStateException("the map holds " + stats.getOwnedEntryCount() + " and the near cache "
                    + stats.getNearCacheStats().getOwnedEntryCount() + " of " + entries);
        }
        for (String key : keys) {
            if (cache.get(key) == null) {
                throw new IllegalStateException("no L1 hit for " + key);
            }
        }
        String out = System.getProperty("scale.heap-csv");
        if (out != null) {
            String line = String.format(Locale.ROOT, "%d,%d,%s,%.1f,%.1f,%.1f%n", entries, valueBytes, bound,
                    (mapFilled - empty) / (double) entries, (nearFilled - mapFilled) / (double) entries,
                    stats.getOwnedEntryMemoryCost() / (double) entries);
            Files.writeString(Path.of(out), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /**
     * Reads every key through the map until its near cache holds them all and keeps them for a second: the
     * invalidations of the puts reach the near cache asynchronously (a million of them take seconds), and each one that
     * arrives after a key was read drops it again.
     */
    private void fillNearCache(IMap<String, L1Entry> map) throws InterruptedException {
        for (int pass = 0; pass < 60; pass++) {
            Set<String> batch = new HashSet<>();
            for (int i = 0; i < entries; i++) {
                batch.add(keys[i]);
                if (batch.size() == 1000 || i == entries - 1) {
                    map.getAll(batch);
                    batch.clear();
                }
            }
            Thread.sleep(1000);
            if (map.getLocalMapStats().getNearCacheStats().getOwnedEntryCount() == entries) {
                return;
            }
        }
        throw new IllegalStateException("the near cache did not keep all " + entries + " entries");
    }

    private String value(int i) {
        String prefix = i + ":";
        return prefix + "v".repeat(valueBytes - prefix.length());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        engine.close();
    }

    @Benchmark
    public String l1Hit() {
        String key = keys[order[next]];
        next = next + 1 == entries ? 0 : next + 1;
        return cache.get(key);
    }
}
