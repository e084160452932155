package io.tiercache.backtest.api;

import io.tiercache.json.StrictBody;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of a strategy create or update: every property, as a whole. */
@StrictBody
public record StrategyRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @NotNull @Min(1) @Max(250) Integer fastWindow,
        @NotNull @Min(2) @Max(500) Integer slowWindow,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double positionFraction,
        @NotNull @DecimalMin("0") @DecimalMax("1000") Double commissionBps) {

    /** The fast moving average must be shorter than the slow one. */
    @AssertTrue(message = "must be greater than fastWindow")
    boolean isSlowWindow() {
        return fastWindow == null || slowWindow == null || slowWindow > fastWindow;
    }
}
