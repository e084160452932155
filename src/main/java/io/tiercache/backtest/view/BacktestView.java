package io.tiercache.backtest.view;

import io.tiercache.backtest.domain.Backtest;
import io.tiercache.backtest.domain.Metrics;
import io.tiercache.http.Validated;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A backtest as the API shows it, without its equity curve ({@code /api/backtests/{id}/equity}). */
public record BacktestView(long id, long strategyId, String symbol, LocalDate from, LocalDate to,
        BigDecimal initialCapital, String status, String failureReason, MetricsView metrics, Instant createdAt)
        implements Serializable, Validated {

    public static BacktestView of(Backtest b) {
        Metrics m = b.getMetrics();
        return new BacktestView(b.getId(), b.getStrategy().getId(), b.getSymbol(), b.getFrom(), b.getTo(),
                b.getInitialCapital(), b.getStatus().name(), b.getFailureReason(),
                m == null ? null : MetricsView.of(m), b.getCreatedAt());
    }

    /** {@code b<id>.<creation time in µs, hex>}: a backtest never changes once stored. */
    @Override
    public String entityTag() {
        return "b" + id + "." + Long.toHexString(Validators.micros(createdAt));
    }

    @Override
    public Instant lastModified() {
        return createdAt;
    }

    /** The performance figures; a figure that is not a finite number (e.g. a Sharpe ratio of no volatility) is null. */
    public record MetricsView(Double totalReturn, Double cagr, Double annualizedVolatility, Double sharpeRatio,
            Double maxDrawdown, int numberOfTrades, Double sharpePValue) implements Serializable {

        public static MetricsView of(Metrics m) {
            return new MetricsView(finite(m.totalReturn()), finite(m.cagr()), finite(m.annualizedVolatility()),
                    finite(m.sharpeRatio()), finite(m.maxDrawdown()), m.numberOfTrades(), finite(m.sharpePValue()));
        }

        private static Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }
}
