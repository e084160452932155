package io.tiercache.backtest.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Identical requests give bit-identical results, on any thread and any simulator instance. */
final class DeterminismTest {

    private static final SimulationRequest TEN_YEARS = new SimulationRequest("DELTA", LocalDate.of(2015, 1, 2),
            LocalDate.of(2024, 12, 31), new BigDecimal("100000"), new StrategyParameters(20, 100, 1, 5));

    @Test
    void identicalRequestsGiveIdenticalResults() throws Exception {
        SimulationResult first = new BacktestSimulator(new PriceSeriesRepository()).run(TEN_YEARS);
        BacktestSimulator other = new BacktestSimulator(new PriceSeriesRepository());
        SimulationResult onAnotherThread = CompletableFuture.supplyAsync(() -> other.run(TEN_YEARS)).get();
        SimulationResult equalRequest = other.run(new SimulationRequest("DELTA", LocalDate.of(2015, 1, 2),
                LocalDate.of(2024, 12, 31), new BigDecimal("100000.00"), new StrategyParameters(20, 100, 1, 5)));

        assertEquals(first, onAnotherThread, "record equality compares the doubles bit for bit");
        assertEquals(first, equalRequest, "100000 and 100000.00 are the same capital");
        assertEquals(2608, first.equityCurve().size(), "every weekday of ten years");
        assertTrue(first.numberOfTrades() > 10, "the regimes make the averages cross");
    }

    /**
     * The exact figures, identical on JDK 17 and JDK 25: every instance of the service must compute the same
     * result for a shared cache, and a change to the data or the rules must not pass unnoticed.
     */
    @Test
    void tenYearsOfDeltaGiveTheRecordedFigures() {
        SimulationResult result = new BacktestSimulator(new PriceSeriesRepository()).run(TEN_YEARS);
        assertEquals(0.96430113703173, result.totalReturn(), 0);
        assertEquals(0.06987454121449965, result.cagr(), 0);
        assertEquals(0.20169224646854816, result.annualizedVolatility(), 0);
        assertEquals(0.42447953094560953, result.sharpeRatio(), 0);
        assertEquals(0.5228993582265715, result.maxDrawdown(), 0);
        assertEquals(28, result.numberOfTrades());
        assertEquals(886.0 / 10_001, result.sharpePValue(), 0);
        assertEquals(196430.113703173, result.equityCurve().get(2607).equity(), 0);
    }

    @Test
    void theMonteCarloSeedDependsOnEveryValueOfTheRequest() {
        long seed = BacktestSimulator.seed(TEN_YEARS);
        StrategyParameters p = TEN_YEARS.parameters();
        assertEquals(seed, BacktestSimulator.seed(TEN_YEARS));
        assertNotEquals(seed, BacktestSimulator.seed(new SimulationRequest("ALPHA", TEN_YEARS.from(), TEN_YEARS.to(),
                TEN_YEARS.initialCapital(), p)));
        assertNotEquals(seed, BacktestSimulator.seed(new SimulationRequest("DELTA", TEN_YEARS.from().plusDays(1),
                TEN_YEARS.to(), TEN_YEARS.initialCapital(), p)));
        assertNotEquals(seed, BacktestSimulator.seed(new SimulationRequest("DELTA", TEN_YEARS.from(),
                TEN_YEARS.to().minusDays(1), TEN_YEARS.initialCapital(), p)));
        assertNotEquals(seed, BacktestSimulator.seed(new SimulationRequest("DELTA", TEN_YEARS.from(), TEN_YEARS.to(),
                new BigDecimal("100001"), p)));
        assertNotEquals(seed, BacktestSimulator.seed(withParameters(new StrategyParameters(21, 100, 1, 5))));
        assertNotEquals(seed, BacktestSimulator.seed(withParameters(new StrategyParameters(20, 101, 1, 5))));
        assertNotEquals(seed, BacktestSimulator.seed(withParameters(new StrategyParameters(20, 100, 0.5, 5))));
        assertNotEquals(seed, BacktestSimulator.seed(withParameters(new StrategyParameters(20, 100, 1, 6))));
    }

    private static SimulationRequest withParameters(StrategyParameters parameters) {
        return new SimulationRequest(TEN_YEARS.symbol(), TEN_YEARS.from(), TEN_YEARS.to(),
                TEN_YEARS.initialCapital(), parameters);
    }
}
