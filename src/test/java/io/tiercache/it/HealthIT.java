package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiercache.it.observability.WarmRecorder;
import io.tiercache.it.observability.WorkloadService;
import io.tiercache.it.observability.WorkloadServlet;
import io.tiercache.it.support.PrometheusText;
import io.tiercache.it.support.TestEngine;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health of the packaged WAR in Payara Micro: liveness, and readiness that reports the database,
 * Hazelcast and Redis; when the test's redis-server is stopped the service stays ready with Redis reported
 * {@code DOWN} and degraded (and keeps serving cached reads), and it reports Redis {@code UP} again once the server
 * is back. With no admin user configured, the admin API refuses everyone.
 */
class HealthIT extends DeployedApiTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war(Map.of())
                .addClasses(WorkloadService.class, WorkloadServlet.class, WarmRecorder.class);
    }

    @Test
    void livenessIsUp() {
        try (Response response = api.target("/health/live").request().get()) {
            JsonObject live = Api.json(response).asJsonObject();
            assertEquals(200, response.getStatus(), live.toString());
            assertEquals("UP", check(live, "cache-engine").getString("status"), live.toString());
        }
    }

    /** This deployment configures no admin user: the admin API refuses everyone. */
    @Test
    void withoutConfiguredUsersTheAdminApiRefusesEveryone() {
        for (String user : new String[] {"admin", "cache-admin", ""}) {
            try (Response response = api.target("api/cache/stats").request()
                    .header("Authorization", CacheAdminIT.basic(user, "")).get()) {
                assertEquals("no-store", response.getHeaderString("Cache-Control"));
                Api.assertProblem(response, 401, null);
            }
        }
    }

    @Test
    void readinessIsDegradedWhileRedisIsDownAndRecoversWhenItIsBack() throws InterruptedException {
        JsonObject ready = awaitReadiness(r -> true);
        assertEquals("UP", ready.getString("status"), ready.toString());
        assertEquals("UP", redisStatus(ready), "Redis is up from the first check: " + ready);
        assertEquals("UP", check(ready, "database").getString("status"), ready.toString());
        assertEquals("UP", check(ready, "hazelcast").getString("status"), ready.toString());
        assertEquals("1", data(ready, "hazelcast", "members"), ready.toString());
        assertEquals("false", data(ready, "redis", "degraded"), ready.toString());
        String cached = workload("counted?id=1");

        TestEngine.stopRedis();
        try {
            JsonObject degraded = awaitReadiness(r -> redisStatus(r).equals("DOWN"));
            assertEquals("UP", degraded.getString("status"), "still ready without Redis: " + degraded);
            assertEquals("UP", check(degraded, "redis").getString("status"), degraded.toString());
            assertEquals("true", data(degraded, "redis", "degraded"), degraded.toString());
            assertEquals(cached, workload("counted?id=1"), "cached reads are still served, from L1");
            assertEquals(0.0, redisUpGauge());
        } finally {
            TestEngine.startRedis();
        }

        JsonObject recovered = awaitReadiness(r -> redisStatus(r).equals("UP"));
        assertEquals("false", data(recovered, "redis", "degraded"), recovered.toString());
        assertEquals(1.0, redisUpGauge());
    }

    /** Polls {@code /health/ready} (expecting 200 each time) until {@code until} holds, within {@link #BOUND}. */
    private JsonObject awaitReadiness(Predicate<JsonObject> until) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            try (Response response = api.target("/health/ready").request().get()) {
                JsonObject ready = Api.json(response).asJsonObject();
                assertEquals(200, response.getStatus(), ready.toString());
                if (until.test(ready)) {
                    return ready;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("readiness did not change within " + BOUND + ": " + ready);
                }
            }
            Thread.sleep(200);
        }
    }

    private double redisUpGauge() {
        try (Response response = api.target("/metrics?scope=application").request("text/plain").get()) {
            return PrometheusText.parse(response.readEntity(String.class)).value("tiercache_redis_up", Map.of())
                    .orElseThrow();
        }
    }

    private static String redisStatus(JsonObject readiness) {
        return data(readiness, "redis", "status");
    }

    /** A data item of a check as text (Payara writes numbers and booleans of the data as JSON strings or not). */
    private static String data(JsonObject health, String check, String key) {
        JsonValue value = check(health, check).getJsonObject("data").get(key);
        return value instanceof JsonString text ? text.getString() : String.valueOf(value);
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private String workload(String pathAndQuery) {
        try (Response response = api.target("workload/" + pathAndQuery).request().get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return body;
        }
    }
}
