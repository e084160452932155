package io.tiercache.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void rendersEveryMemberAndTheFieldErrors() {
        Problem problem = Problem.of("validation", "Invalid request", 400, "Two \"fields\"", "/api/strategies",
                List.of(new FieldError("name", "must not be blank"), new FieldError("fastWindow", "must be > 0")));
        JsonObject json = parse(problem.toJson());
        assertEquals("urn:tiercache:problem:validation", json.getString("type"));
        assertEquals("Invalid request", json.getString("title"));
        assertEquals(400, json.getInt("status"));
        assertEquals("Two \"fields\"", json.getString("detail"));
        assertEquals("/api/strategies", json.getString("instance"));
        assertEquals(2, json.getJsonArray("errors").size());
        assertEquals("name", json.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("must not be blank", json.getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    @Test
    void aStatusProblemIsAboutBlankWithTheReasonPhrase() {
        JsonObject json = parse(Problem.ofStatus(405, null, "/api/symbols").toJson());
        assertEquals("about:blank", json.getString("type"));
        assertEquals("Method Not Allowed", json.getString("title"));
        assertFalse(json.containsKey("detail"));
        assertEquals(0, json.getJsonArray("errors").size());
        assertEquals("HTTP 499", Problem.ofStatus(499, null, null).title());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
