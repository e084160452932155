package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad request gets its 4xx as an RFC 9457 {@code application/problem+json} document naming the
 * field at fault, and never a stack trace.
 */
class ProblemDetailsIT extends DeployedApiTest {

    private static final String VALID_STRATEGY = Api.strategyJson("Valid", 5, 10);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.war();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/strategies/987654", "api/strategies/987654/backtests", "api/backtests/987654",
            "api/backtests/987654/equity"})
    void unknownIdIsNotFound(String path) {
        try (Response response = api.get(path)) {
            JsonObject problem = Api.assertProblem(response, 404, null);
            assertTrue(problem.getString("detail").contains("987654"), problem.toString());
            assertTrue(problem.getString("instance").endsWith("/" + path), problem.toString());
        }
    }

    @Test
    void updatingOrDeletingAnUnknownIdIsNotFound() {
        try (Response response = api.put("api/strategies/987654", VALID_STRATEGY)) {
            Api.assertProblem(response, 404, null);
        }
        try (Response response = api.delete("api/strategies/987654")) {
            Api.assertProblem(response, 404, null);
        }
        try (Response response = api.delete("api/backtests/987654")) {
            Api.assertProblem(response, 404, null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/no-such-resource", "api/strategies/not-a-number", "no-such-page"})
    void unknownRouteIsNotFound(String path) {
        try (Response response = api.get(path)) {
            Api.assertProblem(response, 404, null);
        }
    }

    @Test
    void wrongMethodIsNotAllowed() {
        try (Response response = api.delete("api/strategies")) {
            Api.assertProblem(response, 405, null);
            assertTrue(response.getHeaderString("Allow").contains("POST"), response.getHeaderString("Allow"));
        }
        try (Response response = api.put("api/backtests/1", "{}")) {
            Api.assertProblem(response, 405, null);
        }
        try (Response response = api.target("api/symbols").request().post(Entity.json("{}"))) {
            Api.assertProblem(response, 405, null);
        }
    }

    @Test
    void unsupportedMediaTypeIsRejected() {
        try (Response response = api.target("api/strategies").request()
                .post(Entity.entity("name=x", MediaType.APPLICATION_FORM_URLENCODED))) {
            Api.assertProblem(response, 415, null);
        }
        try (Response response = api.target("api/backtests").request().post(Entity.text("{}"))) {
            Api.assertProblem(response, 415, null);
        }
    }

    @Test
    void unacceptableMediaTypeIsRejected() {
        try (Response response = api.target("api/strategies").request(MediaType.APPLICATION_XML).get()) {
            Api.assertProblem(response, 406, null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/strategies", "api/backtests"})
    void malformedJsonIsABadRequest(String path) {
        for (String body : new String[] {"{\"name\": ", "not json", "[1, 2]", "{\"name\": \"x\",}"}) {
            try (Response response = api.post(path, body)) {
                Api.assertProblem(response, 400, "body");
            }
        }
    }

    @Test
    void missingBodyIsABadRequest() {
        try (Response response = api.target("api/strategies").request()
                .post(Entity.entity("", MediaType.APPLICATION_JSON))) {
            Api.assertProblem(response, 400, "body");
        }
        try (Response response = api.target("api/backtests").request()
                .post(Entity.entity("", MediaType.APPLICATION_JSON))) {
            Api.assertProblem(response, 400, "body");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"T\",\"fastWindow\":\"five\",\"slowWindow\":10,\"positionFraction\":0.5,\"commissionBps\":1}|fastWindow",
            "{\"name\":\"T\",\"fastWindow\":5,\"slowWindow\":10,\"positionFraction\":true,\"commissionBps\":1}|positionFraction"})
    void wrongJsonTypeNamesTheField(String body, String field) {
        try (Response response = api.post("api/strategies", body)) {
            Api.assertProblem(response, 400, field);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"fastWindow\":5,\"slowWindow\":10,\"positionFraction\":0.5,\"commissionBps\":1}|name",
            "{\"name\":\" \",\"fastWindow\":5,\"slowWindow\":10,\"positionFraction\":0.5,\"commissionBps\":1}|name",
            "{\"name\":\"T\",\"slowWindow\":10,\"positionFraction\":0.5,\"commissionBps\":1}|fastWindow",
            "{\"name\":\"T\",\"fastWindow\":0,\"slowWindow\":10,\"positionFraction\":0.5,\"commissionBps\":1}|fastWindow",
            "{\"name\":\"T\",\"fastWindow\":20,\"slowWindow\":10,\"positionFraction\":0.5,\"commissionBps\":1}|slowWindow",
            "{\"name\":\"T\",\"fastWindow\":5,\"slowWindow\":10,\"positionFraction\":1.5,\"commissionBps\":1}|positionFraction",
            "{\"name\":\"T\",\"fastWindow\":5,\"slowWindow\":10,\"positionFraction\":0,\"commissionBps\":1}|positionFraction",
            "{\"name\":\"T\",\"fastWindow\":5,\"slowWindow\":10,\"positionFraction\":0.5,\"commissionBps\":-1}|commissionBps"})
    void invalidStrategyNamesTheField(String body, String field) {
        try (Response response = api.post("api/strategies", body)) {
            Api.assertProblem(response, 400, field);
        }
        long id = api.createStrategy("Update target " + field + body.hashCode(), 5, 10)
                .getJsonNumber("id").longValue();
        try (Response response = api.put("api/strategies/" + id, body)) {
            Api.assertProblem(response, 400, field);
        }
    }

    @Test
    void everyInvalidFieldIsReported() {
        try (Response response = api.post("api/strategies", "{}")) {
            JsonObject problem = Api.assertProblem(response, 400, "name");
            assertEquals(5, problem.getJsonArray("errors").size(), problem.toString());
        }
    }

    @Test
    void duplicateNameIsAConflict() {
        api.createStrategy("Taken", 5, 10);
        try (Response response = api.post("api/strategies", Api.strategyJson("Taken", 6, 12))) {
            Api.assertProblem(response, 409, "name");
        }
        long other = api.createStrategy("Not taken", 5, 10).getJsonNumber("id").longValue();
        try (Response response = api.put("api/strategies/" + other, Api.strategyJson("Taken", 5, 10))) {
            Api.assertProblem(response, 409, "name");
        }
        try (Response response = api.get("api/strategies/" + other)) {
            assertEquals("Not taken", Api.json(response).asJsonObject().getString("name"));
        }
    }

    @ParameterizedTest
    @CsvSource({"page=-1,page", "page=x,page", "size=0,size", "size=101,size", "size=ten,size",
            "page=2147483647&size=100,page"})
    void outOfRangePagingIsABadRequest(String query, String field) {
        try (Response response = api.get("api/strategies?" + query)) {
            Api.assertProblem(response, 400, field);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALPHA|2014-01-02|2016-01-04|10000|from",
            "ALPHA|2016-01-04|2030-01-02|10000|to",
            "ALPHA|2016-01-04|2016-01-04|10000|to",
            "ALPHA|2016-03-01|2016-01-04|10000|to",
            "ALPHA|2016-01-04|2016-02-01|10000|from",
            "ZULU|2016-01-04|2018-01-04|10000|symbol",
            "alpha|2016-01-04|2018-01-04|10000|symbol",
            "ALPHA|2016-01-04|2018-01-04|0|initialCapital",
            "ALPHA|2016-01-04|2018-01-04|-5|initialCapital",
            "ALPHA|2016-01-04|2018-01-04|100.123|initialCapital"})
    void invalidBacktestNamesTheField(String symbol, String from, String to, String capital, String field) {
        long strategyId = strategyId();
        try (Response response = api.post("api/backtests", Api.backtestJson(strategyId, symbol, from, to, capital))) {
            Api.assertProblem(response, 400, field);
        }
    }

    @Test
    void backtestOfAnUnknownStrategyNamesTheStrategy() {
        try (Response response = api.post("api/backtests",
                Api.backtestJson(987654, "ALPHA", "2016-01-04", "2018-01-04", "1000"))) {
            Api.assertProblem(response, 400, "strategyId");
        }
    }

    @Test
    void backtestWithMissingOrMalformedDatesNamesTheField() {
        try (Response response = api.post("api/backtests",
                "{\"strategyId\":" + strategyId() + ",\"symbol\":\"ALPHA\",\"to\":\"2018-01-04\",\"initialCapital\":1}")) {
            Api.assertProblem(response, 400, "from");
        }
        try (Response response = api.post("api/backtests", "{\"strategyId\":" + strategyId()
                + ",\"symbol\":\"ALPHA\",\"from\":\"2016-13-45\",\"to\":\"2018-01-04\",\"initialCapital\":1}")) {
            Api.assertProblem(response, 400, "from");
        }
    }

    /**
     * A number its field's type cannot hold exactly, in any JSON number form, is a 400 naming the field, on create
     * and update; nothing is stored.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fastWindow|4294967306", "fastWindow|20.5", "fastWindow|1e400", "fastWindow|-1e1000000000",
            "fastWindow|1e-1000000000", "fastWindow|99999999999999999999999999999999", "slowWindow|2147483648",
            "slowWindow|-2147483649", "positionFraction|1e400", "positionFraction|-1E+999999999",
            "positionFraction|1e-400", "commissionBps|1e1000000000"})
    void aNumberItsFieldCannotHoldNamesTheField(String field, String number) {
        String name = "number-" + UUID.randomUUID();
        String body = strategyWith(name, field, number);
        Api.assertProblem(api.post("api/strategies", body), 400, field);
        long id = api.createStrategy("target-" + UUID.randomUUID(), 5, 10).getJsonNumber("id").longValue();
        Api.assertProblem(api.put("api/strategies/" + id, body), 400, field);
        assertStored(name, 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"strategyId|9223372036854775808", "strategyId|1.5", "strategyId|1e30",
            "strategyId|-1e1000000000", "initialCapital|1e1000000000", "initialCapital|1e-1000000000",
            "initialCapital|10000.001"})
    void aBacktestNumberItsFieldCannotHoldNamesTheField(String field, String number) {
        String body = Api.backtestJson(strategyId(), "ALPHA", "2016-01-04", "2018-01-04", "1000")
                .replaceFirst("\"" + field + "\":[^,}]+", "\"" + field + "\":" + number);
        assertTrue(body.contains(number), body);
        Api.assertProblem(api.post("api/backtests", body), 400, field);
    }

    /** Exact values are accepted whatever their form: {@code 1E1} and {@code 20.0} are the integers 10 and 20. */
    @Test
    void exactNumbersInAnyFormAreAccepted() {
        String name = "exact-" + UUID.randomUUID();
        String body = strategyWith(name, "fastWindow", "1E1").replace("\"slowWindow\":10", "\"slowWindow\":20.0");
        try (Response response = api.post("api/strategies", body)) {
            assertEquals(201, response.getStatus(), body);
            JsonObject created = Api.json(response).asJsonObject();
            assertEquals(10, created.getInt("fastWindow"));
            assertEquals(20, created.getInt("slowWindow"));
        }
    }

    /** RFC 8259 section 8.1: a body that is not valid UTF-8 is a 400, whatever the malformation; nothing stored. */
    @ParameterizedTest
    @ValueSource(strings = {"C328", "80", "C0AF", "EDA080", "F4908080", "FF", "E282", "F09F98"})
    void invalidUtf8IsABadRequest(String hex) {
        String name = "utf8-" + UUID.randomUUID();
        String json = Api.strategyJson(name + "@", 5, 10);
        int at = json.indexOf('@');
        byte[] prefix = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = json.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] body = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        try (Response response = api.target("api/strategies").request()
                .post(Entity.entity(body, MediaType.APPLICATION_JSON))) {
            Api.assertProblem(response, 400, "body");
        }
        assertStored(name, 0);
    }

    @Test
    void unknownAndDuplicatePropertiesAreNamed() {
        String name = "unknown-" + UUID.randomUUID();
        String misspelt = Api.strategyJson(name, 5, 10).replace("\"fastWindow\"", "\"fastwindow\"");
        JsonObject problem = Api.assertProblem(api.post("api/strategies", misspelt), 400, "fastwindow");
        assertTrue(problem.toString().contains("fastwindow"), problem.toString());
        String extra = Api.strategyJson(name, 5, 10).replace("{", "{\"colour\":{\"a\":[1,2]},\"descripton\":\"x\",");
        Api.assertProblem(api.post("api/strategies", extra), 400, "descripton");
        Api.assertProblem(api.post("api/strategies", extra), 400, "colour");
        String duplicate = Api.strategyJson(name, 5, 10).replace("{", "{\"name\":\"first\",");
        Api.assertProblem(api.post("api/strategies", duplicate), 400, "name");
        String backtest = Api.backtestJson(strategyId(), "ALPHA", "2016-01-04", "2018-01-04", "1000")
                .replace("{", "{\"strategyID\":1,");
        Api.assertProblem(api.post("api/backtests", backtest), 400, "strategyID");
        assertStored(name, 0);
        assertStored("first", 0);
    }

    /** Bodies of any nesting depth or size get a 4xx or a 2xx, never a 5xx, and the server keeps answering. */
    @Test
    void deepOrLargeBodiesNeverFailTheServer() {
        int depth = 200_000;
        List<String> bodies = List.of("[".repeat(depth) + "]".repeat(depth), "[".repeat(depth),
                "{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
                "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                "{\"name\":\"" + "x".repeat(5_000_000) + "\"}",
                "{\"description\":" + "1".repeat(5_000_000) + "}",
                "{\"name\":\"x\"" + ",\"n\":1".repeat(500_000) + "}");
        for (String body : bodies) {
            for (String path : List.of("api/strategies", "api/backtests")) {
                try (Response response = api.post(path, body)) {
                    int status = response.getStatus();
                    assertTrue(status >= 400 && status < 500, path + " answered " + status);
                    if (status != 413) {
                        Api.assertProblem(response, status, null);
                    }
                }
            }
        }
        assertEquals(200, api.get("api/strategies").getStatus());
    }

    private static String strategyWith(String name, String field, String number) {
        String body = Api.strategyJson(name, 5, 10)
                .replaceFirst("\"" + field + "\":[^,}]+", "\"" + field + "\":" + number);
        assertTrue(body.contains(number), body);
        return body;
    }

    private void assertStored(String name, int count) {
        try (Response response = api.target("api/strategies").queryParam("name", name).request().get()) {
            assertEquals(count, Api.json(response).asJsonObject().getInt("total"), name);
        }
    }

    private long strategyId() {
        try (Response response = api.get("api/strategies?size=1")) {
            return Api.json(response).asJsonObject().getJsonArray("items").getJsonObject(0)
                    .getJsonNumber("id").longValue();
        }
    }
}
