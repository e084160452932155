package io.tiercache.backtest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StrategyRequestValidationTest {

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
    void acceptsAValidStrategy() {
        assertTrue(validator.validate(new StrategyRequest("Golden Cross", null, 50, 200, 1.0, 5.0)).isEmpty());
        assertTrue(validator.validate(new StrategyRequest("x".repeat(100), "d".repeat(1000), 1, 2, 0.0001, 0.0))
                .isEmpty());
    }

    @Test
    void reportsEveryMissingField() {
        Map<String, String> violations = violations(new StrategyRequest(null, null, null, null, null, null));
        assertEquals(Set.of("name", "fastWindow", "slowWindow", "positionFraction", "commissionBps"),
                violations.keySet());
        assertEquals("must not be null", violations.get("fastWindow"));
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertEquals(Set.of("name"), violations(new StrategyRequest(" ", null, 5, 10, 0.5, 1.0)).keySet());
        assertEquals(Set.of("name"), violations(new StrategyRequest("x".repeat(101), null, 5, 10, 0.5, 1.0)).keySet());
        assertEquals(Set.of("description"),
                violations(new StrategyRequest("n", "d".repeat(1001), 5, 10, 0.5, 1.0)).keySet());
        assertEquals(Set.of("fastWindow"), violations(new StrategyRequest("n", null, 0, 10, 0.5, 1.0)).keySet());
        assertEquals(Set.of("slowWindow"), violations(new StrategyRequest("n", null, 5, 501, 0.5, 1.0)).keySet());
        assertEquals(Set.of("positionFraction"),
                violations(new StrategyRequest("n", null, 5, 10, 0.0, 1.0)).keySet());
        assertEquals(Set.of("positionFraction"),
                violations(new StrategyRequest("n", null, 5, 10, 1.01, 1.0)).keySet());
        assertEquals(Set.of("commissionBps"), violations(new StrategyRequest("n", null, 5, 10, 0.5, -0.1)).keySet());
        assertEquals(Set.of("commissionBps"), violations(new StrategyRequest("n", null, 5, 10, 0.5, 1000.5)).keySet());
    }

    @Test
    void requiresTheSlowWindowToExceedTheFastOne() {
        Map<String, String> equal = violations(new StrategyRequest("n", null, 10, 10, 0.5, 1.0));
        assertEquals(Map.of("slowWindow", "must be greater than fastWindow"), equal);
        assertTrue(violations(new StrategyRequest("n", null, 10, 11, 0.5, 1.0)).isEmpty());
    }

    private static Map<String, String> violations(StrategyRequest request) {
        Map<String, String> byField = new TreeMap<>();
        for (ConstraintViolation<StrategyRequest> violation : validator.validate(request)) {
            byField.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return byField;
    }
}
