package io.tiercache.cache.bench;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A small immutable value of the kind the application caches. */
public record Quote(String symbol, LocalDate day, BigDecimal close, List<Long> volumes) implements Serializable {

    static Quote sample() {
        return new Quote("ACME", LocalDate.of(2024, 3, 1), new BigDecimal("123.45"), List.of(100L, 200L, 300L));
    }
}
