package io.tiercache.backtest.simulation;

import static io.tiercache.backtest.simulation.BacktestSimulatorTest.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a request can be invalid, and the field each one names. */
final class SimulationValidationTest {

    /** Ten weekdays, Monday 1 to Friday 12 January 2024. */
    private static final PriceSeries SERIES =
            PriceSeries.ofWeekdays("TEST", LocalDate.of(2024, 1, 1), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    private static final BacktestSimulator SIMULATOR = new BacktestSimulator(PriceSeriesRepository.of(SERIES));
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 1, 12);
    private static final BigDecimal CAPITAL = new BigDecimal("1000");
    private static final StrategyParameters VALID = parameters(2, 5, 0.5, 10);

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("request", "request is required", null),
                Arguments.of("symbol", "symbol is required", new SimulationRequest(null, FROM, TO, CAPITAL, VALID)),
                Arguments.of("symbol", "symbol is required", new SimulationRequest(" ", FROM, TO, CAPITAL, VALID)),
                Arguments.of("from", "from is required", new SimulationRequest("TEST", null, TO, CAPITAL, VALID)),
                Arguments.of("to", "to is required", new SimulationRequest("TEST", FROM, null, CAPITAL, VALID)),
                Arguments.of("to", "to must be after from (2024-01-01)",
                        new SimulationRequest("TEST", FROM, FROM, CAPITAL, VALID)),
                Arguments.of("initialCapital", "initialCapital is required",
                        new SimulationRequest("TEST", FROM, TO, null, VALID)),
                Arguments.of("initialCapital", "initialCapital must be greater than 0",
                        new SimulationRequest("TEST", FROM, TO, BigDecimal.ZERO, VALID)),
                Arguments.of("initialCapital", "initialCapital must be greater than 0",
                        new SimulationRequest("TEST", FROM, TO, new BigDecimal("-5"), VALID)),
                Arguments.of("initialCapital", "initialCapital must be at most 1000000000000000",
                        new SimulationRequest("TEST", FROM, TO, new BigDecimal("1e16"), VALID)),
                Arguments.of("parameters", "parameters are required",
                        new SimulationRequest("TEST", FROM, TO, CAPITAL, null)),
                Arguments.of("fastWindow", "fastWindow must be at least 1", request(parameters(0, 5, 0.5, 10))),
                Arguments.of("slowWindow", "slowWindow must be greater than fastWindow (5)",
                        request(parameters(5, 5, 0.5, 10))),
                Arguments.of("slowWindow", "slowWindow must be greater than fastWindow (6)",
                        request(parameters(6, 5, 0.5, 10))),
                Arguments.of("positionFraction", "positionFraction must be greater than 0 and at most 1",
                        request(parameters(2, 5, 0, 10))),
                Arguments.of("positionFraction", "positionFraction must be greater than 0 and at most 1",
                        request(parameters(2, 5, 1.01, 10))),
                Arguments.of("positionFraction", "positionFraction must be greater than 0 and at most 1",
                        request(parameters(2, 5, Double.NaN, 10))),
                Arguments.of("commissionBps", "commissionBps must be between 0 and 1000",
                        request(parameters(2, 5, 0.5, -1))),
                Arguments.of("commissionBps", "commissionBps must be between 0 and 1000",
                        request(parameters(2, 5, 0.5, 1000.5))),
                Arguments.of("commissionBps", "commissionBps must be between 0 and 1000",
                        request(parameters(2, 5, 0.5, Double.NaN))),
                Arguments.of("from", "from must be on or after 2024-01-01, the first day with prices for TEST",
                        new SimulationRequest("TEST", FROM.minusDays(1), TO, CAPITAL, VALID)),
                Arguments.of("to", "to must be on or before 2024-01-12, the last day with prices for TEST",
                        new SimulationRequest("TEST", FROM, TO.plusDays(1), CAPITAL, VALID)),
                Arguments.of("from", "the range 2024-01-08..2024-01-12 holds 5 trading days; slowWindow 5 needs at least 6",
                        new SimulationRequest("TEST", LocalDate.of(2024, 1, 8), TO, CAPITAL, VALID)),
                Arguments.of("from", "the range 2024-01-06..2024-01-07 holds 0 trading days; slowWindow 5 needs at least 6",
                        new SimulationRequest("TEST", LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 7), CAPITAL, VALID)),
                Arguments.of("from", "the range 2024-01-01..2024-01-12 holds 10 trading days; slowWindow 10 needs at least 11",
                        request(parameters(2, 10, 0.5, 10))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRequests")
    void namesTheInvalidField(String field, String message, SimulationRequest request) {
        InvalidSimulationException e = assertThrows(InvalidSimulationException.class, () -> SIMULATOR.run(request));
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "slowWindow {0}")
    @MethodSource("boundaries")
    void acceptsTheBoundaries(StrategyParameters parameters, LocalDate from) {
        SimulationResult result = SIMULATOR.run(new SimulationRequest("TEST", from, TO, new BigDecimal("0.01"), parameters));
        assertTrue(result.totalReturn() >= 0, "a rising series never loses before costs");
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of(parameters(1, 9, 1, 0), FROM),
                Arguments.of(parameters(1, 2, 0.0001, 0), LocalDate.of(2024, 1, 10)),
                Arguments.of(parameters(4, 5, 1, 0), LocalDate.of(2024, 1, 5)));
    }

    private static SimulationRequest request(StrategyParameters parameters) {
        return new SimulationRequest("TEST", FROM, TO, CAPITAL, parameters);
    }
}
