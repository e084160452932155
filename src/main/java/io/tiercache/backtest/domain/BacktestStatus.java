package io.tiercache.backtest.domain;

/** Outcome of a backtest's simulation. */
public enum BacktestStatus {
    /** The simulation ran; the metrics and the equity curve are stored. */
    COMPLETED,
    /** The simulation failed unexpectedly; the reason is stored, there are no metrics. */
    FAILED
}
