package io.tiercache.bench;

import io.tiercache.cache.bench.InvalidationScale;
import io.tiercache.cache.bench.L1ScaleBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How the engine's cost grows with the number of entries: {@link L1ScaleBenchmark} (L1 hit latency and heap per
 * entry, one JMH fork per case) at {@code scale.counts} entries of 1 KiB (bound by count, and by memory at
 * {@code scale.memory-counts}) and {@code scale.big-counts} entries of 100 KiB, then {@link InvalidationScale}
 * ({@code removeAll} and {@code invalidatePattern} over {@code scale.counts} Redis keys). Prints tables with ratios
 * and writes {@code l1.csv} and {@code invalidation.csv} into {@code bench.out}. Each fork gets {@code scale.heap}
 * ({@code -Xmx}, default 8g); JMH iterations come from {@code bench.warmup}, {@code bench.iterations},
 * {@code bench.time} (seconds).
 */
public final class ScaleRunner {

    private static final int KIB = 1024;

    private ScaleRunner() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        Path out = Path.of(System.getProperty("bench.out", "target/scale"));
        Files.createDirectories(out);
        Path heapCsv = out.resolve("l1-heap.part.csv");
        Files.deleteIfExists(heapCsv);
        int[] counts = ints(System.getProperty("scale.counts", "10000,100000,1000000"));
        int[] memoryCounts = ints(System.getProperty("scale.memory-counts", "10000,100000"));
        int[] bigCounts = ints(System.getProperty("scale.big-counts", "10000"));

        List<String[]> cases = new ArrayList<>();
        for (int n : counts) {
            cases.add(new String[] {Integer.toString(n), Integer.toString(KIB), "count"});
            if (Arrays.stream(memoryCounts).anyMatch(m -> m == n)) {
                cases.add(new String[] {Integer.toString(n), Integer.toString(KIB), "memory"});
            }
        }
        for (int n : bigCounts) {
            cases.add(new String[] {Integer.toString(n), Integer.toString(100 * KIB), "count"});
        }
        Map<String, Double> hitNanos = new LinkedHashMap<>();
        for (String[] c : cases) {
            hitNanos.put(String.join(",", c), l1Hit(c, heapCsv));
        }
        Map<String, String> heap = new LinkedHashMap<>();
        for (String line : Files.readAllLines(heapCsv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", 4);
            heap.put(f[0] + "," + f[1] + "," + f[2], f[3]);
        }
        List<String> l1 = new ArrayList<>(List.of("entries,value_bytes,bound,hit_ns,heap_map_bytes_per_entry,"
                + "heap_near_cache_bytes_per_entry,hazelcast_cost_bytes_per_entry"));
        System.out.println();
        System.out.println("L1 hit (ns/op, average) and heap per entry (bytes: used heap after full GC, difference"
                + " / entries)");
        System.out.printf("  %9s %7s %6s %9s %8s %8s %10s %12s %10s%n", "entries", "value", "bound", "hit ns",
                "vs first", "vs count", "map B/e", "near c. B/e", "hz cost");
        hitNanos.forEach((key, nanos) -> {
            String[] k = key.split(",");
            String[] h = heap.getOrDefault(key, "NaN,NaN,NaN").split(",");
            Double first = hitNanos.get(counts[0] + "," + k[1] + "," + k[2]);
            Double byCount = hitNanos.get(k[0] + "," + k[1] + ",count");
            System.out.printf(Locale.ROOT, "  %,9d %6dB %6s %9.1f %8s %8s %10.0f %12.0f %10.0f%n",
                    Integer.parseInt(k[0]), Integer.parseInt(k[1]), k[2], nanos, ratio(nanos, first),
                    ratio(nanos, byCount), Double.parseDouble(h[0]), Double.parseDouble(h[1]),
                    Double.parseDouble(h[2]));
            l1.add(key + String.format(Locale.ROOT, ",%.1f,", nanos) + heap.getOrDefault(key, ",,"));
        });
        Files.write(out.resolve("l1.csv"), l1, StandardCharsets.UTF_8);
        Files.delete(heapCsv);

        System.out.println();
        System.out.println("removeAll and invalidatePattern (ms, wall time, one shot) beside SCAN+UNLINK by hand");
        List<InvalidationScale.Timing> timings;
        try (InvalidationScale scale = new InvalidationScale()) {
            timings = scale.run(counts);
        }
        List<String> csv = new ArrayList<>(List.of("keys,operation,millis,removed"));
        Map<String, Double> millis = new LinkedHashMap<>();
        for (InvalidationScale.Timing t : timings) {
            millis.put(t.keys() + "," + t.operation(), t.millis());
            csv.add(String.format(Locale.ROOT, "%d,%s,%.1f,%d", t.keys(), t.operation(), t.millis(), t.removed()));
        }
        Files.write(out.resolve("invalidation.csv"), csv, StandardCharsets.UTF_8);
        System.out.printf("  %9s %-24s %10s %9s %10s %12s%n", "keys", "operation", "ms", "removed", "vs floor",
                "us per key");
        for (InvalidationScale.Timing t : timings) {
            String floor = t.operation().startsWith("removeAll") ? "SCAN+UNLINK *"
                    : t.operation().startsWith("invalidatePattern") ? "SCAN+UNLINK g0:*" : null;
            System.out.printf(Locale.ROOT, "  %,9d %-24s %10.1f %,9d %10s %12.2f%n", t.keys(), t.operation(),
                    t.millis(), t.removed(), ratio(t.millis(), millis.get(t.keys() + "," + floor)),
                    t.millis() * 1000 / t.keys());
        }
    }

    /** The average L1 hit in nanoseconds of one case ({@code entries, valueBytes, bound}), in a fork of its own. */
    private static double l1Hit(String[] c, Path heapCsv) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(L1ScaleBenchmark.class.getName() + ".l1Hit")
                .param("entries", c[0]).param("valueBytes", c[1]).param("bound", c[2])
                .forks(1)
                .threads(1)
                .warmupIterations(Integer.getInteger("bench.warmup", 3))
                .warmupTime(TimeValue.seconds(Integer.getInteger("bench.time", 1)))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .measurementTime(TimeValue.seconds(Integer.getInteger("bench.time", 1)))
                .jvmArgsAppend(BenchmarkRunner.forkArgs("-Xmx" + System.getProperty("scale.heap", "8g"),
                        "-Dscale.heap-csv=" + heapCsv))
                .build();
        RunResult result = new Runner(options).runSingle();
        return result.getPrimaryResult().getScore();
    }

    /** {@code value / base} as {@code 1.23x}, or "" without a base. */
    private static String ratio(double value, Double base) {
        return base == null ? "" : String.format(Locale.ROOT, "%.2fx", value / base);
    }

    private static int[] ints(String list) {
        return list.isBlank() ? new int[0] : Arrays.stream(list.split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
    }
}
