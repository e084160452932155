/**
 * Backtests of a moving-average crossover strategy over synthetic daily prices, in plain Java (no container
 * types), so that the same request gives the same result in every JVM.
 *
 * <p>{@link io.tiercache.backtest.simulation.PriceSeriesRepository} serves the closes shipped under
 * {@code prices/} on the classpath (five synthetic symbols, every weekday of 2015-01-02..2024-12-31);
 * {@link io.tiercache.backtest.simulation.BacktestSimulator} turns a
 * {@link io.tiercache.backtest.simulation.SimulationRequest} into a
 * {@link io.tiercache.backtest.simulation.SimulationResult} or throws
 * {@link io.tiercache.backtest.simulation.InvalidSimulationException} (naming the field) or
 * {@link io.tiercache.backtest.simulation.UnknownSymbolException}. A ten-year backtest takes about a tenth of a
 * second, most of it in the Monte Carlo test of its Sharpe ratio.
 */
package io.tiercache.backtest.simulation;
