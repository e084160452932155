package io.tiercache.backtest.view;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Helpers of the views' entity tags. */
final class Validators {

    private Validators() {
    }

    /** Microseconds since the epoch (the precision the database keeps), 0 for null. */
    static long micros(Instant instant) {
        return instant == null ? 0 : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
