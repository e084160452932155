package io.tiercache.backtest.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Entity timestamps. */
final class Timestamps {

    private Timestamps() {
    }

    /** The current time at the precision the databases keep (microseconds), so stored and returned values agree. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
