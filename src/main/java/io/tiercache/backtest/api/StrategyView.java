package io.tiercache.backtest.api;

import io.tiercache.backtest.domain.Strategy;
import java.io.Serializable;
import java.time.Instant;

/** A strategy as the API shows it. */
public record StrategyView(long id, String name, String description, int fastWindow, int slowWindow,
        double positionFraction, double commissionBps, Instant createdAt, Instant updatedAt, long version)
        implements Serializable {

    static StrategyView of(Strategy s) {
        return new StrategyView(s.getId(), s.getName(), s.getDescription(), s.getFastWindow(), s.getSlowWindow(),
                s.getPositionFraction(), s.getCommissionBps(), s.getCreatedAt(), s.getUpdatedAt(), s.getVersion());
    }
}
