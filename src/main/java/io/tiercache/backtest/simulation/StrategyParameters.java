package io.tiercache.backtest.simulation;

/**
 * Parameters of a long/flat moving-average crossover strategy with position sizing and costs.
 *
 * @param fastWindow       bars in the fast simple moving average of closes, at least 1
 * @param slowWindow       bars in the slow simple moving average of closes, greater than {@code fastWindow}
 * @param positionFraction share of equity committed (including the entry commission) when going long, in (0, 1]
 * @param commissionBps    commission in basis points of the traded notional, charged on each side (entry and
 *                         exit), in [0, {@value BacktestSimulator#MAX_COMMISSION_BPS}]
 */
public record StrategyParameters(int fastWindow, int slowWindow, double positionFraction, double commissionBps) {
}
