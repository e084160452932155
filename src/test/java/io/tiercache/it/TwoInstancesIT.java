package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.support.PayaraMicroProcess;
import io.tiercache.it.support.TestEngine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import redis.embedded.RedisServer;

/**
 * Two Payara Micro instances of the packaged WAR on 127.0.0.1, started by this test as processes
 * ({@link PayaraMicroProcess}): their own HTTP and Hazelcast ports, one Hazelcast cluster, one (embedded) Redis and
 * one PostgreSQL schema ({@value #SCHEMA}; the test runs only when PostgreSQL is reachable), set up by
 * {@code server-config/payara/postgresql.asadmin}. Each of {@value #UPDATES} updates goes
 * through instance A while readers keep reading the strategy and its list page on both instances; after A's
 * response returns, the next read on B must show the update, and no read that starts after it may show an
 * older version. Prints the time from A's response to B serving the new version (p50, p99).
 */
@EnabledIf("io.tiercache.it.PostgresSchema#reachable")
class TwoInstancesIT {

    private static final String SCHEMA = "tiercache_two_instances";
    private static final int UPDATES = 120;
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RedisServer redis;
    private static final List<PayaraMicroProcess> INSTANCES = new ArrayList<>();
    private static URI a;
    private static URI b;

    @BeforeAll
    static void start() throws Exception {
        PostgresSchema.recreate(SCHEMA);
        int redisPort = TestEngine.freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        int hazelcastA = TestEngine.freePort();
        int hazelcastB = TestEngine.freePort();
        String cluster = "tiercache-two-" + UUID.randomUUID();
        String members = "127.0.0.1:" + hazelcastA + ",127.0.0.1:" + hazelcastB;
        String database = PostgresSchema.URL + "?currentSchema=" + SCHEMA;
        Path logs = Path.of("target", "two-instances");
        INSTANCES.add(PayaraMicroProcess.startOnPostgres(TestEngine.freePort(), database, PostgresSchema.USER,
                TestEngine.engineSettings(redisPort, cluster, hazelcastA, members), logs.resolve("a.log")));
        INSTANCES.add(PayaraMicroProcess.startOnPostgres(TestEngine.freePort(), database, PostgresSchema.USER,
                TestEngine.engineSettings(redisPort, cluster, hazelcastB, members), logs.resolve("b.log")));
        a = INSTANCES.get(0).base();
        b = INSTANCES.get(1).base();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        for (PayaraMicroProcess instance : INSTANCES) {
            instance.awaitReady(deadline);
        }
        awaitCluster(deadline);
    }

    @AfterAll
    static void stop() throws Exception {
        for (PayaraMicroProcess instance : INSTANCES) {
            instance.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void anUpdateThroughOneInstanceIsTheNextReadOnTheOther() throws Exception {
        String name = "two-instances-" + UUID.randomUUID();
        HttpResponse<String> created = send(HttpRequest.newBuilder(a.resolve("api/strategies"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.strategyJson(name, 5, 20))));
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created.body()).getJsonNumber("id").longValue();
        String detail = "api/strategies/" + id;
        // a cached list (lists filtered by name are not cached): the first page of 100, holding the new strategy
        String list = "api/strategies?size=100";
        String etag = created.headers().firstValue("ETag").orElseThrow();

        AtomicLong committed = new AtomicLong(-1);
        AtomicInteger staleReads = new AtomicInteger();
        AtomicInteger concurrentReads = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> reading = new ArrayList<>();
        for (URI instance : List.of(a, b)) {
            for (String path : List.of(detail, list)) {
                reading.add(readers.submit(() -> {
                    while (running.get()) {
                        long floor = committed.get();
                        long seen = version(get(instance.resolve(path)), path.equals(list) ? name : null);
                        concurrentReads.incrementAndGet();
                        if (seen < floor) {
                            staleReads.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
        }

        long[] propagationMicros = new long[UPDATES];
        int staleNextReads = 0;
        try {
            for (int i = 0; i < UPDATES; i++) {
                version(get(b.resolve(detail)), null);
                HttpResponse<String> updated = send(HttpRequest.newBuilder(a.resolve(detail))
                        .header("Content-Type", "application/json")
                        .header("If-Match", etag)
                        .PUT(HttpRequest.BodyPublishers.ofString(updateJson(name, i))));
                long answered = System.nanoTime();
                assertEquals(200, updated.statusCode(), updated.body());
                etag = updated.headers().firstValue("ETag").orElseThrow();
                committed.set(i);
                if (version(get(b.resolve(detail)), null) != i) {
                    staleNextReads++;
                    while (version(get(b.resolve(detail)), null) != i) {
                        Thread.onSpinWait();
                    }
                }
                propagationMicros[i] = (System.nanoTime() - answered) / 1_000;
                assertEquals(i, version(get(b.resolve(list)), name), "the list page on B");
            }
        } finally {
            running.set(false);
            for (Future<?> reader : reading) {
                reader.get(1, TimeUnit.MINUTES);
            }
            readers.shutdown();
        }

        Arrays.sort(propagationMicros);
        System.out.printf("Propagation A->B over %d updates: p50 %.2f ms, p99 %.2f ms, max %.2f ms; stale next "
                        + "reads on B: %d; stale reads among %d concurrent reads on A and B: %d%n", UPDATES,
                propagationMicros[UPDATES / 2] / 1e3, propagationMicros[(int) Math.ceil(UPDATES * 0.99) - 1] / 1e3,
                propagationMicros[UPDATES - 1] / 1e3, staleNextReads, concurrentReads.get(), staleReads.get());
        assertEquals(0, staleNextReads, "reads on B right after A's response that showed an older version");
        assertEquals(0, staleReads.get(), "reads started after a response that showed an older version");
        assertTrue(concurrentReads.get() > UPDATES, "the readers ran alongside the updates");
    }

    private static String updateJson(String name, int version) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "v" + version)
                .add("fastWindow", 5)
                .add("slowWindow", 20)
                .add("positionFraction", 0.5)
                .add("commissionBps", 5)
                .build().toString();
    }

    /** The update number in the strategy's description ({@code v<n>}), -1 before the first update. */
    /** The version in a strategy's description: of the strategy itself, or of strategy {@code name} in a page. */
    private static long version(String body, String name) {
        JsonObject strategy = name == null ? json(body) : json(body).getJsonArray("items").stream()
                .map(item -> item.asJsonObject()).filter(item -> item.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + body));
        String description = strategy.getString("description");
        return description.startsWith("v") ? Long.parseLong(description.substring(1)) : -1;
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).header("Accept", "application/json"));
        assertEquals(200, response.statusCode(), () -> uri + ": " + response.body());
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /**
     * Waits until the two instances form one cluster: until B's cached view of a strategy follows two updates
     * through A in a row (apart, B's near cache would keep serving what it cached).
     */
    private static void awaitCluster(long deadline) throws IOException, InterruptedException {
        String name = "cluster-probe-" + UUID.randomUUID();
        HttpResponse<String> created = send(HttpRequest.newBuilder(a.resolve("api/strategies"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.strategyJson(name, 5, 20))));
        assertEquals(201, created.statusCode(), created.body());
        String detail = "api/strategies/" + json(created.body()).getJsonNumber("id").longValue();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        int followed = 0;
        for (int i = 0; followed < 2; i++) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The two instances did not form one cluster; see target/two-instances");
            }
            get(b.resolve(detail));
            HttpResponse<String> updated = send(HttpRequest.newBuilder(a.resolve(detail))
                    .header("Content-Type", "application/json")
                    .header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString(updateJson(name, i))));
            assertEquals(200, updated.statusCode(), updated.body());
            etag = updated.headers().firstValue("ETag").orElseThrow();
            followed = version(get(b.resolve(detail)), null) == i ? followed + 1 : 0;
            if (followed == 0) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }
}
