package io.tiercache.backtest.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation on small series whose every number is worked out by hand below. */
final class BacktestSimulatorTest {

    private static final double EPSILON = 1e-12;
    /** Monday; the series run on consecutive weekdays from here. */
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    /**
     * fast 2 / slow 3 over closes 10 10 10 12 13 11 9 10 (Mon 1 Jan .. Wed 10 Jan 2024), 50 % sizing, 10 bps:
     * <pre>
     * day close fastMA slowMA   action
     *  2   10    10     10      flat (not strictly above)
     *  3   12    11     10.667  buy: commit 500, shares = 500 / 1.001 / 12, cash 500
     *  4   13    12.5   11.667  hold
     *  5   11    12     12      sell: cash += shares * 11 * 0.999
     *  6    9    10     11      flat
     *  7   10     9.5   10      flat
     * </pre>
     */
    @Test
    void computesTheMetricsOfAKnownSeries() {
        SimulationResult result = simulate(parameters(2, 3, 0.5, 10), 10, 10, 10, 12, 13, 11, 9, 10);

        double shares = 500 / 1.001 / 12;
        double afterExit = 500 + shares * 11 * 0.999;
        double[] equity = {1000, 1000, 1000, 500 + shares * 12, 500 + shares * 13, afterExit, afterExit, afterExit};
        List<EquityPoint> curve = result.equityCurve();
        assertEquals(8, curve.size());
        for (int day = 0; day < equity.length; day++) {
            assertEquals(equity[day], curve.get(day).equity(), EPSILON, "equity on day " + day);
        }
        assertEquals(MONDAY, curve.get(0).date());
        assertEquals(LocalDate.of(2024, 1, 10), curve.get(7).date());

        assertEquals(afterExit / 1000 - 1, result.totalReturn(), EPSILON);
        assertEquals(Math.pow(afterExit / 1000, 365.25 / 9) - 1, result.cagr(), 1e-9, "9 calendar days");
        assertEquals(2, result.numberOfTrades(), "one entry and one exit");
        assertEquals(1 - afterExit / (500 + shares * 13), result.maxDrawdown(), EPSILON, "peak on day 4");

        double[] returns = new double[7];
        double sum = 0;
        for (int t = 1; t < 8; t++) {
            returns[t - 1] = equity[t] / equity[t - 1] - 1;
            sum += returns[t - 1];
        }
        double mean = sum / 7;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double deviation = Math.sqrt(squares / 6);
        assertEquals(deviation * Math.sqrt(252), result.annualizedVolatility(), EPSILON);
        assertEquals(mean / deviation * Math.sqrt(252), result.sharpeRatio(), 1e-9);
        assertTrue(result.sharpePValue() > 0 && result.sharpePValue() <= 1);
    }

    @Test
    void commissionIsChargedOnBothSides() {
        SimulationResult free = simulate(parameters(2, 3, 0.5, 0), 10, 10, 10, 12, 13, 11, 9, 10);
        SimulationResult costly = simulate(parameters(2, 3, 0.5, 100), 10, 10, 10, 12, 13, 11, 9, 10);

        assertEquals(500 + 500.0 * 11 / 12, 1000 * (1 + free.totalReturn()), EPSILON);
        assertEquals(500 + 500 / 1.01 * 11 / 12 * 0.99, 1000 * (1 + costly.totalReturn()), EPSILON);
        assertEquals(500 + 500 / 1.01, costly.equityCurve().get(3).equity(), EPSILON, "entry cost on day 3");
    }

    /** fast 1 / slow 2 is long exactly when the close is above the previous one. */
    @Test
    void countsEveryEntryAndEveryExit() {
        SimulationResult zigzag = simulate(parameters(1, 2, 1, 0), 10, 11, 10, 11, 10, 11);
        assertEquals(5, zigzag.numberOfTrades(), "in on days 1, 3, 5; out on days 2, 4; open at the end");
        assertEquals(1 - 10.0 / 11 * 10.0 / 11, zigzag.maxDrawdown(), EPSILON, "two losing round trips");

        SimulationResult falling = simulate(parameters(1, 2, 1, 0), 10, 9, 8, 7, 6);
        assertEquals(0, falling.numberOfTrades());
        assertEquals(0, falling.totalReturn());
        assertEquals(0, falling.annualizedVolatility());
        assertEquals(0, falling.sharpeRatio(), "no variation, no Sharpe ratio");
        assertEquals(1, falling.sharpePValue());
    }

    /** Fully invested without costs, the equity follows the close once long, so its drawdown is the price's. */
    @Test
    void measuresTheDrawdownFromTheRunningPeak() {
        SimulationResult result = simulate(parameters(1, 2, 1, 0), 10, 20, 25, 30, 29, 27, 28, 26);
        // in at 20 on day 1, peak 30 on day 3, out at 29 on day 4; in at 28 on day 6, out at 26 on day 7
        double peak = 30.0 / 20;
        double last = 29.0 / 20 * 26 / 28;
        assertEquals(1 - last / peak, result.maxDrawdown(), EPSILON);
        assertEquals(last - 1, result.totalReturn(), EPSILON);
        assertEquals(4, result.numberOfTrades());
    }

    @Test
    void usesTheTradingDaysInsideTheRange() {
        PriceSeries series = PriceSeries.ofWeekdays("TEST", MONDAY, 1, 1, 1, 1, 1, 10, 10, 10, 12, 13, 1, 1, 1);
        BacktestSimulator simulator = new BacktestSimulator(PriceSeriesRepository.of(series));
        // Saturday 6 .. Sunday 14 Jan: Mon 8 .. Fri 12 Jan, closes 10 10 10 12 13
        SimulationResult result = simulator.run(new SimulationRequest("TEST", LocalDate.of(2024, 1, 6),
                LocalDate.of(2024, 1, 14), BigDecimal.valueOf(1000), parameters(2, 3, 1, 0)));
        assertEquals(LocalDate.of(2024, 1, 8), result.equityCurve().get(0).date());
        assertEquals(5, result.equityCurve().size());
        assertEquals(13.0 / 12 - 1, result.totalReturn(), EPSILON);
        assertEquals(1, result.numberOfTrades());
    }

    @Test
    void rejectsAnUnknownSymbol() {
        BacktestSimulator simulator = new BacktestSimulator(
                PriceSeriesRepository.of(PriceSeries.ofWeekdays("TEST", MONDAY, 1, 2, 3)));
        UnknownSymbolException e = assertThrows(UnknownSymbolException.class, () -> simulator.run(
                new SimulationRequest("NOPE", MONDAY, MONDAY.plusDays(2), BigDecimal.TEN, parameters(1, 2, 1, 0))));
        assertEquals("NOPE", e.symbol());
    }

    @Test
    void aLargerSharpeRatioHasASmallerPValue() {
        double[] trending = new double[60];
        double[] noisy = new double[60];
        for (int i = 0; i < 60; i++) {
            trending[i] = 100 + i + (i % 2) * 0.5;
            noisy[i] = 100 + (i % 3) * 2 + i * 0.02;
        }
        SimulationResult strong = simulate(parameters(1, 2, 1, 0), trending);
        SimulationResult weak = simulate(parameters(1, 2, 1, 0), noisy);
        assertTrue(strong.sharpeRatio() > weak.sharpeRatio());
        assertTrue(strong.sharpePValue() < 0.01, () -> "p = " + strong.sharpePValue());
        assertTrue(weak.sharpePValue() > strong.sharpePValue());
    }

    private static SimulationResult simulate(StrategyParameters parameters, double... closes) {
        PriceSeries series = PriceSeries.ofWeekdays("TEST", MONDAY, closes);
        return new BacktestSimulator(PriceSeriesRepository.of(series)).run(new SimulationRequest(
                "TEST", series.firstDate(), series.lastDate(), BigDecimal.valueOf(1000), parameters));
    }

    static StrategyParameters parameters(int fast, int slow, double fraction, double commissionBps) {
        return new StrategyParameters(fast, slow, fraction, commissionBps);
    }
}
