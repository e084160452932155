package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.http.HttpDates;
import io.tiercache.it.http.Counted;
import io.tiercache.it.http.CountingExtension;
import io.tiercache.it.http.CountingInterceptor;
import io.tiercache.it.http.CountingProbe;
import io.tiercache.it.http.JaxRsGetCounter;
import io.tiercache.it.http.UnmarkedViewResource;
import io.tiercache.it.support.HeaderFields;
import io.tiercache.it.support.TestEngine;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The views cached behind the API and HTTP conditional requests, on the packaged WAR in Payara Micro. A test-only
 * interceptor counts every real call of the domain services ({@code /counting-probe}), so a cache hit is a call
 * that did not happen. This deployment requires validators on writes ({@code tiercache.http.require-validators}).
 */
class HttpCachingIT extends DeployedApiTest {

    private static final int RACE_ROUNDS = 20;
    /** Requests sent as they are written (the JAX-RS client of {@code api} may add or merge fields). */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String EXTENSIONS =
            "WEB-INF/classes/META-INF/services/jakarta.enterprise.inject.spi.Extension";

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        WebArchive war = TestEngine.war("tiercache.http.require-validators=true");
        String extensions;
        try (InputStream in = war.get(EXTENSIONS).getAsset().openStream()) {
            extensions = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        war.delete(EXTENSIONS);
        return war.add(new StringAsset(extensions + "\n" + CountingExtension.class.getName() + "\n"), EXTENSIONS)
                .addClasses(Counted.class, Counted.Literal.class, CountingExtension.class, CountingInterceptor.class,
                        CountingProbe.class, JaxRsGetCounter.class, UnmarkedViewResource.class);
    }

    @Test
    void aMissLoadsOnceAndHitsDoNotLoad() {
        long backtestId = newBacktest();
        assertEquals(0, calls("BacktestService.get(" + backtestId + ")"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, status(api.get("api/backtests/" + backtestId + "/equity")));
        }
        assertEquals(1, calls("BacktestService.get(" + backtestId + ")"));

        api.createStrategy("hit-miss-" + UUID.randomUUID(), 5, 20);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, status(api.get("api/strategies?size=7")));
        }
        assertEquals(1, calls("StrategyService.list(null,0,7)"));
        assertEquals(200, status(api.get("api/strategies?size=6")));
        assertEquals(1, calls("StrategyService.list(null,0,6)"), "another page size is another key");
    }

    /**
     * A blank name filter is no filter, and no key of its own: {@code name=}, spaces or a tab all read the one cached
     * unfiltered page (before, each spelling was an entry of its own, so blank names could fill the list cache).
     */
    @Test
    void blankNameFiltersShareTheUnfilteredPage() {
        assertEquals(200, status(api.get("api/strategies?size=11")));
        assertEquals(1, calls("StrategyService.list(null,0,11)"));
        for (String blank : List.of("", "%20", "%20%20", "%09", "%20%20%20")) {
            assertEquals(200, status(api.get("api/strategies?size=11&name=" + blank)));
        }
        assertEquals(1, calls("StrategyService.list(null,0,11)"), "every blank spelling read the cached page");
        for (String blank : List.of("", " ", "  ", "\t", "   ")) {
            assertEquals(0, calls("StrategyService.list(" + blank + ",0,11)"), "no load for '" + blank + "'");
        }
    }

    /**
     * What a client can make the service cache is bounded: lists filtered by name and pages from
     * {@value io.tiercache.backtest.caching.ViewCache#CACHED_LIST_PAGES} on are read from the database every time.
     */
    @Test
    void filteredListsAndDeepPagesAreNotCached() {
        String name = "uncached-" + UUID.randomUUID();
        api.createStrategy(name, 5, 20);
        String filter = "api/strategies?size=5&name=" + name;
        for (int i = 0; i < 3; i++) {
            assertEquals(1, Api.json(api.get(filter)).asJsonObject().getInt("total"));
        }
        assertEquals(3, calls("StrategyService.list(" + name + ",0,5)"));
        for (int i = 0; i < 2; i++) {
            assertEquals(200, status(api.get("api/strategies?size=3&page=5")));
            assertEquals(200, status(api.get("api/strategies?size=3&page=4")));
        }
        assertEquals(2, calls("StrategyService.list(null,15,3)"));
        assertEquals(1, calls("StrategyService.list(null,12,3)"));
    }

    @Test
    void theSameKeyIsLoadedOnceForConcurrentRequests() throws Exception {
        long backtestId = newBacktest();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            Callable<String> read = () -> {
                start.await();
                try (Response response = api.get("api/backtests/" + backtestId + "/equity")) {
                    assertEquals(200, response.getStatus());
                    return response.readEntity(String.class);
                }
            };
            List<Future<String>> bodies = IntStream.range(0, requests).mapToObj(i -> pool.submit(read)).toList();
            start.countDown();
            Set<String> distinct = bodies.stream().map(HttpCachingIT::join).collect(Collectors.toSet());
            assertEquals(1, distinct.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, calls("BacktestService.get(" + backtestId + ")"));
        assertEquals(200, status(api.get("api/backtests/" + backtestId + "/equity")));
        assertEquals(1, calls("BacktestService.get(" + backtestId + ")"), "a later request hits too");
    }

    @Test
    void conditionalGetsAreAnsweredNotModified() {
        long id = api.createStrategy("conditional-" + UUID.randomUUID(), 5, 20).getJsonNumber("id").longValue();
        String path = "api/strategies/" + id;
        String etag;
        String lastModified;
        try (Response response = api.get(path)) {
            assertEquals(200, response.getStatus());
            etag = response.getHeaderString(HttpHeaders.ETAG);
            lastModified = response.getHeaderString(HttpHeaders.LAST_MODIFIED);
            assertTrue(etag.matches("\"s" + id + "\\.[0-9]+\\.[0-9a-f]+\""), etag);
            assertNotNull(lastModified);
            assertEquals("public, max-age=0, must-revalidate", response.getHeaderString(HttpHeaders.CACHE_CONTROL));
            assertEquals("Accept", response.getHeaderString(HttpHeaders.VARY));
        }
        assertNotModified(conditional(path, HttpHeaders.IF_NONE_MATCH, etag), etag);
        assertNotModified(conditional(path, HttpHeaders.IF_NONE_MATCH, "\"other\", W/" + etag), etag);
        assertNotModified(conditional(path, HttpHeaders.IF_NONE_MATCH, "*"), etag);
        assertNotModified(conditional(path, HttpHeaders.IF_MODIFIED_SINCE, lastModified), etag);
        try (Response stale = api.target(path).request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
                .header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).get()) {
            assertEquals(200, stale.getStatus(), "If-None-Match decides, not If-Modified-Since");
        }
        try (Response garbage = api.target(path).request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_NONE_MATCH, "garbage\"")
                .header(HttpHeaders.IF_MODIFIED_SINCE, "not a date").get()) {
            assertEquals(200, garbage.getStatus());
            assertEquals(id, Api.json(garbage).asJsonObject().getJsonNumber("id").longValue());
        }
        try (Response head = api.target(path).request(MediaType.APPLICATION_JSON).head()) {
            assertEquals(200, head.getStatus());
            assertEquals(etag, head.getHeaderString(HttpHeaders.ETAG));
        }

        String list = "api/strategies?size=3";
        String listTag;
        try (Response response = api.get(list)) {
            assertEquals(200, response.getStatus());
            listTag = response.getHeaderString(HttpHeaders.ETAG);
            assertNotNull(listTag, "a list is tagged by a hash of its bytes");
        }
        assertNotModified(conditional(list, HttpHeaders.IF_NONE_MATCH, listTag), listTag);
    }

    @Test
    void staleValidatorsOnWritesFailAndMissingOnesAreRequired() {
        long id = api.createStrategy("precondition-" + UUID.randomUUID(), 5, 20).getJsonNumber("id").longValue();
        String path = "api/strategies/" + id;
        String first = etag(path);

        Api.assertProblem(api.put(path, Api.strategyJson("no validator " + id, 5, 20)), 428, null);
        Api.assertProblem(api.delete(path), 428, null);

        String second;
        try (Response updated = write(path, HttpHeaders.IF_MATCH, first,
                Api.strategyJson("precondition-updated-" + id, 6, 20))) {
            assertEquals(200, updated.getStatus());
            second = updated.getHeaderString(HttpHeaders.ETAG);
            assertNotEquals(first, second);
        }
        Api.assertProblem(write(path, HttpHeaders.IF_MATCH, first, Api.strategyJson("lost update " + id, 7, 20)),
                412, null);
        Api.assertProblem(write(path, HttpHeaders.IF_MATCH, "W/" + second, Api.strategyJson("weak " + id, 7, 20)),
                412, null);
        Api.assertProblem(write(path, HttpHeaders.IF_MATCH, "garbage", Api.strategyJson("garbage " + id, 7, 20)),
                412, null);
        Api.assertProblem(write(path, HttpHeaders.IF_MATCH, first, null), 412, null);
        Api.assertProblem(write(path, HttpHeaders.IF_UNMODIFIED_SINCE, "Thu, 01 Jan 2015 00:00:00 GMT", null),
                412, null);
        assertEquals(second, etag(path), "nothing changed after the refused writes");

        long backtestId = newBacktest(id);
        String backtestPath = "api/backtests/" + backtestId;
        Api.assertProblem(write(backtestPath, HttpHeaders.IF_MATCH, "\"b" + backtestId + ".0\"", null), 412, null);
        try (Response deleted = write(backtestPath, HttpHeaders.IF_MATCH, etag(backtestPath), null)) {
            assertEquals(204, deleted.getStatus());
        }
        try (Response deleted = write(path, HttpHeaders.IF_MATCH, second, null)) {
            assertEquals(204, deleted.getStatus());
        }
    }

    /**
     * Two PUTs of one strategy with the same, current {@code If-Match}, released together, {@value #RACE_ROUNDS}
     * times. Both may pass the precondition before either commits; then the optimistic lock at the flush stops the
     * second. Either way exactly one wins (200) and the other gets 412 as a problem document (a validator was
     * sent, see {@code RequestRefusedMapper}). The row holds the winner's write (the next round's {@code If-Match}
     * is the winner's ETag, checked against the database) and the next GETs, the first a load and the second a hit,
     * show exactly the winner's response.
     */
    @Test
    void ofTwoWritersRacingWithTheSameETagExactlyOneWins() throws Exception {
        long id = api.createStrategy("race-" + UUID.randomUUID(), 5, 20).getJsonNumber("id").longValue();
        String path = "api/strategies/" + id;
        String etag = etag(path);
        Map<String, Integer> lostAt = new TreeMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < RACE_ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                String ifMatch = etag;
                List<Future<Write>> writes = new ArrayList<>();
                for (String writer : List.of("a", "b")) {
                    String json = Api.strategyJson("race-" + id + "-" + round + "-" + writer,
                            "a".equals(writer) ? 5 : 6, 20);
                    writes.add(writers.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try (Response response = write(path, HttpHeaders.IF_MATCH, ifMatch, json)) {
                            return new Write(json, response.getStatus(), response.getHeaderString(HttpHeaders.ETAG),
                                    response.getMediaType(), response.readEntity(String.class));
                        }
                    }));
                }
                List<Write> done = writes.stream().map(HttpCachingIT::join).toList();
                String outcome = "round " + round + ": " + done;
                List<Write> won = done.stream().filter(w -> w.status() == 200).toList();
                assertEquals(1, won.size(), outcome);
                Write loser = done.stream().filter(w -> w.status() != 200).findFirst().orElseThrow();
                JsonObject problem = Api.assertProblem(loser.status(), loser.mediaType(), loser.body(), 412, null);
                assertEquals("urn:tiercache:problem:precondition-failed", problem.getString("type"), outcome);
                lostAt.merge(problem.getString("detail").startsWith("The resource has changed: its ETag")
                        ? "the precondition" : "the flush", 1, Integer::sum);

                Write winner = won.get(0);
                JsonObject written = Api.json(winner.body()).asJsonObject();
                assertEquals(Api.json(winner.request()).asJsonObject().getString("name"), written.getString("name"));
                int loads = calls("StrategyService.get(" + id + ")");
                for (int read = 0; read < 2; read++) {
                    try (Response response = api.get(path)) {
                        assertEquals(200, response.getStatus());
                        assertEquals(winner.etag(), response.getHeaderString(HttpHeaders.ETAG), outcome);
                        assertEquals(written, Api.json(response), outcome);
                    }
                }
                assertEquals(loads + 1, calls("StrategyService.get(" + id + ")"), "one load, then a hit");
                etag = winner.etag();
            }
        } finally {
            writers.shutdownNow();
        }
        System.out.println("Racing writers: the loser was stopped by " + lostAt + " in " + RACE_ROUNDS + " rounds");
    }

    @Test
    void aClientReadsItsOwnWrites() {
        String name = "ryw-" + UUID.randomUUID();
        long id = api.createStrategy(name, 5, 20).getJsonNumber("id").longValue();
        String path = "api/strategies/" + id;
        long backtestId = newBacktest(id);
        JsonObject before = Api.json(api.get(path)).asJsonObject();
        assertEquals(name, before.getString("name"));
        assertEquals(1, Api.json(api.get("api/strategies?name=" + name)).asJsonObject().getInt("total"));
        assertEquals(1, Api.json(api.get(path + "/backtests")).asJsonArray().size());
        assertEquals(200, status(api.get("api/backtests/" + backtestId + "/equity")));

        String renamed = name + "-renamed";
        try (Response updated = write(path, HttpHeaders.IF_MATCH, etag(path), Api.strategyJson(renamed, 8, 21))) {
            assertEquals(200, updated.getStatus());
        }
        JsonObject after = Api.json(api.get(path)).asJsonObject();
        assertEquals(renamed, after.getString("name"));
        assertEquals(8, after.getInt("fastWindow"));
        assertEquals(before.getJsonNumber("version").longValue() + 1, after.getJsonNumber("version").longValue());
        assertEquals(renamed, Api.json(api.get("api/strategies?name=" + name)).asJsonObject()
                .getJsonArray("items").getJsonObject(0).getString("name"));

        long second = newBacktest(id);
        assertEquals(2, Api.json(api.get(path + "/backtests")).asJsonArray().size());
        try (Response deleted = write("api/backtests/" + second, HttpHeaders.IF_MATCH, "*", null)) {
            assertEquals(204, deleted.getStatus());
        }
        assertEquals(404, status(api.get("api/backtests/" + second)));
        assertEquals(1, Api.json(api.get(path + "/backtests")).asJsonArray().size());

        try (Response deleted = write(path, HttpHeaders.IF_MATCH, "*", null)) {
            assertEquals(204, deleted.getStatus());
        }
        Api.assertProblem(api.get(path), 404, null);
        Api.assertProblem(api.get(path + "/backtests"), 404, null);
        Api.assertProblem(api.get("api/backtests/" + backtestId), 404, null);
        Api.assertProblem(api.get("api/backtests/" + backtestId + "/equity"), 404, null);
        assertEquals(0, Api.json(api.get("api/strategies?name=" + name)).asJsonObject().getInt("total"));
    }

    /**
     * RFC 9110 13.2.2 step 3: on PUT and DELETE an {@code If-None-Match} that matches the current representation
     * ({@code *}, or a tag by weak comparison) fails with 412, of strategies and backtests; one that does not match
     * lets the write through.
     */
    @Test
    void aMatchingIfNoneMatchFailsAWrite() {
        long id = api.createStrategy("none-match-" + UUID.randomUUID(), 5, 20).getJsonNumber("id").longValue();
        String path = "api/strategies/" + id;
        String tag = etag(path);
        for (String noneMatch : List.of("*", tag, "W/" + tag, "\"other\", " + tag)) {
            Api.assertProblem(write(path, Map.of(HttpHeaders.IF_MATCH, tag, HttpHeaders.IF_NONE_MATCH, noneMatch),
                    Api.strategyJson("overwritten " + id, 6, 20)), 412, null);
            Api.assertProblem(write(path, Map.of(HttpHeaders.IF_MATCH, tag, HttpHeaders.IF_NONE_MATCH, noneMatch),
                    null), 412, null);
        }
        assertEquals(tag, etag(path), "nothing changed after the refused writes");
        long backtestId = newBacktest(id);
        String backtestPath = "api/backtests/" + backtestId;
        String backtestTag = etag(backtestPath);
        Api.assertProblem(write(backtestPath, Map.of(HttpHeaders.IF_MATCH, "*", HttpHeaders.IF_NONE_MATCH, "*"),
                null), 412, null);
        Api.assertProblem(write(backtestPath, Map.of(HttpHeaders.IF_MATCH, "*", HttpHeaders.IF_NONE_MATCH,
                backtestTag), null), 412, null);
        assertEquals(200, status(api.get(backtestPath)));

        String updated;
        try (Response response = write(path, Map.of(HttpHeaders.IF_MATCH, tag, HttpHeaders.IF_NONE_MATCH,
                "\"other\""), Api.strategyJson("none-match-updated-" + id, 6, 20))) {
            assertEquals(200, response.getStatus());
            updated = response.getHeaderString(HttpHeaders.ETAG);
        }
        try (Response response = write(path, Map.of(HttpHeaders.IF_MATCH, updated, HttpHeaders.IF_NONE_MATCH, tag),
                null)) {
            assertEquals(204, response.getStatus(), "the old tag no longer matches");
        }
    }

    /**
     * RFC 9110 13.1.1 and 13.1.4: a GET or HEAD evaluates {@code If-Match} (strong comparison) and, without it,
     * {@code If-Unmodified-Since}: 412 when they fail, before {@code If-None-Match} is looked at.
     */
    @Test
    void ifMatchAndIfUnmodifiedSinceAreEvaluatedOnReads() {
        long id = api.createStrategy("read-precondition-" + UUID.randomUUID(), 5, 20).getJsonNumber("id")
                .longValue();
        String path = "api/strategies/" + id;
        String tag = etag(path);
        for (String target : List.of(path, "api/strategies?size=3", "api/symbols")) {
            Api.assertProblem(conditional(target, HttpHeaders.IF_MATCH, "\"nope\""), 412, null);
            try (Response head = api.target(target).request().header(HttpHeaders.IF_MATCH, "\"nope\"").head()) {
                assertEquals(412, head.getStatus());
            }
            assertEquals(200, status(conditional(target, HttpHeaders.IF_MATCH, "*")));
        }
        Api.assertProblem(conditional(path, HttpHeaders.IF_MATCH, "W/" + tag), 412, null);
        Api.assertProblem(conditional(path, HttpHeaders.IF_UNMODIFIED_SINCE, "Thu, 01 Jan 2015 00:00:00 GMT"), 412,
                null);
        assertEquals(200, status(conditional(path, HttpHeaders.IF_MATCH, tag)));
        assertEquals(200, status(conditional(path, HttpHeaders.IF_UNMODIFIED_SINCE, "Fri, 01 Jan 2100 00:00:00 GMT")));
        assertEquals(200, status(conditional(path, HttpHeaders.IF_UNMODIFIED_SINCE, "not a date")));
        assertNotModified(api.target(path).request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, tag).header(HttpHeaders.IF_NONE_MATCH, tag).get(), tag);
        Api.assertProblem(api.target(path).request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"nope\"").header(HttpHeaders.IF_NONE_MATCH, tag).get(), 412, null);
        Api.assertProblem(conditional("api/strategies/" + Long.MAX_VALUE, HttpHeaders.IF_MATCH, "\"nope\""), 404,
                null);
    }

    /** RFC 9110 6.6.1: every 2xx, 3xx and 4xx response carries a valid {@code Date}, within seconds of now. */
    @Test
    void everyResponseCarriesADate() {
        long id = api.createStrategy("dated-" + UUID.randomUUID(), 5, 20).getJsonNumber("id").longValue();
        String path = "api/strategies/" + id;
        String tag = etag(path);
        Map<String, Response> responses = new TreeMap<>();
        responses.put("200", api.get(path));
        responses.put("200 text", api.target("api/ping").request().get());
        responses.put("201", api.post("api/strategies", Api.strategyJson("dated-2-" + UUID.randomUUID(), 5, 20)));
        responses.put("304", conditional(path, HttpHeaders.IF_NONE_MATCH, tag));
        responses.put("400", api.post("api/strategies", "{"));
        responses.put("401", api.target("api/cache/stats").request().get());
        responses.put("404 api", api.get("api/strategies/" + Long.MAX_VALUE));
        responses.put("404 outside", api.get("nothing-here"));
        responses.put("405", api.target(path).request().post(Entity.json("{}")));
        responses.put("406", api.target(path).request("image/png").get());
        responses.put("412", conditional(path, HttpHeaders.IF_MATCH, "\"nope\""));
        responses.put("415", api.target("api/strategies").request().post(Entity.text("x")));
        responses.put("428", api.delete(path));
        try (Response deleted = write(path, Map.of(HttpHeaders.IF_MATCH, tag), null)) {
            responses.put("204", deleted);
            for (Map.Entry<String, Response> entry : responses.entrySet()) {
                try (Response response = entry.getValue()) {
                    assertTrue(entry.getKey().startsWith(Integer.toString(response.getStatus())),
                            entry.getKey() + " answered " + response.getStatus());
                    String date = response.getHeaderString(HttpHeaders.DATE);
                    assertNotNull(date, entry.getKey() + " has no Date");
                    assertEquals(1, response.getStringHeaders().get(HttpHeaders.DATE).size(), entry.getKey());
                    java.time.Instant sent = HttpDates.parse(date).orElseThrow(() -> new AssertionError(date));
                    assertTrue(Math.abs(java.time.Duration.between(sent, java.time.Instant.now()).toSeconds()) < 60,
                            entry.getKey() + ": " + date);
                }
            }
        }
    }

    /** A PUT as sent and as answered. */
    private record Write(String request, int status, String etag, MediaType mediaType, String body) {
    }

    private void assertNotModified(Response response, String etag) {
        try (response) {
            assertEquals(304, response.getStatus());
            assertEquals(etag, response.getHeaderString(HttpHeaders.ETAG));
            assertEquals("Accept", response.getHeaderString(HttpHeaders.VARY));
            assertNotNull(response.getHeaderString(HttpHeaders.CACHE_CONTROL));
            assertFalse(response.hasEntity() && !response.readEntity(String.class).isEmpty(), "304 has no body");
        }
    }

    private Response conditional(String path, String header, String value) {
        return api.target(path).request(MediaType.APPLICATION_JSON).header(header, value).get();
    }

    /**
     * A repeated GET of a cached view is answered before the JAX-RS runtime ({@code StoredResponseFilter}), with the
     * response the runtime gave: the same status, body and header fields but {@code Date}; so is a 304, compared with
     * the runtime's 304 for another {@code Accept} spelling (a target of its own).
     */
    @Test
    void aRepeatedGetIsAnsweredBeforeJaxRsAsJaxRsAnswered() throws Exception {
        long backtestId = newBacktest();
        api.createStrategy("stored-" + UUID.randomUUID(), 5, 20);
        for (String path : List.of("backtests/" + backtestId, "backtests/" + backtestId + "/equity",
                "strategies?size=9")) {
            HttpResponse<byte[]> first = raw(path, Map.of());
            HttpResponse<byte[]> second = raw(path, Map.of());
            assertEquals(200, first.statusCode(), path);
            assertEquals(1, calls("GET " + path), path + ": only the first GET reached JAX-RS");
            assertEquals(HeaderFields.butDate(first), HeaderFields.butDate(second), path);
            assertEquals(new String(first.body(), StandardCharsets.UTF_8),
                    new String(second.body(), StandardCharsets.UTF_8), path);

            String tag = first.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
            HttpResponse<byte[]> byJaxRs = raw(path, Map.of(HttpHeaders.IF_NONE_MATCH, tag,
                    HttpHeaders.ACCEPT, "application/json;q=0.9"));
            HttpResponse<byte[]> stored = raw(path, Map.of(HttpHeaders.IF_NONE_MATCH, "\"other\", " + tag));
            assertEquals(2, calls("GET " + path), path + ": the 304 of a known target did not reach JAX-RS");
            assertEquals(304, byJaxRs.statusCode(), path);
            assertEquals(304, stored.statusCode(), path);
            assertEquals(HeaderFields.butDate(byJaxRs), HeaderFields.butDate(stored), path);
            assertEquals(0, stored.body().length, path);
        }
    }

    /**
     * What is answered before JAX-RS follows every write: after an update the next GET reaches JAX-RS once (the entry
     * was invalidated) and serves the new representation; then the stored answer serves it too.
     */
    @Test
    void aStoredAnswerFollowsEveryWrite() throws Exception {
        long id = api.createStrategy("follows-" + UUID.randomUUID(), 5, 20).getJsonNumber("id").longValue();
        String path = "strategies/" + id;
        String before = raw(path, Map.of()).headers().firstValue(HttpHeaders.ETAG).orElseThrow();
        raw(path, Map.of());
        assertEquals(1, calls("GET " + path));
        for (int round = 1; round <= 3; round++) {
            String name = "follows-" + round + "-" + UUID.randomUUID();
            String current = raw(path, Map.of()).headers().firstValue(HttpHeaders.ETAG).orElseThrow();
            try (Response updated = write("api/" + path, HttpHeaders.IF_MATCH, current,
                    Api.strategyJson(name, 5, 20 + round))) {
                assertEquals(200, updated.getStatus());
            }
            HttpResponse<byte[]> after = raw(path, Map.of());
            assertTrue(new String(after.body(), StandardCharsets.UTF_8).contains(name), "round " + round);
            assertNotEquals(current, after.headers().firstValue(HttpHeaders.ETAG).orElseThrow());
            assertEquals(200, raw(path, Map.of(HttpHeaders.IF_NONE_MATCH, current)).statusCode(),
                    "the old tag no longer matches");
            String now = after.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
            assertEquals(304, raw(path, Map.of(HttpHeaders.IF_NONE_MATCH, now)).statusCode(), "the new tag matches");
            assertEquals(1 + round, calls("GET " + path), "one JAX-RS GET per write, round " + round);
        }
        assertNotEquals(before, raw(path, Map.of()).headers().firstValue(HttpHeaders.ETAG).orElseThrow());
    }

    /**
     * Requests whose answer is not the stored one's to give reach JAX-RS every time: {@code If-Match} and
     * {@code If-Unmodified-Since} (a 412 is a problem document), credentials, a target too long to be learned, a
     * {@code Content-Type} (415), a method that is not a {@code ReusableResponse}, HEAD, a list filtered by name (not
     * cached), and a path the runtime answers 404.
     */
    @Test
    void requestsTheStoredAnswerDoesNotCoverReachJaxRs() throws Exception {
        long backtestId = newBacktest();
        String path = "backtests/" + backtestId;
        raw(path, Map.of());
        raw(path, Map.of());
        assertEquals(1, calls("GET " + path));
        HttpResponse<byte[]> ifMatch = raw(path, Map.of(HttpHeaders.IF_MATCH, "\"nope\""));
        assertEquals(412, ifMatch.statusCode());
        assertEquals("application/problem+json", ifMatch.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(""));
        assertEquals(412, raw(path, Map.of(HttpHeaders.IF_UNMODIFIED_SINCE, "Sun, 06 Nov 1994 08:49:37 GMT"))
                .statusCode());
        assertEquals(200, raw(path, Map.of(HttpHeaders.AUTHORIZATION, "Basic Zm9vOmJhcg==")).statusCode());
        String longAccept = "application/json" + ", text/x-filler;q=0.1".repeat(60);
        for (int i = 0; i < 2; i++) {
            assertEquals(200, raw(path, Map.of(HttpHeaders.ACCEPT, longAccept)).statusCode());
        }
        assertEquals(6, calls("GET " + path), "a target over 1,024 characters is never learned");
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(
                api.base().resolve("api/" + path)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header(HttpHeaders.ACCEPT, "application/json").build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(1, calls("HEAD " + path));

        assertEquals(415, raw(path, Map.of(HttpHeaders.CONTENT_TYPE, "text/plain")).statusCode(),
                "the resource consumes JSON only");
        assertEquals(7, calls("GET " + path), "a GET with a Content-Type reaches JAX-RS");

        String unmarked = "unmarked/" + api.createStrategy("unmarked-" + UUID.randomUUID(), 5, 20)
                .getJsonNumber("id").longValue();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, raw(unmarked, Map.of()).statusCode());
        }
        assertEquals(3, calls("GET " + unmarked), "a method that is not a ReusableResponse is invoked every time");

        String filtered = "strategies?name=stored-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, raw(filtered, Map.of()).statusCode());
        }
        assertEquals(3, calls("GET " + filtered), "a list filtered by name is not cached, so never stored");
        for (int i = 0; i < 2; i++) {
            assertEquals(404, raw("backtests/999999999", Map.of()).statusCode());
        }
        assertEquals(2, calls("GET backtests/999999999"));
    }

    /**
     * {@code Accept} sent on two lines is one field (RFC 9110 section 5.3): learned as a whole, it never answers a
     * request that sends only one of its lines, which JAX-RS answers 406 when that line accepts no JSON.
     */
    @Test
    void anAcceptOnTwoLinesIsOneField() throws Exception {
        long backtestId = newBacktest();
        URI uri = api.base().resolve("api/backtests/" + backtestId);
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> both = HTTP.send(HttpRequest.newBuilder(uri)
                    .header(HttpHeaders.ACCEPT, "text/html").header(HttpHeaders.ACCEPT, "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, both.statusCode());
        }
        HttpResponse<byte[]> html = HTTP.send(HttpRequest.newBuilder(uri)
                .header(HttpHeaders.ACCEPT, "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(406, html.statusCode());
        assertEquals(2, calls("GET backtests/" + backtestId), "the two-line requests: one to learn, one stored;"
                + " then the 406");
    }

    /** A GET of {@code api/<path>} with {@code Accept: application/json} and {@code headers}, as sent and received. */
    private HttpResponse<byte[]> raw(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve("api/" + path))
                .header(HttpHeaders.ACCEPT, "application/json");
        headers.forEach(request::setHeader);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }


    /** A PUT of {@code json}, or a DELETE when it is null, with these precondition headers. */
    private Response write(String path, Map<String, String> preconditions, String json) {
        var request = api.target(path).request(MediaType.APPLICATION_JSON);
        preconditions.forEach(request::header);
        return json == null ? request.delete() : request.put(Entity.json(json));
    }

    /** A PUT of {@code json}, or a DELETE when it is null, with one precondition header. */
    private Response write(String path, String header, String value, String json) {
        var request = api.target(path).request(MediaType.APPLICATION_JSON).header(header, value);
        return json == null ? request.delete() : request.put(Entity.json(json));
    }

    private String etag(String path) {
        try (Response response = api.get(path)) {
            assertEquals(200, response.getStatus());
            return response.getHeaderString(HttpHeaders.ETAG);
        }
    }

    private long newBacktest() {
        return newBacktest(api.createStrategy("bt-" + UUID.randomUUID(), 5, 20).getJsonNumber("id").longValue());
    }

    private long newBacktest(long strategyId) {
        return api.createBacktest(strategyId, "ALPHA", "2020-01-02", "2021-12-31").getJsonNumber("id").longValue();
    }

    private int calls(String call) {
        try (Response response = api.target("counting-probe").queryParam("call", call).request().get()) {
            assertEquals(200, response.getStatus());
            return Integer.parseInt(response.readEntity(String.class).strip());
        }
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
