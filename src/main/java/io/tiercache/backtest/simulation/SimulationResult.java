package io.tiercache.backtest.simulation;

import java.util.List;

/**
 * The outcome of one backtest. Returns and drawdowns are fractions (0.12 = 12 %).
 *
 * @param totalReturn          final equity / initial capital - 1
 * @param cagr                 compound annual growth rate over calendar time: (final / initial)^(365.25 / days) - 1,
 *                             where days are the calendar days between the first and last trading day
 * @param annualizedVolatility sample standard deviation of daily equity returns times sqrt(252)
 * @param sharpeRatio          mean / sample standard deviation of daily returns times sqrt(252), risk-free rate 0;
 *                             0 when the returns do not vary (e.g. no trade)
 * @param maxDrawdown          largest peak-to-trough fall of the equity curve, as a positive fraction of the peak
 * @param numberOfTrades       fills: each entry and each exit counts as one trade (a round trip is two)
 * @param sharpePValue         one-sided p-value of the Sharpe ratio under a random-sign (sign-flip) test of the daily
 *                             returns, (1 + resamples with Sharpe >= observed) / (1 + resamples); 1 with no variation
 * @param equityCurve          one point per trading day of the range, in date order, unmodifiable
 */
public record SimulationResult(double totalReturn, double cagr, double annualizedVolatility, double sharpeRatio,
                               double maxDrawdown, int numberOfTrades, double sharpePValue,
                               List<EquityPoint> equityCurve) {

    public SimulationResult {
        equityCurve = List.copyOf(equityCurve);
    }
}
