package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.invalidation.ChangeCounter;
import io.tiercache.it.invalidation.InvalidationProbeServlet;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Entity-change invalidation on the packaged WAR in Payara Micro: a committed change removes the strategy's view
 * and the lists it appears in, a rolled-back one removes nothing. To tell a removed view from a rewritten one, the
 * row is first changed behind the cache's back (a bulk update that no listener sees): a view that survives still
 * shows the old state, a removed one is reloaded with the row's current state.
 */
class InvalidationIT extends DeployedApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.war().addClasses(ChangeCounter.class, InvalidationProbeServlet.class);
    }

    @Test
    void aRolledBackChangeInvalidatesNothing() {
        String name = "rollback-" + UUID.randomUUID();
        long id = cachedStrategy(name);
        assertEquals("1", probe("behind?id=" + id + "&description=behind"));
        int[] before = counts();

        assertEquals("rolled back", probe("rollback?id=" + id + "&description=rolled-back"));

        int[] after = counts();
        assertEquals(before[0] + 1, after[0], "the listener fired inside the transaction");
        assertEquals(before[1], after[1], "no observer saw a commit");
        assertEquals("Created by a test", description("api/strategies/" + id));
        assertEquals("Created by a test", listedDescription(name));
    }

    @Test
    void aCommittedChangeInvalidatesTheDetailAndTheLists() {
        String name = "commit-" + UUID.randomUUID();
        long id = cachedStrategy(name);
        long backtestId = api.createBacktest(id, "ALPHA", "2020-01-02", "2020-12-31").getJsonNumber("id")
                .longValue();
        assertEquals(1, backtestsOf(id));
        assertEquals("1", probe("behind?id=" + id + "&description=behind"));
        assertEquals("Created by a test", description("api/strategies/" + id), "the view is cached");
        int[] before = counts();

        assertEquals("committed", probe("commit?id=" + id + "&description=committed"));

        assertEquals(before[1] + 1, counts()[1]);
        assertEquals("committed", description("api/strategies/" + id));
        assertEquals("committed", listedDescription(name));

        api.createBacktest(id, "BRAVO", "2020-01-02", "2020-12-31");
        assertEquals(2, backtestsOf(id), "a new backtest reaches its strategy's list");
        try (Response deleted = api.delete("api/backtests/" + backtestId)) {
            assertEquals(204, deleted.getStatus());
        }
        assertEquals(1, backtestsOf(id), "a deleted backtest leaves it");
        try (Response gone = api.get("api/backtests/" + backtestId)) {
            assertEquals(404, gone.getStatus());
        }
    }

    @Test
    void deletingAStrategyInvalidatesItsBacktests() {
        long id = cachedStrategy("delete-" + UUID.randomUUID());
        long backtestId = api.createBacktest(id, "ALPHA", "2020-01-02", "2020-12-31").getJsonNumber("id")
                .longValue();
        try (Response cached = api.get("api/backtests/" + backtestId + "/equity")) {
            assertEquals(200, cached.getStatus());
        }
        try (Response deleted = api.delete("api/strategies/" + id)) {
            assertEquals(204, deleted.getStatus());
        }
        for (String path : new String[] {"api/strategies/" + id, "api/strategies/" + id + "/backtests",
                "api/backtests/" + backtestId, "api/backtests/" + backtestId + "/equity"}) {
            try (Response gone = api.get(path)) {
                assertEquals(404, gone.getStatus(), path);
            }
        }
    }

    /** Creates a strategy and caches its view and the page that lists it; returns its id. */
    private long cachedStrategy(String name) {
        long id = api.createStrategy(name, 5, 20).getJsonNumber("id").longValue();
        assertEquals("Created by a test", description("api/strategies/" + id));
        assertEquals("Created by a test", listedDescription(name));
        return id;
    }

    private String description(String path) {
        try (Response response = api.get(path)) {
            assertEquals(200, response.getStatus());
            return Api.json(response).asJsonObject().getString("description");
        }
    }

    /** The description of strategy {@code name} in the first page of 100, a cached list (filtered ones are not). */
    private String listedDescription(String name) {
        try (Response response = api.get("api/strategies?size=100")) {
            assertEquals(200, response.getStatus());
            JsonObject page = Api.json(response).asJsonObject();
            return page.getJsonArray("items").stream().map(item -> item.asJsonObject())
                    .filter(item -> item.getString("name").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not in " + page)).getString("description");
        }
    }

    private int backtestsOf(long strategyId) {
        try (Response response = api.get("api/strategies/" + strategyId + "/backtests")) {
            assertEquals(200, response.getStatus());
            return Api.json(response).asJsonArray().size();
        }
    }

    private int[] counts() {
        String[] parts = probe("counts").split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private String probe(String pathAndQuery) {
        try (Response response = api.target("invalidation-probe/" + pathAndQuery).request().get()) {
            String body = response.readEntity(String.class);
            assertTrue(response.getStatus() == 200, () -> pathAndQuery + ": " + response.getStatus() + " " + body);
            return body;
        }
    }
}
