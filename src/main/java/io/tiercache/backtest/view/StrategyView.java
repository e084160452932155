package io.tiercache.backtest.view;

import io.tiercache.backtest.domain.Strategy;
import io.tiercache.http.Validated;
import java.io.Serializable;
import java.time.Instant;

/** A strategy as the API shows it. */
public record StrategyView(long id, String name, String description, int fastWindow, int slowWindow,
        double positionFraction, double commissionBps, Instant createdAt, Instant updatedAt, long version)
        implements Serializable, Validated {

    public static StrategyView of(Strategy s) {
        return new StrategyView(s.getId(), s.getName(), s.getDescription(), s.getFastWindow(), s.getSlowWindow(),
                s.getPositionFraction(), s.getCommissionBps(), s.getCreatedAt(), s.getUpdatedAt(), s.getVersion());
    }

    /** {@code s<id>.<version>.<update time in µs, hex>}: the update time tells apart databases that reuse ids. */
    @Override
    public String entityTag() {
        return "s" + id + "." + version + "." + Long.toHexString(Validators.micros(updatedAt));
    }

    @Override
    public Instant lastModified() {
        return updatedAt;
    }
}
