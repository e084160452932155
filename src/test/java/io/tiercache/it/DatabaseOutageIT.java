package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.support.LocalPostgres;
import io.tiercache.it.support.PayaraMicroProcess;
import io.tiercache.it.support.TestEngine;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

/**
 * PostgreSQL going away under load and coming back, on a PostgreSQL of the test's own ({@link LocalPostgres}: made
 * by {@code initdb} in a temporary directory, on a free loopback port; the test is skipped when the binaries are
 * missing) behind one Payara Micro process set up by {@code server-config/payara/postgresql.asadmin}. While the
 * database is stopped ({@code pg_ctl stop -m immediate}): a strategy read before answers 200 from the cache; a
 * strategy never read, a list page never read, an update and a creation answer 503 problem+json with
 * {@code Retry-After}, each within {@link #BOUND}, also with several clients at once; readiness is DOWN. Once it
 * is started again: writes and misses succeed, readiness is UP, and everything written before is there.
 */
@ExtendWith(LocalPostgres.class)
class DatabaseOutageIT {

    /** The longest a request may take while the database is down (docs/configuration.md#database). */
    static final Duration BOUND = Duration.ofMillis(500);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalPostgres postgres;
    private static RedisServer redis;
    private static PayaraMicroProcess payara;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.initAndStart(TestEngine.freePort());
        int redisPort = TestEngine.freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        payara = PayaraMicroProcess.startOnPostgres(TestEngine.freePort(), postgres.jdbcUrl(), "postgres",
                TestEngine.engineSettings(redisPort, TestEngine.freePort()),
                Path.of("target", "database-outage-it", "payara.log"));
        payara.awaitReady(System.nanoTime() + Duration.ofMinutes(3).toNanos());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (payara != null) {
                payara.close();
            }
        } finally {
            try {
                if (redis != null) {
                    redis.stop();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    @Test
    void failsFastWith503WhileTheDatabaseIsDownAndRecoversWithNothingLost() throws Exception {
        // Before the outage: a strategy created and read (so cached), one created behind the application's back
        // (so never read), readiness UP.
        long cached = id(send("POST", "api/strategies", Api.strategyJson("Cached before the outage", 5, 20)), 201);
        assertEquals(200, send("GET", "api/strategies/" + cached, null).statusCode());
        HttpResponse<String> warm = send("GET", "api/strategies/" + cached, null);
        assertEquals(200, warm.statusCode(), warm.body());
        long neverRead = 5000;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO strategy (id, name, description, fast_window, slow_window, "
                    + "position_fraction, commission_bps, created_at, updated_at, version) VALUES (" + neverRead
                    + ", 'Never read', 'Inserted behind the application', 7, 30, 0.5, 2, now(), now(), 1)");
        }
        assertEquals(200, send("GET", "health/ready", null).statusCode());

        postgres.stopImmediately();
        System.out.println("PostgreSQL stopped");

        // One of each, timed.
        long cachedNanos = timed(() -> {
            HttpResponse<String> response = send("GET", "api/strategies/" + cached, null);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(Api.json(warm.body()), Api.json(response.body()));
        });
        long missNanos = timed(() -> assertUnavailable(send("GET", "api/strategies/" + neverRead, null)));
        long listNanos = timed(() -> assertUnavailable(send("GET", "api/strategies?name=never-listed", null)));
        long putNanos = timed(() -> assertUnavailable(send("PUT", "api/strategies/" + cached,
                Api.strategyJson("Updated during the outage", 6, 21))));
        long postNanos = timed(() -> assertUnavailable(send("POST", "api/strategies",
                Api.strategyJson("Created during the outage", 5, 20))));
        System.out.printf("During the outage: cached GET %.1f ms, miss GET %.1f ms, list miss %.1f ms, "
                + "PUT %.1f ms, POST %.1f ms (bound %d ms)%n", cachedNanos / 1e6, missNanos / 1e6,
                listNanos / 1e6, putNanos / 1e6, postNanos / 1e6, BOUND.toMillis());
        for (long nanos : new long[] {cachedNanos, missNanos, listNanos, putNanos, postNanos}) {
            assertTrue(nanos < BOUND.toNanos(), nanos / 1_000_000 + " ms");
        }

        // Under load: 4 clients for 3 s, each request a cached read, a miss or a write.
        List<Long> slowest = Collections.synchronizedList(new ArrayList<>());
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        long loadEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    long max = 0;
                    for (int i = 0; System.nanoTime() < loadEnd; i++) {
                        int kind = (client + i) % 3;
                        long began = System.nanoTime();
                        HttpResponse<String> response = switch (kind) {
                            case 0 -> send("GET", "api/strategies/" + cached, null);
                            case 1 -> send("GET", "api/strategies/" + (neverRead + 1 + i % 50), null);
                            default -> send("PUT", "api/strategies/" + cached,
                                    Api.strategyJson("Updated under load " + i, 6, 21));
                        };
                        max = Math.max(max, System.nanoTime() - began);
                        requests.incrementAndGet();
                        int expected = kind == 0 ? 200 : 503;
                        if (response.statusCode() != expected || (expected == 503
                                && response.headers().firstValue("Retry-After").isEmpty())) {
                            wrong.add(kind + ": " + response.statusCode() + " " + response.body());
                        }
                    }
                    slowest.add(max);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        long slowestUnderLoad = Collections.max(slowest);
        System.out.printf("Under load during the outage: %d requests, slowest %.1f ms%n", requests.get(),
                slowestUnderLoad / 1e6);
        assertTrue(wrong.isEmpty(), wrong.size() + " unexpected answers, first: " + (wrong.isEmpty() ? "" : wrong.get(0)));
        assertTrue(slowestUnderLoad < BOUND.toNanos(), slowestUnderLoad / 1_000_000 + " ms under load");

        HttpResponse<String> ready = send("GET", "health/ready", null);
        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", databaseCheck(ready.body()).getString("status"), ready.body());

        postgres.start();
        System.out.println("PostgreSQL started again");

        // Back to normal: the first successful write within 30 s, then everything.
        long back = System.nanoTime();
        long deadline = back + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> update;
        do {
            update = send("PUT", "api/strategies/" + cached, Api.strategyJson("Updated after the outage", 6, 21));
            if (update.statusCode() != 200) {
                assertEquals(503, update.statusCode(), update.body());
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } while (update.statusCode() != 200 && System.nanoTime() < deadline);
        assertEquals(200, update.statusCode(), update.body());
        System.out.printf("Writes succeed again %.1f s after PostgreSQL started%n", (System.nanoTime() - back) / 1e9);

        HttpResponse<String> read = send("GET", "api/strategies/" + neverRead, null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("Never read", Api.json(read.body()).asJsonObject().getString("name"));
        HttpResponse<String> updated = send("GET", "api/strategies/" + cached, null);
        assertEquals("Updated after the outage", Api.json(updated.body()).asJsonObject().getString("name"));
        long created = id(send("POST", "api/strategies", Api.strategyJson("Created after the outage", 5, 20)), 201);
        assertEquals(200, send("GET", "api/strategies/" + created, null).statusCode());
        HttpResponse<String> list = send("GET", "api/strategies?size=100", null);
        assertEquals(200, list.statusCode(), list.body());
        List<String> names = Api.json(list.body()).asJsonObject().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("name")).toList();
        assertTrue(names.containsAll(List.of("Updated after the outage", "Never read", "Created after the outage")),
                names.toString());
        assertTrue(names.stream().noneMatch(name -> name.contains("during the outage")
                || name.contains("under load")), names.toString());
        HttpResponse<String> readyAgain = send("GET", "health/ready", null);
        assertEquals(200, readyAgain.statusCode(), readyAgain.body());
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        Api.assertProblem(response.statusCode(),
                jakarta.ws.rs.core.MediaType.valueOf(response.headers().firstValue("Content-Type").orElse("none/none")),
                response.body(), 503, null);
        assertEquals("urn:tiercache:problem:database-unavailable",
                Api.json(response.body()).asJsonObject().getString("type"), response.body());
        String retryAfter = response.headers().firstValue("Retry-After").orElse("");
        assertTrue(retryAfter.matches("[1-9][0-9]*"), "Retry-After: " + retryAfter);
    }

    private static JsonObject databaseCheck(String health) {
        return Api.json(health).asJsonObject().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> "database".equals(check.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no database check in " + health));
    }

    private static long id(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Api.json(response.body()).asJsonObject().getJsonNumber("id").longValue();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long began = System.nanoTime();
        step.run();
        return System.nanoTime() - began;
    }

    private static HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(payara.base().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(postgres.jdbcUrl(), properties);
    }
}
