package io.tiercache.backtest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;

/** A moving-average crossover trading strategy with its parameters; its name is unique. */
@Entity
@Table(name = "strategy", uniqueConstraints = @UniqueConstraint(name = "uk_strategy_name", columnNames = "name"))
public class Strategy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "strategy_seq")
    @SequenceGenerator(name = "strategy_seq", sequenceName = "strategy_seq", allocationSize = 20)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(name = "fast_window", nullable = false)
    private int fastWindow;

    @Column(name = "slow_window", nullable = false)
    private int slowWindow;

    @Column(name = "position_fraction", nullable = false)
    private double positionFraction;

    @Column(name = "commission_bps", nullable = false)
    private double commissionBps;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Strategy() {
    }

    public Strategy(String name, String description, int fastWindow, int slowWindow, double positionFraction,
            double commissionBps) {
        update(name, description, fastWindow, slowWindow, positionFraction, commissionBps);
    }

    /** Replaces every editable property. */
    public final void update(String name, String description, int fastWindow, int slowWindow,
            double positionFraction, double commissionBps) {
        this.name = name;
        this.description = description;
        this.fastWindow = fastWindow;
        this.slowWindow = slowWindow;
        this.positionFraction = positionFraction;
        this.commissionBps = commissionBps;
    }

    @PrePersist
    void onCreate() {
        createdAt = Timestamps.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Timestamps.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getFastWindow() {
        return fastWindow;
    }

    public int getSlowWindow() {
        return slowWindow;
    }

    public double getPositionFraction() {
        return positionFraction;
    }

    public double getCommissionBps() {
        return commissionBps;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
