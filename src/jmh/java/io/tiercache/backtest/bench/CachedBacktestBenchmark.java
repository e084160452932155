package io.tiercache.backtest.bench;

import io.tiercache.backtest.domain.EquityCurveCodec;
import io.tiercache.backtest.domain.Metrics;
import io.tiercache.backtest.simulation.BacktestSimulator;
import io.tiercache.backtest.simulation.PriceSeriesRepository;
import io.tiercache.backtest.simulation.SimulationRequest;
import io.tiercache.backtest.simulation.SimulationResult;
import io.tiercache.backtest.simulation.StrategyParameters;
import io.tiercache.backtest.view.BacktestView;
import io.tiercache.cache.annotation.CanonicalCacheKey;
import io.tiercache.cache.bench.BenchEngine;
import io.tiercache.http.Representation;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the cache saves, measured where it decides: computing a backtest against reading its result back from the
 * tiered cache. The computation is one of the demo backtests ("Conservative Crossover", 40/160-day averages, 30 %
 * invested, 1 bp, on DELTA from 2015-01-02 to 2024-12-31, 100,000.00) as {@code POST /api/backtests} runs it, without
 * HTTP and the database: the simulation, its metrics, the packed equity curve, the {@link BacktestView} and its
 * JSON {@link Representation}, which the service returns and caches. The reads get that very representation, by the key the service's {@code @CacheResult} uses,
 * through the engine's {@code javax.cache.Cache}: from a cache with both layers (an L1 hit, the near cache) and from
 * one with L1 disabled (an L2 hit: Redis and the codec every time). The computation and the L2 hit sample every
 * call (their medians are compared); the L1 hit is an average.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CachedBacktestBenchmark {

    private static final StrategyParameters CONSERVATIVE_CROSSOVER = new StrategyParameters(40, 160, 0.3, 1);
    private static final SimulationRequest DELTA_TEN_YEARS = new SimulationRequest("DELTA",
            LocalDate.of(2015, 1, 2), LocalDate.of(2024, 12, 31), new BigDecimal("100000.00"),
            CONSERVATIVE_CROSSOVER);
    /** The id the backtest is stored and cached under. */
    private static final long ID = 7;

    /** The simulator with the shipped price data, loaded before measuring. */
    @State(Scope.Benchmark)
    public static class Simulation {

        final BacktestSimulator simulator = new BacktestSimulator(new PriceSeriesRepository());

        @Setup(Level.Trial)
        public void loadPrices() {
            compute(simulator, null);
        }
    }

    /** The computed view in the two caches of a tiered engine started for the trial. */
    @State(Scope.Benchmark)
    public static class Cached {

        static final String BOTH_LAYERS = "backtests";
        static final String L2_ONLY = "backtests-l2";

        final CanonicalCacheKey key = new CanonicalCacheKey(Long.toString(ID));
        BenchEngine engine;
        Cache<CanonicalCacheKey, Representation> bothLayers;
        Cache<CanonicalCacheKey, Representation> l2Only;

        @Setup(Level.Trial)
        public void start() throws IOException {
            engine = new BenchEngine("bench-backtest", Map.of("tiercache.cache." + L2_ONLY + ".l1.enabled", "false"));
            MutableConfiguration<CanonicalCacheKey, Representation> configuration =
                    new MutableConfiguration<CanonicalCacheKey, Representation>()
                            .setTypes(CanonicalCacheKey.class, Representation.class).setStoreByValue(false);
            bothLayers = engine.manager().createCache(BOTH_LAYERS, configuration);
            l2Only = engine.manager().createCache(L2_ONLY, configuration);
            Representation view = compute(new BacktestSimulator(new PriceSeriesRepository()), null);
            bothLayers.put(key, view);
            l2Only.put(key, view);
            if (!view.equals(bothLayers.get(key)) || !view.equals(l2Only.get(key))) {
                throw new IllegalStateException("the cached view is not the computed one");
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            engine.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Representation computeBacktest(Simulation simulation, Blackhole blackhole) {
        return compute(simulation.simulator, blackhole);
    }

    @Benchmark
    public Representation backtestL1Hit(Cached cached) {
        return cached.bothLayers.get(cached.key);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Representation backtestL2Hit(Cached cached) {
        return cached.l2Only.get(cached.key);
    }

    /**
     * The work of {@code BacktestService.create} and {@code BacktestResource.create} short of the database: the
     * simulation, the metrics, the equity curve packed for storage (consumed by {@code blackhole} when given), the
     * view as JSON.
     */
    private static Representation compute(BacktestSimulator simulator, Blackhole blackhole) {
        SimulationResult result = simulator.run(DELTA_TEN_YEARS);
        Metrics metrics = new Metrics(result.totalReturn(), result.cagr(), result.annualizedVolatility(),
                result.sharpeRatio(), result.maxDrawdown(), result.numberOfTrades(), result.sharpePValue());
        byte[] packedCurve = EquityCurveCodec.encode(result.equityCurve());
        if (blackhole != null) {
            blackhole.consume(packedCurve);
        }
        return Representation.json(new BacktestView(ID, 5, DELTA_TEN_YEARS.symbol(), DELTA_TEN_YEARS.from(), DELTA_TEN_YEARS.to(),
                DELTA_TEN_YEARS.initialCapital(), "COMPLETED", null, BacktestView.MetricsView.of(metrics),
                Instant.parse("2025-01-02T03:04:05.123456Z")));
    }
}
