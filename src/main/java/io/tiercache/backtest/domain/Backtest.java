package io.tiercache.backtest.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One run of a strategy over a symbol's prices between two dates. A {@link BacktestStatus#COMPLETED} backtest
 * holds the metrics and the equity curve (packed by {@link EquityCurveCodec}); a
 * {@link BacktestStatus#FAILED} one holds the failure reason.
 */
@Entity
@Table(name = "backtest", indexes = @Index(name = "ix_backtest_strategy", columnList = "strategy_id"))
public class Backtest {

    private static final int MAX_REASON = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backtest_seq")
    @SequenceGenerator(name = "backtest_seq", sequenceName = "backtest_seq", allocationSize = 20)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "strategy_id", nullable = false, foreignKey = @ForeignKey(name = "fk_backtest_strategy"))
    private Strategy strategy;

    @Column(nullable = false, length = 16)
    private String symbol;

    @Column(name = "from_date", nullable = false)
    private LocalDate from;

    @Column(name = "to_date", nullable = false)
    private LocalDate to;

    @Column(name = "initial_capital", nullable = false, precision = 19, scale = 2)
    private BigDecimal initialCapital;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BacktestStatus status;

    @Column(name = "failure_reason", length = MAX_REASON)
    private String failureReason;

    @Column(name = "total_return")
    private Double totalReturn;

    private Double cagr;

    @Column(name = "annualized_volatility")
    private Double annualizedVolatility;

    @Column(name = "sharpe_ratio")
    private Double sharpeRatio;

    @Column(name = "max_drawdown")
    private Double maxDrawdown;

    @Column(name = "number_of_trades")
    private Integer numberOfTrades;

    @Column(name = "sharpe_p_value")
    private Double sharpePValue;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "equity_curve")
    private byte[] equityCurve;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Backtest() {
    }

    public Backtest(Strategy strategy, String symbol, LocalDate from, LocalDate to, BigDecimal initialCapital) {
        this.strategy = strategy;
        this.symbol = symbol;
        this.from = from;
        this.to = to;
        this.initialCapital = initialCapital;
    }

    /** Records a finished simulation. */
    public void complete(Metrics metrics, byte[] packedEquityCurve) {
        status = BacktestStatus.COMPLETED;
        failureReason = null;
        totalReturn = metrics.totalReturn();
        cagr = metrics.cagr();
        annualizedVolatility = metrics.annualizedVolatility();
        sharpeRatio = metrics.sharpeRatio();
        maxDrawdown = metrics.maxDrawdown();
        numberOfTrades = metrics.numberOfTrades();
        sharpePValue = metrics.sharpePValue();
        equityCurve = packedEquityCurve;
    }

    /** Records a simulation that failed unexpectedly; the reason is cut to {@value #MAX_REASON} characters. */
    public void fail(String reason) {
        status = BacktestStatus.FAILED;
        failureReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    @PrePersist
    void onCreate() {
        createdAt = Timestamps.now();
    }

    public Long getId() {
        return id;
    }

    public Strategy getStrategy() {
        return strategy;
    }

    public String getSymbol() {
        return symbol;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    public BigDecimal getInitialCapital() {
        return initialCapital;
    }

    public BacktestStatus getStatus() {
        return status;
    }

    public String getFailureReason() {
        return failureReason;
    }

    /** The metrics of a completed backtest, {@code null} for a failed one. */
    public Metrics getMetrics() {
        return status == BacktestStatus.COMPLETED
                ? new Metrics(totalReturn, cagr, annualizedVolatility, sharpeRatio, maxDrawdown, numberOfTrades,
                        sharpePValue)
                : null;
    }

    /** The packed equity curve, empty for a failed backtest. */
    public byte[] getEquityCurve() {
        return equityCurve == null ? new byte[0] : equityCurve.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
