package io.tiercache.backtest.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class StrategyServiceTest {

    @Test
    void recognisesAUniqueViolationAnywhereInTheCauses() {
        SQLException unique = new SQLIntegrityConstraintViolationException("duplicate key", "23505");
        assertTrue(StrategyService.isUniqueViolation(unique));
        assertTrue(StrategyService.isUniqueViolation(
                new PersistenceException("flush failed", new RuntimeException("wrapped", unique))));
    }

    @Test
    void ignoresOtherFailures() {
        assertFalse(StrategyService.isUniqueViolation(new PersistenceException("no cause")));
        assertFalse(StrategyService.isUniqueViolation(new PersistenceException(
                new SQLIntegrityConstraintViolationException("not null", "23502"))));
    }
}
