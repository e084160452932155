package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** {@code /api/strategies} and {@code /api/symbols} on the packaged WAR in Payara Micro, with its demo data. */
class StrategyApiIT extends DeployedApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.war();
    }

    @Test
    void listsTheDemoStrategiesWithDefaultPaging() {
        try (Response response = api.get("api/strategies")) {
            assertEquals(200, response.getStatus());
            JsonObject page = Api.json(response).asJsonObject();
            assertEquals(0, page.getInt("page"));
            assertEquals(20, page.getInt("size"));
            assertTrue(page.getInt("total") >= 5, page.toString());
            List<String> names = page.getJsonArray("items").stream()
                    .map(item -> item.asJsonObject().getString("name"))
                    .toList();
            assertTrue(names.containsAll(List.of("Golden Cross", "Fast Momentum", "Swing Trader", "Trend Follower",
                    "Conservative Crossover")), names.toString());
        }
    }

    @Test
    void pagesThroughTheStrategiesInIdOrder() {
        JsonObject firstTwo = page("api/strategies?page=0&size=2");
        JsonObject nextTwo = page("api/strategies?page=1&size=2");
        assertEquals(2, firstTwo.getJsonArray("items").size());
        assertEquals(2, nextTwo.getJsonArray("items").size());
        assertEquals(1, nextTwo.getInt("page"));
        assertEquals(2, nextTwo.getInt("size"));
        assertEquals(firstTwo.getInt("total"), nextTwo.getInt("total"));
        long lastOfFirst = firstTwo.getJsonArray("items").getJsonObject(1).getJsonNumber("id").longValue();
        long firstOfNext = nextTwo.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertTrue(firstOfNext > lastOfFirst);
        JsonObject beyond = page("api/strategies?page=1000&size=100");
        assertEquals(0, beyond.getJsonArray("items").size());
    }

    @Test
    void filtersByNameContainingIgnoringCase() {
        JsonObject page = page("api/strategies?name=CROSS");
        List<String> names = page.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("name"))
                .toList();
        assertTrue(names.containsAll(List.of("Golden Cross", "Conservative Crossover")), names.toString());
        assertTrue(names.stream().allMatch(n -> n.toLowerCase().contains("cross")), names.toString());
        assertEquals(names.size(), page.getInt("total"));
        assertEquals(0, page("api/strategies?name=no-such-strategy").getInt("total"));
    }

    @Test
    void createsReadsUpdatesAndDeletesAStrategy() {
        JsonObject created;
        URI location;
        try (Response response = api.post("api/strategies", Api.strategyJson("Lifecycle", 5, 15))) {
            assertEquals(201, response.getStatus());
            location = response.getLocation();
            created = Api.json(response).asJsonObject();
        }
        long id = created.getJsonNumber("id").longValue();
        assertTrue(location.getPath().endsWith("/api/strategies/" + id), location.toString());
        assertEquals("Lifecycle", created.getString("name"));
        assertEquals(5, created.getInt("fastWindow"));
        assertEquals(15, created.getInt("slowWindow"));
        assertEquals(0.5, created.getJsonNumber("positionFraction").doubleValue());

        try (Response response = api.get(location)) {
            assertEquals(200, response.getStatus());
            assertEquals(created, Api.json(response));
        }

        JsonObject updated;
        try (Response response = api.put("api/strategies/" + id, Api.strategyJson("Lifecycle renamed", 8, 21))) {
            assertEquals(200, response.getStatus());
            updated = Api.json(response).asJsonObject();
        }
        assertEquals("Lifecycle renamed", updated.getString("name"));
        assertEquals(8, updated.getInt("fastWindow"));
        assertEquals(created.getString("createdAt"), updated.getString("createdAt"));
        assertNotEquals(created.getJsonNumber("version"), updated.getJsonNumber("version"));
        try (Response response = api.get("api/strategies/" + id)) {
            assertEquals(updated, Api.json(response));
        }

        try (Response response = api.delete("api/strategies/" + id)) {
            assertEquals(204, response.getStatus());
        }
        try (Response response = api.get("api/strategies/" + id)) {
            Api.assertProblem(response, 404, null);
        }
    }

    /**
     * This deployment leaves {@code tiercache.http.require-validators} at its default (off): a PUT and DELETEs
     * without {@code If-Match} or {@code If-Unmodified-Since} are carried out, not refused with 428.
     */
    @Test
    void writesWithoutValidatorsAreCarriedOutWhenValidatorsAreNotRequired() {
        long id = api.createStrategy("Unvalidated writes", 5, 20).getJsonNumber("id").longValue();
        long backtest = api.createBacktest(id, "CHARLIE", "2021-01-04", "2021-12-31").getJsonNumber("id").longValue();
        try (Response response = api.put("api/strategies/" + id, Api.strategyJson("Unvalidated writes 2", 6, 21))) {
            assertEquals(200, response.getStatus(), () -> response.readEntity(String.class));
            assertEquals("Unvalidated writes 2", Api.json(response).asJsonObject().getString("name"));
        }
        try (Response response = api.get("api/strategies/" + id)) {
            assertEquals(6, Api.json(response).asJsonObject().getInt("fastWindow"));
        }
        try (Response response = api.delete("api/backtests/" + backtest)) {
            assertEquals(204, response.getStatus(), () -> response.readEntity(String.class));
        }
        Api.assertProblem(api.get("api/backtests/" + backtest), 404, null);
        try (Response response = api.delete("api/strategies/" + id)) {
            assertEquals(204, response.getStatus(), () -> response.readEntity(String.class));
        }
        Api.assertProblem(api.get("api/strategies/" + id), 404, null);
    }

    @Test
    void keepsTheNameWhenAStrategyIsUpdatedWithItsOwnName() {
        long id = api.createStrategy("Same name", 3, 9).getJsonNumber("id").longValue();
        try (Response response = api.put("api/strategies/" + id, Api.strategyJson("Same name", 4, 9))) {
            assertEquals(200, response.getStatus());
        }
    }

    @Test
    void listsTheBacktestsOfAStrategyAndDeletesThemWithIt() {
        long id = api.createStrategy("With backtests", 5, 20).getJsonNumber("id").longValue();
        long first = api.createBacktest(id, "ALPHA", "2019-01-02", "2019-12-31").getJsonNumber("id").longValue();
        long second = api.createBacktest(id, "BRAVO", "2020-01-02", "2020-12-31").getJsonNumber("id").longValue();
        try (Response response = api.get("api/strategies/" + id + "/backtests")) {
            assertEquals(200, response.getStatus());
            JsonArray backtests = Api.json(response).asJsonArray();
            assertEquals(List.of(first, second), backtests.stream()
                    .map(b -> b.asJsonObject().getJsonNumber("id").longValue())
                    .toList());
            assertTrue(backtests.stream().allMatch(b -> b.asJsonObject().getJsonNumber("strategyId").longValue() == id));
        }
        try (Response response = api.delete("api/strategies/" + id)) {
            assertEquals(204, response.getStatus());
        }
        for (long backtest : List.of(first, second)) {
            try (Response response = api.get("api/backtests/" + backtest)) {
                Api.assertProblem(response, 404, null);
            }
        }
    }

    @Test
    void demoStrategiesHaveTheirBacktests() {
        JsonObject golden = page("api/strategies?name=Golden%20Cross").getJsonArray("items").getJsonObject(0);
        try (Response response = api.get("api/strategies/" + golden.getJsonNumber("id") + "/backtests")) {
            JsonArray backtests = Api.json(response).asJsonArray();
            assertEquals(2, backtests.size());
            assertTrue(backtests.stream().allMatch(b -> "COMPLETED".equals(b.asJsonObject().getString("status"))));
        }
    }

    @Test
    void listsTheSymbolsWithTheirDateRanges() {
        try (Response response = api.get("api/symbols")) {
            assertEquals(200, response.getStatus());
            JsonArray symbols = Api.json(response).asJsonArray();
            assertEquals(List.of("ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO"), symbols.stream()
                    .map(s -> s.asJsonObject().getString("symbol"))
                    .toList());
            for (JsonValue symbol : symbols) {
                assertEquals("2015-01-02", symbol.asJsonObject().getString("from"));
                assertEquals("2024-12-31", symbol.asJsonObject().getString("to"));
                assertTrue(symbol.asJsonObject().getInt("tradingDays") > 2000);
            }
        }
    }

    private JsonObject page(String pathAndQuery) {
        try (Response response = api.get(pathAndQuery)) {
            assertEquals(200, response.getStatus());
            return Api.json(response).asJsonObject();
        }
    }
}
