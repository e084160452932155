package io.tiercache.backtest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BacktestRequestValidationTest {

    private static final LocalDate FROM = LocalDate.of(2016, 1, 4);
    private static final LocalDate TO = LocalDate.of(2018, 1, 4);
    private static final BigDecimal CAPITAL = new BigDecimal("10000.00");

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void acceptsAValidBacktest() {
        assertTrue(violations(new BacktestRequest(1L, "ALPHA", FROM, TO, CAPITAL)).isEmpty());
        assertTrue(violations(new BacktestRequest(1L, "BRK.B", FROM, TO, new BigDecimal("1"))).isEmpty());
    }

    @Test
    void reportsEveryMissingField() {
        assertEquals(Set.of("strategyId", "symbol", "from", "to", "initialCapital"),
                violations(new BacktestRequest(null, null, null, null, null)).keySet());
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertEquals(Set.of("strategyId"), violations(new BacktestRequest(0L, "ALPHA", FROM, TO, CAPITAL)).keySet());
        assertEquals(Set.of("symbol"), violations(new BacktestRequest(1L, "alpha", FROM, TO, CAPITAL)).keySet());
        assertEquals(Set.of("symbol"),
                violations(new BacktestRequest(1L, "A".repeat(17), FROM, TO, CAPITAL)).keySet());
        assertEquals(Set.of("initialCapital"),
                violations(new BacktestRequest(1L, "ALPHA", FROM, TO, new BigDecimal("0.99"))).keySet());
        assertEquals(Set.of("initialCapital"),
                violations(new BacktestRequest(1L, "ALPHA", FROM, TO, new BigDecimal("100.001"))).keySet());
        assertEquals(Set.of("initialCapital"),
                violations(new BacktestRequest(1L, "ALPHA", FROM, TO, new BigDecimal("1000000000.01"))).keySet());
    }

    @Test
    void requiresTheRangeToEndAfterItStarts() {
        assertEquals(Map.of("to", "must be after from"), violations(new BacktestRequest(1L, "ALPHA", TO, FROM, CAPITAL)));
        assertEquals(Map.of("to", "must be after from"), violations(new BacktestRequest(1L, "ALPHA", FROM, FROM, CAPITAL)));
    }

    private static Map<String, String> violations(BacktestRequest request) {
        Map<String, String> byField = new TreeMap<>();
        for (ConstraintViolation<BacktestRequest> violation : validator.validate(request)) {
            byField.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return byField;
    }
}
