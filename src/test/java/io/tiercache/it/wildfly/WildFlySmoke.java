package io.tiercache.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.Api;
import io.tiercache.it.support.HeaderFields;
import io.tiercache.it.support.Pbkdf2Hashes;
import io.tiercache.it.support.PrometheusText;
import io.tiercache.it.support.Promtool;
import io.tiercache.it.support.TestEngine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/**
 * The unchanged {@code target/tiercache.war} on a real WildFly 39 ({@link WildFlyServer}), configured by the
 * project's own CLI scripts, with caching on: an embedded Redis of the class's own on a free port and a Hazelcast
 * member on 127.0.0.1 (free port, cluster of its own, multicast off), handed to the application as system
 * properties of the server. Subclasses choose the scripts and the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WildFlySmoke {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "wildfly-admin-" + UUID.randomUUID();
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "wildfly-viewer-" + UUID.randomUUID();
    private static final Duration METRICS_WAIT = Duration.ofSeconds(20);
    private static final int USER_FAILURES = 3;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    WildFlyServer server;
    private RedisServer redis;

    /** The CLI scripts to run (with their jboss-cli options), in order, after {@code tiercache.cli}. */
    abstract Map<String, List<String>> moreScripts();

    /** The server's environment besides the admin users. */
    abstract Map<String, String> environment();

    @BeforeAll
    void startServer() throws IOException, InterruptedException {
        int redisPort = TestEngine.freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        int hazelcastPort = TestEngine.freePort();
        server = WildFlyServer.copy(getClass().getSimpleName());
        server.runScript("tiercache.cli");
        for (Map.Entry<String, List<String>> script : moreScripts().entrySet()) {
            server.runScript(script.getKey(), script.getValue().toArray(String[]::new));
        }
        Map<String, String> properties = TestEngine.engineSettings(redisPort, hazelcastPort);
        properties.put("tiercache.metrics.refresh-interval", "1s");
        Map<String, String> environment = new LinkedHashMap<>(environment());
        environment.put("TIERCACHE_ADMIN_USERNAME", ADMIN);
        environment.put("TIERCACHE_ADMIN_PASSWORD_HASH", Pbkdf2Hashes.hash(ADMIN_PASSWORD));
        environment.put("TIERCACHE_ADMIN_USERS", VIEWER + ":" + Pbkdf2Hashes.hash(VIEWER_PASSWORD) + ":viewer");
        environment.put("TIERCACHE_ADMIN_MAX_FAILURES_PER_USER", Integer.toString(USER_FAILURES));
        environment.put("TIERCACHE_ADMIN_MAX_FAILURES_PER_CLIENT", "1000");
        server.start(Path.of(System.getProperty("tiercache.war")), properties, environment);
    }

    @AfterAll
    void stopServer() throws InterruptedException, IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (redis != null) {
                redis.stop();
            }
        }
    }

    @Test
    void strategyCreateReadUpdateDelete() throws IOException, InterruptedException {
        HttpResponse<String> created = send("POST", "api/strategies", strategyJson("Smoke " + UUID.randomUUID()));
        assertEquals(201, created.statusCode(), created.body());
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertEquals(server.base().getPort(), location.getPort(), "Location " + location);
        String path = location.getPath().substring(1);
        JsonObject read = json(send("GET", path, null), 200);
        assertEquals(json(created, 201).getJsonNumber("id"), read.getJsonNumber("id"));
        assertTrue(read.getString("createdAt").endsWith("Z"), "JSON-B writes instants as ISO text: " + read);

        String renamed = "Renamed " + UUID.randomUUID();
        JsonObject updated = json(send("PUT", path, strategyJson(renamed)), 200);
        assertEquals(renamed, updated.getString("name"));
        assertEquals(renamed, json(send("GET", path, null), 200).getString("name"));

        assertEquals(204, send("DELETE", path, null).statusCode());
        assertProblem(send("GET", path, null), 404);
    }

    @Test
    void backtestRunReadDelete() throws IOException, InterruptedException {
        HttpResponse<String> created = send("POST", "api/backtests",
                Api.backtestJson(1, "ALPHA", "2020-01-02", "2022-12-30", "100000"));
        JsonObject backtest = json(created, 201);
        assertEquals("COMPLETED", backtest.getString("status"));
        assertEquals("2020-01-02", backtest.getString("from"));
        String path = "api/backtests/" + backtest.getJsonNumber("id");
        assertEquals(backtest.getJsonObject("metrics"), json(send("GET", path, null), 200).getJsonObject("metrics"));
        assertFalse(json(send("GET", path + "/equity", null), 200).getJsonArray("points").isEmpty());
        assertEquals(204, send("DELETE", path, null).statusCode());
        assertProblem(send("GET", path, null), 404);
    }

    @Test
    void cachedReadsAreCountedInTheStatisticsAndInPrometheus() throws IOException, InterruptedException {
        String id = json(send("POST", "api/strategies", strategyJson("Counted " + UUID.randomUUID())), 201)
                .getJsonNumber("id").toString();
        json(send("GET", "api/strategies/" + id, null), 200);
        Map<String, String> hits = Map.of("cache", "strategies", "result", "hit");
        Map<String, String> l1Hits = Map.of("cache", "strategies", "layer", "l1");
        long statsBefore = strategyHits();
        // the meters read one snapshot for half a second: wait for one that counts what the statistics count now
        double gaugesBefore = awaitSample("tiercache_cache_gets_total", hits, v -> v == statsBefore);
        double l1Before = awaitSample("tiercache_cache_hits_total", l1Hits, v -> true);

        int reads = 5;
        for (int i = 0; i < reads; i++) {
            json(send("GET", "api/strategies/" + id, null), 200);
        }

        assertEquals(statsBefore + reads, strategyHits(), "hits of the strategies cache in /api/cache/stats");
        awaitSample("tiercache_cache_gets_total", hits, v -> v == gaugesBefore + reads);
        awaitSample("tiercache_cache_hits_total", l1Hits, v -> v == l1Before + reads);
        PrometheusText scrape = PrometheusText.parse(get(server.management().resolve("prometheus")).body());
        assertEquals("counter", scrape.type("tiercache_cache_gets_total").orElseThrow(),
                "Micrometer publishes the counts as counters");
        assertEquals(1.0, scrape.value("tiercache_redis_up", Map.of()).orElseThrow());
        assertEquals(1.0, scrape.value("tiercache_hazelcast_members", Map.of()).orElseThrow());
    }

    /**
     * Every series of every cache the application declares is there whether or not the cache was used yet; counts
     * are counters, latencies summaries with their percentile gauges; and Prometheus' linter ({@code promtool check
     * metrics}, where installed) finds nothing to say about the application's families (the server's own are
     * WildFly's business) but that they have no help text: WildFly's per-deployment registry forwards only meters
     * registered through the shorthand methods, which take no description.
     */
    @Test
    void theCacheSeriesAreThereWithPrometheusTypes() throws IOException, InterruptedException {
        String exposition = get(server.management().resolve("prometheus")).body();
        PrometheusText scrape = PrometheusText.parse(exposition);
        for (String cache : List.of("strategies", "strategy-lists", "strategy-backtests", "backtests", "equity")) {
            for (String layer : List.of("l1", "l2")) {
                Map<String, String> labels = Map.of("cache", cache, "layer", layer);
                for (String name : List.of("tiercache_cache_hits_total", "tiercache_cache_misses_total",
                        "tiercache_cache_errors_total", "tiercache_cache_latency_seconds_count",
                        "tiercache_cache_latency_seconds_sum", "tiercache_cache_latency_seconds_max")) {
                    assertTrue(scrape.value(name, labels).isPresent(), name + labels);
                }
                for (String phi : List.of("0.5", "0.95", "0.99")) {
                    Map<String, String> percentile = new LinkedHashMap<>(labels);
                    percentile.put("phi", phi);
                    assertTrue(scrape.value("tiercache_cache_latency_percentile_seconds", percentile).isPresent(),
                            "percentile " + percentile);
                }
            }
            assertTrue(scrape.value("tiercache_cache_load_latency_seconds_count", Map.of("cache", cache))
                    .isPresent(), cache);
        }
        assertEquals("counter", scrape.type("tiercache_cache_hits_total").orElseThrow());
        assertEquals("counter", scrape.type("tiercache_cache_load_time_seconds_total").orElseThrow());
        assertEquals("summary", scrape.type("tiercache_cache_latency_seconds").orElseThrow());
        assertEquals("summary", scrape.type("tiercache_cache_load_latency_seconds").orElseThrow());
        String ours = exposition.lines().filter(line -> line.contains(" tiercache_") || line.startsWith("tiercache_"))
                .collect(Collectors.joining("\n", "", "\n"));
        List<String> findings = Promtool.checkMetrics(ours).lines()
                .filter(line -> !line.endsWith(" no help text")).toList();
        assertEquals(List.of(), findings, "promtool check metrics on\n" + ours);
    }

    @Test
    void conditionalGetAnswers304() throws IOException, InterruptedException {
        HttpResponse<String> first = send("GET", "api/strategies/1", null);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(request("api/strategies/1").header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertEquals("", again.body());
    }

    /**
     * A repeated GET (answered by the stored-response filter, before RESTEasy) has the status, body and header fields
     * of the first (answered by RESTEasy) but {@code Date}, 304 too; after an update the next GET serves the update.
     */
    @Test
    void aRepeatedGetIsAnsweredAsTheFirst() throws IOException, InterruptedException {
        HttpResponse<String> created = send("POST", "api/strategies", strategyJson("Stored " + UUID.randomUUID()));
        String path = "api/strategies/" + json(created, 201).getJsonNumber("id").longValue();
        HttpResponse<String> first = send("GET", path, null);
        HttpResponse<String> second = send("GET", path, null);
        assertEquals(200, first.statusCode());
        assertEquals(HeaderFields.butDate(first), HeaderFields.butDate(second));
        assertEquals(first.body(), second.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> byRestEasy = http.send(request(path).header("If-None-Match", etag)
                .setHeader("Accept", "application/json;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stored = http.send(request(path).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, byRestEasy.statusCode());
        assertEquals(HeaderFields.butDate(byRestEasy), HeaderFields.butDate(stored));
        String renamed = "Renamed " + UUID.randomUUID();
        HttpResponse<String> updated = http.send(request(path).header("Content-Type", "application/json")
                .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(strategyJson(renamed))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, updated.statusCode(), updated.body());
        HttpResponse<String> after = send("GET", path, null);
        assertTrue(after.body().contains(renamed), after.body());
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    }


    @Test
    void badRequestsGetProblemDocuments() throws IOException, InterruptedException {
        JsonObject invalid = assertProblem(send("POST", "api/strategies",
                "{\"name\":\"\",\"fastWindow\":50,\"slowWindow\":10}"), 400);
        assertTrue(invalid.getJsonArray("errors").toString().contains("\"name\""), invalid.toString());
        assertProblem(send("POST", "api/strategies", "{\"name\":"), 400);
        assertProblem(send("GET", "api/strategies/not-a-number", null), 404);
        assertProblem(send("GET", "no/such/path", null), 404);
    }

    /** Bodies are read strictly on RESTEasy too: each violation is a 400 naming its field, and nothing is stored. */
    @Test
    void strictBodiesNameTheField() throws IOException, InterruptedException {
        String name = "Strict " + UUID.randomUUID();
        Map<String, String> bodies = Map.of(
                "fastWindow", strategyJson(name).replace("\"fastWindow\":20", "\"fastWindow\":4294967306"),
                "slowWindow", strategyJson(name).replace("\"slowWindow\":100", "\"slowWindow\":20.5"),
                "positionFraction", strategyJson(name).replace("\"positionFraction\":0.5", "\"positionFraction\":1e400"),
                "fastwindow", strategyJson(name).replace("\"fastWindow\"", "\"fastwindow\""),
                "name", strategyJson(name).replace("{", "{\"name\":\"twice\","));
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            JsonObject problem = assertProblem(send("POST", "api/strategies", body.getValue()), 400);
            assertTrue(problem.getJsonArray("errors").toString().contains("\"" + body.getKey() + "\""),
                    problem.toString());
        }
        byte[] json = strategyJson(name).getBytes(StandardCharsets.UTF_8);
        byte[] invalid = java.util.Arrays.copyOf(json, json.length);
        int at = strategyJson(name).indexOf("Strict");
        invalid[at] = (byte) 0xC3;
        invalid[at + 1] = (byte) 0x28;
        HttpResponse<String> badUtf8 = http.send(request("api/strategies").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalid)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(badUtf8, 400);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertProblem(send("POST", "api/strategies", deep), 400);
        assertEquals(0, json(send("GET", "api/strategies?name=" + name.replace(" ", "%20"), null), 200)
                .getInt("total"));
    }

    /**
     * The OpenAPI document on WildFly too: the application's, valid and complete; the server's (SmallRye OpenAPI 4)
     * the same, save for the empty {@code info.license} and {@code externalDocs} objects SmallRye adds.
     */
    @Test
    void openApiDocumentIsValidAndComplete() throws IOException, InterruptedException {
        io.tiercache.it.support.OpenApiCheck.assertComplete(get(server.base().resolve("openapi.yaml")).body());
        HttpResponse<String> served = get(server.base().resolve("/openapi"));
        assertEquals(200, served.statusCode(), served.body());
        io.tiercache.it.support.OpenApiCheck.assertComplete(served.body(), "attribute info.license.name is missing",
                "attribute externalDocs.url is missing");
    }

    /** Every response carries a Date; If-Match is evaluated on reads and If-None-Match on writes. */
    @Test
    void datesAndPreconditions() throws IOException, InterruptedException {
        HttpResponse<String> created = send("POST", "api/strategies", strategyJson("Dated " + UUID.randomUUID()));
        String path = "api/strategies/" + json(created, 201).getJsonNumber("id").longValue();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        List<HttpResponse<String>> responses = List.of(created, send("GET", path, null),
                send("GET", "no/such/path", null), send("GET", "api/cache/stats", null),
                http.send(request(path).header("If-None-Match", etag).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> response : responses) {
            assertEquals(1, response.headers().allValues("Date").size(), response + " " + response.headers());
            assertTrue(io.tiercache.http.HttpDates.parse(response.headers().firstValue("Date").orElseThrow())
                    .isPresent(), response.headers().toString());
        }
        assertProblem(http.send(request(path).header("If-Match", "\"nope\"").GET().build(),
                HttpResponse.BodyHandlers.ofString()), 412);
        assertProblem(http.send(request(path).header("If-None-Match", "*").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(strategyJson("Overwritten " + UUID.randomUUID())))
                .build(), HttpResponse.BodyHandlers.ofString()), 412);
        assertEquals(etag, send("GET", path, null).headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void adminApiNeedsTheRole() throws IOException, InterruptedException {
        HttpResponse<String> anonymous = send("GET", "api/cache/stats", null);
        assertProblem(anonymous, 401);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertProblem(admin("api/cache/stats", ADMIN, "wrong"), 401);
        assertProblem(admin("api/cache/stats", VIEWER, VIEWER_PASSWORD), 403);
        HttpResponse<String> stats = admin("api/cache/stats", ADMIN, ADMIN_PASSWORD);
        assertEquals(200, stats.statusCode(), stats.body());
        assertEquals("no-store", stats.headers().firstValue("Cache-Control").orElseThrow());
        String log = Files.readString(server.log());
        assertFalse(log.contains("UT005023"), "a request failed on the server:\n" + log);
    }

    /** A user name blocked by its failures is refused with 429 only after the refusal delay (1 s by default). */
    @Test
    void blockedLoginsAreRefusedLate() throws IOException, InterruptedException {
        for (int i = 0; i < USER_FAILURES; i++) {
            assertProblem(admin("api/cache/stats", "intruder", "wrong " + i), 401);
        }
        long sent = System.nanoTime();
        HttpResponse<String> refused = admin("api/cache/stats", "intruder", "wrong again");
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertProblem(refused, 429);
        assertTrue(millis >= 800, "refused after " + millis + " ms");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().toString());
        assertEquals(1, refused.headers().allValues("Date").size(), refused.headers().toString());
    }

    @Test
    void healthOnTheManagementPort() throws IOException, InterruptedException {
        HttpResponse<String> ready = get(server.management().resolve("health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        String body = ready.body();
        for (String check : List.of("\"database\"", "\"hazelcast\"", "\"redis\"")) {
            assertTrue(body.contains(check), check + " in " + body);
        }
        assertEquals(200, get(server.management().resolve("health/live")).statusCode());
        assertTrue(get(server.management().resolve("health/live")).body().contains("\"cache-engine\""));
    }

    /** The hits of the {@code strategies} cache, from {@code /api/cache/stats}. */
    long strategyHits() throws IOException, InterruptedException {
        HttpResponse<String> stats = admin("api/cache/stats", ADMIN, ADMIN_PASSWORD);
        return Json.createReader(new StringReader(stats.body())).readObject().getJsonArray("caches")
                .getValuesAs(JsonObject.class).stream()
                .filter(cache -> cache.getString("name").equals("strategies"))
                .findFirst().orElseThrow()
                .getJsonObject("gets").getJsonNumber("hits").longValue();
    }

    /** Waits until the Prometheus sample {@code name}{@code labels} exists and satisfies {@code expected}. */
    double awaitSample(String name, Map<String, String> labels, DoublePredicate expected)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + METRICS_WAIT.toNanos();
        Double value = null;
        while (System.nanoTime() < deadline) {
            value = PrometheusText.parse(get(server.management().resolve("prometheus")).body())
                    .value(name, labels).orElse(null);
            if (value != null && expected.test(value)) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + labels + " is " + value + " after " + METRICS_WAIT);
    }

    static String strategyJson(String name) {
        return Api.strategyJson(name, 20, 100);
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
        HttpRequest.Builder request = request(path).method(method, body);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> admin(String path, String user, String password) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(request(path).header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.base().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
    }

    static JsonObject json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), "Content-Type " + type + ": " + response.body());
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(status, problem.getInt("status"));
        assertFalse(response.body().contains("Exception"), response.body());
        return problem;
    }
}
