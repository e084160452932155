package io.tiercache.bench;

import io.tiercache.backtest.bench.CachedBacktestBenchmark;
import io.tiercache.cache.bench.BenchEngine;
import io.tiercache.cache.bench.TieredCacheBenchmark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import redis.embedded.RedisServer;

/**
 * Runs {@link TieredCacheBenchmark} and {@link CachedBacktestBenchmark} and prints each result in nanoseconds, the
 * ratios tiered/raw against their targets (at most) and the ratios computing a backtest / reading it from the cache
 * against theirs (at least). Iterations come from {@code bench.warmup}, {@code bench.iterations}, {@code bench.time} (seconds);
 * {@code bench.rounds} runs the whole set that many times; each ratio is then given twice, from each benchmark's best
 * round and as the median of the per-round ratios (a round runs the two sides back to back), which filters out the
 * noise of a shared machine. {@code bench.include} (a regular expression) selects benchmarks.
 *
 * <p>The benchmarks of a run share one redis-server started by the runner (free port of 127.0.0.1); after each round
 * the runner measures that server's raw GET round trip with {@code redis-benchmark} (1 connection, 1 KB values) and
 * prints its median beside the L2 figures as their floor (skipped, with a note, when {@code redis-benchmark} is not
 * on the {@code PATH}).
 */
public final class BenchmarkRunner {

    /** The module options Hazelcast asks for on Java 17, given to every benchmark fork. */
    private static final List<String> HAZELCAST_JVM_ARGS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    /** Name of the raw Redis GET round trip (redis-benchmark's p50) among the results. */
    private static final String FLOOR = "redisGetFloor";
    /** Requests of each redis-benchmark test (SET, then GET). */
    private static final int FLOOR_REQUESTS = 20_000;

    /** The options of a benchmark fork: {@code own} (e.g. its heap) and Hazelcast's module options. */
    static String[] forkArgs(String... own) {
        List<String> args = new ArrayList<>(List.of(own));
        args.addAll(HAZELCAST_JVM_ARGS);
        return args.toArray(String[]::new);
    }

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        int redisPort = BenchEngine.freePort();
        RedisServer redis = BenchEngine.startRedis(redisPort);
        try {
            run(redisPort);
        } finally {
            redis.stop();
        }
    }

    private static void run(int redisPort) throws RunnerException, IOException, InterruptedException {
        Options options = new OptionsBuilder()
                .include(TieredCacheBenchmark.class.getName() + "." + System.getProperty("bench.include", ".*"))
                .include(CachedBacktestBenchmark.class.getName() + "." + System.getProperty("bench.include", ".*"))
                .forks(Integer.getInteger("bench.forks", 1))
                .threads(1)
                .warmupIterations(Integer.getInteger("bench.warmup", 3))
                .warmupTime(TimeValue.seconds(Integer.getInteger("bench.time", 1)))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .measurementTime(TimeValue.seconds(Integer.getInteger("bench.time", 1)))
                .jvmArgsAppend(forkArgs("-Xms512m", "-Xmx512m", "-D" + BenchEngine.REDIS_PORT + "=" + redisPort))
                .build();
        Map<String, Double> nanos = new TreeMap<>();
        Map<String, List<Double>> rounds = new TreeMap<>();
        int count = Integer.getInteger("bench.rounds", 1);
        for (int round = 0; round < count; round++) {
            Collection<RunResult> results = new Runner(options).run();
            for (RunResult result : results) {
                String name = result.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.') + 1);
                String unit = result.getPrimaryResult().getScoreUnit();
                boolean sampled = result.getParams().getMode() == Mode.SampleTime;
                double raw = sampled ? result.getPrimaryResult().getStatistics().getPercentile(50)
                        : result.getPrimaryResult().getScore();
                double score = raw * nanosPer(unit);
                nanos.merge(name, score, Math::min);
                rounds.computeIfAbsent(name, n -> new ArrayList<>()).add(score);
            }
            if (nanos.containsKey("l2HitTiered") || nanos.containsKey("l2HitRawRedisson")) {
                double floor = redisGetMedianNanos(redisPort);
                if (!Double.isNaN(floor)) {
                    nanos.merge(FLOOR, floor, Math::min);
                    rounds.computeIfAbsent(FLOOR, n -> new ArrayList<>()).add(floor);
                }
            }
        }
        System.out.println();
        System.out.println("Results (ns/op, lower is better; l2*, backtestL2Hit and computeBacktest are medians of"
                + " sampled calls, " + FLOOR + " the p50 of redis-benchmark, the others averages;"
                + " best of " + count + " rounds, then every round):");
        nanos.forEach((name, value) -> {
            StringBuilder all = new StringBuilder();
            rounds.get(name).forEach(score -> all.append(String.format(" %10.1f", score)));
            System.out.printf("  %-20s %12.1f   |%s%n", name, value, all);
        });
        if (nanos.containsKey("l1HitTiered") || nanos.containsKey("l2HitTiered")) {
            System.out.println("Ratios (tiered / raw): from best rounds, median of per-round ratios (the verdict)");
        }
        ratio(nanos, rounds, "L1 hit vs near cache", "l1HitTiered", "l1HitRawNearCache", 1.2);
        ratio(nanos, rounds, "L2 hit vs Redisson", "l2HitTiered", "l2HitRawRedisson", 1.05);
        ratio(nanos, rounds, "L1 hit vs Caffeine", "l1HitTiered", "caffeineGet", Double.NaN);
        ratio(nanos, rounds, "L2 hit vs Redis GET", "l2HitTiered", FLOOR, Double.NaN);
        ratio(nanos, rounds, "Redisson vs Redis GET", "l2HitRawRedisson", FLOOR, Double.NaN);
        if (nanos.containsKey("computeBacktest")) {
            System.out.println("Ratios (computing a backtest / reading it from the cache): from best rounds, median"
                    + " of per-round ratios (the verdict)");
        }
        speedup(nanos, rounds, "compute vs L1 hit", "computeBacktest", "backtestL1Hit", 1000);
        speedup(nanos, rounds, "compute vs L2 hit", "computeBacktest", "backtestL2Hit", 1000);
    }

    /**
     * The median GET round trip of the redis-server on {@code port} in ns, as {@code redis-benchmark} measures it: one
     * connection, {@value #FLOOR_REQUESTS} SETs then as many GETs of a 1 KB value; NaN, with a note, when
     * {@code redis-benchmark} cannot be run. Blocks for a few seconds.
     */
    private static double redisGetMedianNanos(int port) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port), "-c", "1",
                    "-n", Integer.toString(FLOOR_REQUESTS), "-d", "1024", "-t", "set,get", "--csv")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("redis-benchmark not found on the PATH: the Redis GET floor is not measured (" + e
                    .getMessage() + ")");
            return Double.NaN;
        }
        // CSV: "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms",...
        double p50Millis = Double.NaN;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] fields = line.replace("\"", "").split(",");
                if (fields.length > 4 && fields[0].equals("GET")) {
                    p50Millis = Double.parseDouble(fields[4]);
                }
            }
        }
        if (process.waitFor() != 0 || Double.isNaN(p50Millis)) {
            System.out.println("redis-benchmark failed (exit " + process.exitValue() + "): no Redis GET floor");
            return Double.NaN;
        }
        return p50Millis * 1e6;
    }

    /** Nanoseconds in one {@code unit} of a JMH score ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}). */
    private static double nanosPer(String unit) {
        if (unit.startsWith("us")) {
            return 1e3;
        }
        if (unit.startsWith("ms")) {
            return 1e6;
        }
        return unit.startsWith("s/") ? 1e9 : 1;
    }

    /** {@code ours / raw}, whose target is an upper bound (NaN: none). */
    private static void ratio(Map<String, Double> nanos, Map<String, List<Double>> rounds, String label, String ours,
                              String raw, double target) {
        if (!nanos.containsKey(ours) || !nanos.containsKey(raw)) {
            return;
        }
        double best = nanos.get(ours) / nanos.get(raw);
        double median = medianRatio(rounds, ours, raw);
        String verdict = Double.isNaN(target) ? "(floor)" : String.format("target <= %.2fx: %s", target,
                median <= target ? "met" : "NOT met");
        System.out.printf("  %-24s %6.2fx %6.2fx  %s%n", label, best, median, verdict);
    }

    /** {@code slow / fast}, whose target is a lower bound. */
    private static void speedup(Map<String, Double> nanos, Map<String, List<Double>> rounds, String label,
                                String slow, String fast, double target) {
        if (!nanos.containsKey(slow) || !nanos.containsKey(fast)) {
            return;
        }
        double best = nanos.get(slow) / nanos.get(fast);
        double median = medianRatio(rounds, slow, fast);
        System.out.printf("  %-24s %10.0fx %10.0fx  target >= %.0fx: %s%n", label, best, median, target,
                median >= target ? "met" : "NOT met");
    }

    /** The median over the rounds of {@code numerator / denominator}, each round's figures paired. */
    private static double medianRatio(Map<String, List<Double>> rounds, String numerator, String denominator) {
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < rounds.get(numerator).size(); i++) {
            perRound.add(rounds.get(numerator).get(i) / rounds.get(denominator).get(i));
        }
        Collections.sort(perRound);
        return perRound.get(perRound.size() / 2);
    }
}
