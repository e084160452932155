package io.tiercache.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.backtest.api.BacktestRequest;
import io.tiercache.backtest.api.StrategyRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the JSON-B implementation Payara Micro ships (Yasson), with the API's request records. */
class MalformedRequestBodyTest {

    private static Jsonb jsonb;

    @BeforeAll
    static void createJsonb() {
        jsonb = JsonbBuilder.create();
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    @Test
    void requestRecordsBindFromJson() {
        StrategyRequest strategy = jsonb.fromJson("{\"name\":\"N\",\"fastWindow\":5,\"slowWindow\":10,"
                + "\"positionFraction\":0.5,\"commissionBps\":1,\"unknown\":true}", StrategyRequest.class);
        assertEquals(new StrategyRequest("N", null, 5, 10, 0.5, 1.0), strategy);
        BacktestRequest backtest = jsonb.fromJson("{\"strategyId\":3,\"symbol\":\"ALPHA\",\"from\":\"2016-01-04\","
                + "\"to\":\"2018-01-04\",\"initialCapital\":1000.5}", BacktestRequest.class);
        assertEquals(java.time.LocalDate.of(2016, 1, 4), backtest.from());
        assertEquals(new java.math.BigDecimal("1000.5"), backtest.initialCapital());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"N\",\"fastWindow\":\"five\"}|fastWindow",
            "{\"name\":\"N\",\"positionFraction\":\"abc\"}|positionFraction",
            "{\"name\":\"N\",\"positionFraction\":[1]}|body",
            "{\"name\": |body",
            "[1, 2]|body",
            "not json|body"})
    void namesThePropertyOfAWrongValueType(String body, String field) {
        JsonbException failure = assertThrows(JsonbException.class,
                () -> jsonb.fromJson(body, StrategyRequest.class));
        Problem problem = MalformedRequestBody.problem(new ProcessingException("wrapped", failure), "/api/x")
                .orElseThrow();
        assertEquals(400, problem.status());
        assertEquals(field, problem.errors().get(0).field());
        assertTrue(problem.detail().startsWith("The request body could not be read as JSON"));
    }

    @Test
    void namesADateThatIsNotADate() {
        JsonbException failure = assertThrows(JsonbException.class,
                () -> jsonb.fromJson("{\"from\":\"2016-13-45\"}", BacktestRequest.class));
        assertEquals("from", MalformedRequestBody.problem(failure, null).orElseThrow().errors().get(0).field());
    }

    @Test
    void ignoresFailuresThatAreNotAboutJson() {
        assertTrue(MalformedRequestBody.problem(new ProcessingException(new IllegalStateException("x")), null)
                .isEmpty());
    }
}
