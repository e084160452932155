package io.tiercache.backtest.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One backtest to simulate: a strategy run over the daily closes of {@code symbol} from {@code from} to
 * {@code to} (both inclusive; the first and last trading days inside that range are used).
 * The record accepts any values; {@link BacktestSimulator#run} validates them.
 */
public record SimulationRequest(String symbol, LocalDate from, LocalDate to, BigDecimal initialCapital,
                                StrategyParameters parameters) {
}
