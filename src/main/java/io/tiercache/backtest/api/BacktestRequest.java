package io.tiercache.backtest.api;

import io.tiercache.json.StrictBody;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of a backtest creation: which strategy to simulate, on which symbol, over which dates, with what capital. */
@StrictBody
public record BacktestRequest(
        @NotNull @Positive Long strategyId,
        @NotBlank @Pattern(regexp = "[A-Z0-9.]{1,16}", message = "must be 1 to 16 upper-case letters, digits or dots")
        String symbol,
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @NotNull @DecimalMin("1.00") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2)
        BigDecimal initialCapital) {

    /** The date range must not be empty. */
    @AssertTrue(message = "must be after from")
    boolean isTo() {
        return from == null || to == null || to.isAfter(from);
    }
}
