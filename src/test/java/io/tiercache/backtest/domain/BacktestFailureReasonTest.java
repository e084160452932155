package io.tiercache.backtest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.backtest.simulation.SimulationRequest;
import io.tiercache.backtest.simulation.StrategyParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BacktestFailureReasonTest {

    @Test
    void theReasonIsGenericAndTheDetailIsLoggedUnderItsIncident() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(BacktestService.class.getName());
        logger.addHandler(handler);
        try {
            IllegalStateException failure = new IllegalStateException("secret internal detail at /srv/db");
            String reason = BacktestService.failureReason(new SimulationRequest("ALPHA", LocalDate.of(2020, 1, 2),
                    LocalDate.of(2021, 1, 4), BigDecimal.TEN, new StrategyParameters(5, 20, 0.5, 1)), failure);
            assertFalse(reason.contains("secret") || reason.contains("IllegalState"), reason);
            Matcher incident = Pattern.compile("incident ([0-9a-f-]{36})").matcher(reason);
            assertTrue(incident.find(), reason);
            assertEquals(1, records.size());
            assertTrue(records.get(0).getMessage().contains(incident.group(1)), records.get(0).getMessage());
            assertSame(failure, records.get(0).getThrown());
        } finally {
            logger.removeHandler(handler);
        }
    }
}
