package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.support.TestEngine;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The REST API of a deployed WAR, seen from a JAX-RS client on 127.0.0.1, and the assertions the tests share. */
public final class Api implements AutoCloseable {

    private final Client client = ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .build();
    private final URI base;

    /** {@code deploymentUrl} is the URL Arquillian injects; its host is replaced with 127.0.0.1. */
    Api(URL deploymentUrl) {
        URI injected = URI.create(deploymentUrl.toString());
        String path = injected.getPath().endsWith("/") ? injected.getPath() : injected.getPath() + "/";
        base = URI.create("http://127.0.0.1:" + injected.getPort() + path);
    }

    /**
     * The packaged WAR ({@code target/tiercache.war}, system property {@code tiercache.war}) with the engine
     * settings of {@link TestEngine} (the test class must register it as an extension).
     */
    static WebArchive war() {
        return TestEngine.war();
    }

    /** A target at {@code pathAndQuery} below the deployment's root, e.g. {@code api/strategies?size=2}. */
    WebTarget target(String pathAndQuery) {
        return client.target(base.resolve(pathAndQuery));
    }

    /** The deployment's root URI, ending with a slash. */
    URI base() {
        return base;
    }

    Response get(String path) {
        return target(path).request(MediaType.APPLICATION_JSON).get();
    }

    Response get(URI absolute) {
        return client.target(absolute).request(MediaType.APPLICATION_JSON).get();
    }

    Response post(String path, String json) {
        return target(path).request(MediaType.APPLICATION_JSON).post(Entity.json(json));
    }

    Response put(String path, String json) {
        return target(path).request(MediaType.APPLICATION_JSON).put(Entity.json(json));
    }

    Response delete(String path) {
        return target(path).request().delete();
    }

    /** Creates a strategy and returns its JSON. */
    JsonObject createStrategy(String name, int fastWindow, int slowWindow) {
        try (Response response = post("api/strategies", strategyJson(name, fastWindow, slowWindow))) {
            assertEquals(201, response.getStatus(), () -> "create strategy: " + response.readEntity(String.class));
            return json(response).asJsonObject();
        }
    }

    /** Runs a backtest and returns its JSON. */
    JsonObject createBacktest(long strategyId, String symbol, String from, String to) {
        try (Response response = post("api/backtests", backtestJson(strategyId, symbol, from, to, "10000"))) {
            assertEquals(201, response.getStatus(), () -> "create backtest: " + response.readEntity(String.class));
            return json(response).asJsonObject();
        }
    }

    /** The body of a strategy's creation or update (as a client sends it). */
    public static String strategyJson(String name, int fastWindow, int slowWindow) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "Created by a test")
                .add("fastWindow", fastWindow)
                .add("slowWindow", slowWindow)
                .add("positionFraction", 0.5)
                .add("commissionBps", 5)
                .build().toString();
    }

    /** The body of a backtest run. */
    public static String backtestJson(long strategyId, String symbol, String from, String to,
            String initialCapital) {
        return Json.createObjectBuilder()
                .add("strategyId", strategyId)
                .add("symbol", symbol)
                .add("from", from)
                .add("to", to)
                .add("initialCapital", new java.math.BigDecimal(initialCapital))
                .build().toString();
    }

    static JsonStructure json(Response response) {
        return json(response.readEntity(String.class));
    }

    static JsonStructure json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    /**
     * Asserts that the response is an RFC 9457 problem with this status, naming {@code field} in its
     * {@code errors} (unless {@code null}), with no stack trace or exception class in the body; returns it.
     */
    static JsonObject assertProblem(Response response, int status, String field) {
        return assertProblem(response.getStatus(), response.getMediaType(), response.readEntity(String.class), status,
                field);
    }

    /** {@link #assertProblem(Response, int, String)} for a response already read. */
    static JsonObject assertProblem(int actualStatus, MediaType mediaType, String body, int status, String field) {
        assertEquals(status, actualStatus, body);
        assertTrue(mediaType != null && mediaType.isCompatible(MediaType.valueOf("application/problem+json")),
                () -> "Content-Type " + mediaType + " of " + body);
        assertFalse(body.contains("\tat ") || body.contains("Exception") || body.contains(".java:"),
                () -> "stack trace or exception in " + body);
        JsonObject problem;
        try (var reader = Json.createReader(new StringReader(body))) {
            problem = reader.readObject();
        }
        assertEquals(status, problem.getInt("status"), body);
        assertFalse(problem.getString("type").isBlank(), body);
        assertFalse(problem.getString("title").isBlank(), body);
        assertTrue(problem.getString("instance").startsWith("/"), body);
        JsonArray errors = problem.getJsonArray("errors");
        if (field != null) {
            String fields = errors.stream()
                    .map(e -> e.asJsonObject().getString("field", ""))
                    .collect(Collectors.joining(","));
            assertTrue(errors.stream().anyMatch(e -> field.equals(e.asJsonObject().getString("field", null))
                            && !e.asJsonObject().getString("message").isBlank()),
                    () -> "no error for field " + field + " (fields: " + fields + ") in " + body);
        }
        return problem;
    }

    @Override
    public void close() {
        client.close();
    }
}
