package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.observability.WarmRecorder;
import io.tiercache.it.observability.WorkloadService;
import io.tiercache.it.observability.WorkloadServlet;
import io.tiercache.it.support.Pbkdf2Hashes;
import io.tiercache.it.support.PrometheusText;
import io.tiercache.it.support.TestEngine;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The cache admin API on the packaged WAR in Payara Micro: every endpoint with a {@code cache-admin} user, 401
 * without (or with wrong) credentials, 403 for a user with another role, 400 for bad patterns, 404 for unknown
 * caches, {@code Cache-Control: no-store} everywhere, and the rest of the API left open.
 */
class CacheAdminIT extends DeployedApiTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "correct horse battery staple";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "viewer-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war(adminUsers())
                .addClasses(WorkloadService.class, WorkloadServlet.class, WarmRecorder.class);
    }

    /** An admin and a user with another role, as configured by an operator. */
    static Map<String, String> adminUsers() {
        return Map.of("tiercache.admin.username", ADMIN,
                "tiercache.admin.password-hash", Pbkdf2Hashes.hash(ADMIN_PASSWORD),
                "tiercache.admin.users", VIEWER + ":" + Pbkdf2Hashes.hash(VIEWER_PASSWORD) + ":reader|auditor",
                "tiercache.metrics.refresh-interval", "200ms",
                "tiercache.admin.max-failures-per-client", "1000");
    }

    /** The admin endpoints, each as a call on a prepared request. */
    private static final Map<String, Function<Invocation.Builder, Response>> ENDPOINTS = Map.of(
            "api/cache/stats", Invocation.Builder::get,
            "api/cache/health", Invocation.Builder::get,
            "api/cache/clear", request -> request.post(Entity.text("")),
            "api/cache/" + WorkloadService.SCRATCH + "/keys?pattern=x*", Invocation.Builder::delete,
            "api/cache/warm", request -> request.post(Entity.text("")));

    @Test
    void everyEndpointAnswers401WithoutValidCredentialsAnd403WithoutTheRole() {
        workload("scratch?id=1");
        ENDPOINTS.forEach((path, call) -> {
            try (Response response = call.apply(api.target(path).request())) {
                assertUnauthorized(response, path);
            }
            try (Response response = call.apply(as(ADMIN, "wrong password", path))) {
                assertUnauthorized(response, path);
            }
            try (Response response = call.apply(as("nobody", ADMIN_PASSWORD, path))) {
                assertUnauthorized(response, path);
            }
            try (Response response = call.apply(api.target(path).request()
                    .header("Authorization", "Basic !!not-base64!!"))) {
                assertUnauthorized(response, path);
            }
            try (Response response = call.apply(as(VIEWER, VIEWER_PASSWORD, path))) {
                assertNoStore(response);
                Api.assertProblem(response, 403, null);
            }
            try (Response response = call.apply(as(ADMIN, ADMIN_PASSWORD, path))) {
                assertNoStore(response);
                assertTrue(response.getStatus() == 200 || response.getStatus() == 202,
                        () -> path + ": " + response.getStatus() + " " + response.readEntity(String.class));
            }
        });
    }

    @Test
    void anEncodedOrUnnormalisedPathDoesNotBypassAuthentication() {
        for (String path : List.of("api/%63ache/stats", "api//cache/stats", "api/./cache/stats",
                "api/cache/../cache/stats", "api/cache/stats/")) {
            try (Response response = api.target("").path(path).request().get()) {
                assertNoStore(response);
                assertTrue(response.getStatus() == 401 || response.getStatus() == 404,
                        () -> path + ": " + response.getStatus() + " " + response.readEntity(String.class));
            }
        }
    }

    @Test
    void theRestOfTheApiStaysOpen() {
        try (Response response = api.get("api/strategies")) {
            assertEquals(200, response.getStatus());
        }
        try (Response response = api.target("api/strategies").request()
                .header("Authorization", basic("someone", "anything")).get()) {
            assertEquals(200, response.getStatus(), "credentials for a public resource are ignored");
        }
    }

    /** 10 misses then 90 hits, read back exactly from /api/cache/stats and from the Prometheus exposition. */
    @Test
    void statisticsAndMetricsCountExactlyTheWorkload() {
        for (int id = 1; id <= 10; id++) {
            workload("counted?id=" + id);
        }
        for (int round = 0; round < 9; round++) {
            for (int id = 1; id <= 10; id++) {
                workload("counted?id=" + id);
            }
        }
        JsonObject stats = cacheStats(WorkloadService.COUNTED);
        JsonObject gets = stats.getJsonObject("gets");
        assertEquals(90, gets.getInt("hits"), stats.toString());
        assertEquals(10, gets.getInt("misses"), stats.toString());
        assertEquals(0.9, gets.getJsonNumber("hitRatio").doubleValue(), 1e-9);
        assertEquals(10, stats.getJsonObject("loads").getInt("successes"));
        assertEquals(10, stats.getInt("writes"));
        JsonObject l1 = stats.getJsonObject("layers").getJsonObject("l1");
        JsonObject l2 = stats.getJsonObject("layers").getJsonObject("l2");
        assertEquals(90, l1.getInt("hits"), stats.toString());
        assertEquals(10, l1.getInt("misses"), stats.toString());
        assertEquals(0, l2.getInt("hits"), stats.toString());
        assertEquals(10, l2.getInt("misses"), stats.toString());
        JsonObject l2Latency = l2.getJsonObject("latency");
        assertEquals(10, l2Latency.getInt("samples"), "every L2 read is timed");
        double p50 = l2Latency.getJsonNumber("p50Millis").doubleValue();
        double p99 = l2Latency.getJsonNumber("p99Millis").doubleValue();
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= l2Latency.getJsonNumber("maxMillis").doubleValue(), l2.toString());

        PrometheusText metrics = metricsOf(WorkloadService.COUNTED);
        Map<String, String> counted = Map.of("cache", WorkloadService.COUNTED);
        Map<String, String> l1Tags = Map.of("cache", WorkloadService.COUNTED, "layer", "l1");
        Map<String, String> l2Tags = Map.of("cache", WorkloadService.COUNTED, "layer", "l2");
        assertEquals(90.0, metric(metrics, "tiercache_cache_hits_total", l1Tags));
        assertEquals(10.0, metric(metrics, "tiercache_cache_misses_total", l1Tags));
        assertEquals(0.0, metric(metrics, "tiercache_cache_hits_total", l2Tags));
        assertEquals(10.0, metric(metrics, "tiercache_cache_misses_total", l2Tags));
        assertEquals(10.0, metric(metrics, "tiercache_cache_puts_total", l1Tags));
        assertEquals(0.0, metric(metrics, "tiercache_cache_errors_total", l2Tags));
        assertEquals(90.0, metric(metrics, "tiercache_cache_gets_total", with(counted, "result", "hit")));
        assertEquals(10.0, metric(metrics, "tiercache_cache_gets_total", with(counted, "result", "miss")));
        assertEquals(0.9, metric(metrics, "tiercache_cache_gets_hit_ratio", counted), 1e-9);
        assertEquals(0.9, metric(metrics, "tiercache_cache_hit_ratio", l1Tags), 1e-9);
        assertEquals(10.0, metric(metrics, "tiercache_cache_loads_total", with(counted, "result", "success")));
        assertEquals(10.0, metric(metrics, "tiercache_cache_l1_entries", counted));
        assertEquals(10.0, metric(metrics, "tiercache_cache_latency_seconds_count", l2Tags));
        double q50 = metric(metrics, "tiercache_cache_latency_seconds", with(l2Tags, "quantile", "0.5"));
        double q95 = metric(metrics, "tiercache_cache_latency_seconds", with(l2Tags, "quantile", "0.95"));
        double q99 = metric(metrics, "tiercache_cache_latency_seconds", with(l2Tags, "quantile", "0.99"));
        assertTrue(q50 > 0 && q50 <= q95 && q95 <= q99, q50 + " " + q95 + " " + q99);
        assertEquals(p99 / 1000, q99, 1e-6, "the same percentile in seconds as in /api/cache/stats");
        assertEquals(10 * l2Latency.getJsonNumber("meanMillis").doubleValue() / 1000,
                metric(metrics, "tiercache_cache_latency_seconds_sum", l2Tags), 1e-6, "count times mean");
        assertEquals(l2Latency.getJsonNumber("maxMillis").doubleValue() / 1000,
                metric(metrics, "tiercache_cache_latency_seconds_max", l2Tags), 1e-6);
        assertEquals(1.0, metric(metrics, "tiercache_redis_up", Map.of()));
        assertEquals(0.0, metric(metrics, "tiercache_redis_circuit_breaker_open", Map.of()));
        assertEquals("counter", metrics.type("tiercache_cache_hits_total").orElseThrow());
        assertEquals("summary", metrics.type("tiercache_cache_latency_seconds").orElseThrow());
    }

    /** The application metrics once the meters of {@code cache} are registered (they are synchronised every 200 ms). */
    private PrometheusText metricsOf(String cache) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Response response = api.target("/metrics?scope=application").request("text/plain").get()) {
                assertEquals(200, response.getStatus());
                PrometheusText metrics = PrometheusText.parse(response.readEntity(String.class));
                if (!metrics.find("tiercache_cache_hits_total", Map.of("cache", cache)).isEmpty()
                        || System.nanoTime() > deadline) {
                    return metrics;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static double metric(PrometheusText metrics, String name, Map<String, String> labels) {
        return metrics.value(name, labels).orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }

    @Test
    void clearEmptiesOneCacheOrAll() {
        String first = workload("scratch?id=7");
        assertEquals(first, workload("scratch?id=7"));
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/clear?cache=" + WorkloadService.SCRATCH)
                .post(Entity.text(""))) {
            assertEquals(200, response.getStatus());
            assertEquals(List.of(WorkloadService.SCRATCH), Api.json(response).asJsonObject()
                    .getJsonArray("cleared").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        }
        String recomputed = workload("scratch?id=7");
        assertNotEquals(first, recomputed, "the cleared entry is computed again");

        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/clear").post(Entity.text(""))) {
            assertEquals(200, response.getStatus());
            String cleared = Api.json(response).asJsonObject().getJsonArray("cleared").toString();
            assertTrue(cleared.contains(WorkloadService.SCRATCH), cleared);
        }
        assertNotEquals(recomputed, workload("scratch?id=7"));
    }

    @Test
    void deleteRemovesTheKeysThatMatchTheGlob() {
        String a = workload("scratch?id=100");
        String b = workload("scratch?id=101");
        String c = workload("scratch?id=200");
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/" + WorkloadService.SCRATCH + "/keys",
                "10?").delete()) {
            assertNoStore(response);
            JsonObject body = Api.json(response).asJsonObject();
            assertEquals(200, response.getStatus(), body.toString());
            assertEquals(2, body.getInt("removed"), body.toString());
            assertEquals("10?", body.getString("pattern"));
        }
        assertNotEquals(a, workload("scratch?id=100"));
        assertNotEquals(b, workload("scratch?id=101"));
        assertEquals(c, workload("scratch?id=200"), "a key that does not match stays");
    }

    @Test
    void aBadPatternIs400() {
        workload("scratch?id=1");
        String path = "api/cache/" + WorkloadService.SCRATCH + "/keys";
        for (String pattern : new String[] {null, "", "x".repeat(257), "a\u0001b", "caf\u00e9*", "[abc", "abc\\"}) {
            try (Response response = as(ADMIN, ADMIN_PASSWORD, path, pattern).delete()) {
                assertNoStore(response);
                Api.assertProblem(response, 400, "pattern");
            }
        }
        try (Response response = as(ADMIN, ADMIN_PASSWORD, path, "x".repeat(256)).delete()) {
            assertEquals(200, response.getStatus(), "256 characters are allowed");
        }
    }

    @Test
    void anUnknownCacheIs404() {
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/no-such-cache/keys", "*").delete()) {
            assertNoStore(response);
            assertEquals("urn:tiercache:problem:unknown-cache", Api.assertProblem(response, 404, null).getString("type"));
        }
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/clear?cache=no-such-cache")
                .post(Entity.text(""))) {
            Api.assertProblem(response, 404, null);
        }
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/warm?cache=no-such-cache")
                .post(Entity.text(""))) {
            Api.assertProblem(response, 404, null);
        }
    }

    @Test
    void healthReportsEveryComponent() {
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/health").get()) {
            assertNoStore(response);
            JsonObject health = Api.json(response).asJsonObject();
            assertEquals(200, response.getStatus(), health.toString());
            assertEquals("UP", health.getString("status"));
            List<String> names = health.getJsonArray("checks").stream()
                    .map(check -> check.asJsonObject().getString("name")).toList();
            assertTrue(names.containsAll(List.of("cache-engine", "database", "hazelcast", "redis")), names.toString());
        }
    }

    @Test
    void warmFiresTheWarmUpEventForItsObservers() throws InterruptedException {
        workload("scratch?id=1");
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/warm?cache=" + WorkloadService.SCRATCH)
                .post(Entity.text(""))) {
            assertNoStore(response);
            JsonObject body = Api.json(response).asJsonObject();
            assertEquals(202, response.getStatus(), body.toString());
            assertEquals(2, body.getInt("observers"), "the test's recorder and the application's cache warmer observe the event");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        String warmed = workload("warmed");
        while (!warmed.contains(WorkloadService.SCRATCH) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            warmed = workload("warmed");
        }
        assertTrue(warmed.contains("CacheWarmRequested[caches=[" + WorkloadService.SCRATCH + "]]"), warmed);
    }

    private Invocation.Builder as(String user, String password, String path) {
        return api.target(path).request().header("Authorization", basic(user, password));
    }

    private Invocation.Builder as(String user, String password, String path, String pattern) {
        var target = api.target(path);
        if (pattern != null) {
            target = target.queryParam("pattern", pattern.replace("{", "%7B").replace("}", "%7D"));
        }
        return target.request().header("Authorization", basic(user, password));
    }

    private JsonObject cacheStats(String cache) {
        try (Response response = as(ADMIN, ADMIN_PASSWORD, "api/cache/stats").get()) {
            assertEquals(200, response.getStatus());
            assertNoStore(response);
            return Api.json(response).asJsonObject().getJsonArray("caches").stream()
                    .map(value -> value.asJsonObject())
                    .filter(c -> c.getString("name").equals(cache))
                    .findFirst().orElseThrow(() -> new AssertionError("no statistics of " + cache));
        }
    }

    private String workload(String pathAndQuery) {
        try (Response response = api.target("workload/" + pathAndQuery).request().get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return body;
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnauthorized(Response response, String path) {
        assertNoStore(response);
        String challenge = response.getHeaderString("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Basic realm="), () -> path + ": " + challenge);
        Api.assertProblem(response, 401, null);
    }

    private static void assertNoStore(Response response) {
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
    }
}
