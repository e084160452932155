package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** {@code /api/backtests}: running, reading and deleting backtests and reading their equity curves. */
class BacktestApiIT extends DeployedApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.war();
    }

    @Test
    void runsABacktestAndStoresItsMetricsAndEquityCurve() {
        long strategyId = api.createStrategy("Backtested", 10, 40).getJsonNumber("id").longValue();
        JsonObject created;
        URI location;
        try (Response response = api.post("api/backtests",
                Api.backtestJson(strategyId, "CHARLIE", "2018-01-02", "2022-12-30", "25000.50"))) {
            assertEquals(201, response.getStatus());
            location = response.getLocation();
            created = Api.json(response).asJsonObject();
        }
        long id = created.getJsonNumber("id").longValue();
        assertTrue(location.getPath().endsWith("/api/backtests/" + id), location.toString());
        assertEquals(strategyId, created.getJsonNumber("strategyId").longValue());
        assertEquals("CHARLIE", created.getString("symbol"));
        assertEquals("2018-01-02", created.getString("from"));
        assertEquals("2022-12-30", created.getString("to"));
        assertEquals(new java.math.BigDecimal("25000.50"), created.getJsonNumber("initialCapital").bigDecimalValue());
        assertEquals("COMPLETED", created.getString("status"));
        JsonObject metrics = created.getJsonObject("metrics");
        for (String figure : new String[] {"totalReturn", "cagr", "annualizedVolatility", "sharpeRatio",
                "maxDrawdown", "sharpePValue"}) {
            assertTrue(metrics.containsKey(figure), figure + " in " + metrics);
        }
        assertTrue(metrics.getJsonNumber("annualizedVolatility").doubleValue() > 0, metrics.toString());
        double maxDrawdown = metrics.getJsonNumber("maxDrawdown").doubleValue();
        assertTrue(maxDrawdown >= 0 && maxDrawdown <= 1, metrics.toString());
        double pValue = metrics.getJsonNumber("sharpePValue").doubleValue();
        assertTrue(pValue >= 0 && pValue <= 1, metrics.toString());
        assertTrue(metrics.getInt("numberOfTrades") > 0, metrics.toString());

        try (Response response = api.get(location)) {
            assertEquals(200, response.getStatus());
            assertEquals(created, Api.json(response));
        }

        try (Response response = api.get("api/backtests/" + id + "/equity")) {
            assertEquals(200, response.getStatus());
            JsonObject equity = Api.json(response).asJsonObject();
            assertEquals(id, equity.getJsonNumber("backtestId").longValue());
            JsonArray points = equity.getJsonArray("points");
            assertTrue(points.size() > 1200, "points: " + points.size());
            JsonObject first = points.getJsonObject(0);
            JsonObject last = points.getJsonObject(points.size() - 1);
            assertEquals("2018-01-02", first.getString("date"));
            assertEquals(25000.50, first.getJsonNumber("equity").doubleValue(), 1e-6);
            assertTrue(LocalDate.parse(last.getString("date")).isAfter(LocalDate.of(2022, 12, 1)));
            double totalReturn = metrics.getJsonNumber("totalReturn").doubleValue();
            assertEquals(25000.50 * (1 + totalReturn), last.getJsonNumber("equity").doubleValue(), 1e-3);
        }
    }

    @Test
    void sameInputGivesTheSameResult() {
        long strategyId = api.createStrategy("Deterministic", 20, 50).getJsonNumber("id").longValue();
        JsonObject first = api.createBacktest(strategyId, "DELTA", "2016-01-04", "2019-12-31");
        JsonObject second = api.createBacktest(strategyId, "DELTA", "2016-01-04", "2019-12-31");
        assertEquals(first.getJsonObject("metrics"), second.getJsonObject("metrics"));
    }

    @Test
    void deletesABacktest() {
        long strategyId = api.createStrategy("Deleted backtest", 5, 10).getJsonNumber("id").longValue();
        long id = api.createBacktest(strategyId, "ECHO", "2021-01-04", "2021-12-31").getJsonNumber("id").longValue();
        try (Response response = api.delete("api/backtests/" + id)) {
            assertEquals(204, response.getStatus());
        }
        try (Response response = api.get("api/backtests/" + id)) {
            Api.assertProblem(response, 404, null);
        }
        try (Response response = api.get("api/backtests/" + id + "/equity")) {
            Api.assertProblem(response, 404, null);
        }
        try (Response response = api.get("api/strategies/" + strategyId)) {
            assertEquals(200, response.getStatus(), "deleting a backtest keeps its strategy");
        }
    }
}
