package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.support.PayaraMicroProcess;
import io.tiercache.it.support.TestEngine;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

/**
 * The WAR on PostgreSQL, switched by the server's configuration alone: a Payara Micro process
 * ({@link PayaraMicroProcess}) with {@code server-config/payara/postgresql.asadmin} and the test database in its
 * environment, against a schema that already holds a strategy. Runs only when PostgreSQL is reachable on
 * 127.0.0.1:5432 ({@link PostgresSchema}).
 */
@ExtendWith(PostgresSchema.class)
class PostgresIT {

    private static RedisServer redis;
    private static PayaraMicroProcess payara;

    private Api api;

    @BeforeAll
    static void start() throws Exception {
        int redisPort = TestEngine.freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        int hazelcastPort = TestEngine.freePort();
        payara = PayaraMicroProcess.startOnPostgres(TestEngine.freePort(),
                PostgresSchema.URL + "?currentSchema=" + PostgresSchema.SCHEMA, PostgresSchema.USER,
                TestEngine.engineSettings(redisPort, hazelcastPort),
                Path.of("target", "postgres-it", "payara.log"));
        payara.awaitReady(System.nanoTime() + Duration.ofMinutes(3).toNanos());
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        api = new Api(payara.base().toURL());
    }

    @AfterEach
    void disconnect() {
        api.close();
    }

    @Test
    void answersFromPostgres() {
        try (Response response = api.get("health/ready")) {
            JsonObject database = Api.json(response).asJsonObject().getJsonArray("checks").stream()
                    .map(check -> check.asJsonObject())
                    .filter(check -> "database".equals(check.getString("name")))
                    .findFirst().orElseThrow();
            assertEquals("PostgreSQL", database.getJsonObject("data").getString("database"), database.toString());
        }
    }

    @Test
    void keepsExistingDataAndSkipsTheDemoData() {
        try (Response response = api.get("api/strategies?size=100")) {
            JsonObject page = Api.json(response).asJsonObject();
            List<String> names = page.getJsonArray("items").stream()
                    .map(item -> item.asJsonObject().getString("name"))
                    .toList();
            assertTrue(names.contains(PostgresSchema.PREEXISTING_STRATEGY), names.toString());
            assertTrue(names.stream().noneMatch("Golden Cross"::equals), names.toString());
        }
        try (Response response = api.get("api/strategies/1000")) {
            assertEquals(200, response.getStatus());
            assertEquals(25, Api.json(response).asJsonObject().getInt("slowWindow"));
        }
    }

    @Test
    void storesStrategiesBacktestsAndEquityCurvesInPostgres() throws SQLException {
        long strategyId = api.createStrategy("On PostgreSQL", 10, 30).getJsonNumber("id").longValue();
        long backtestId = api.createBacktest(strategyId, "BRAVO", "2017-01-03", "2019-12-31")
                .getJsonNumber("id").longValue();
        int points;
        try (Response response = api.get("api/backtests/" + backtestId + "/equity")) {
            assertEquals(200, response.getStatus());
            points = Api.json(response).asJsonObject().getJsonArray("points").size();
        }
        assertTrue(points > 700, "points: " + points);
        try (Connection connection = PostgresSchema.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT s.name, b.status, octet_length(b.equity_curve) FROM backtest b "
                                + "JOIN strategy s ON s.id = b.strategy_id WHERE b.id = ?")) {
            query.setLong(1, backtestId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "backtest row in PostgreSQL");
                assertEquals("On PostgreSQL", row.getString(1));
                assertEquals("COMPLETED", row.getString(2));
                assertEquals(4 + 12 * points, row.getInt(3));
            }
        }

        try (Response response = api.delete("api/strategies/" + strategyId)) {
            assertEquals(204, response.getStatus());
        }
        try (Connection connection = PostgresSchema.connect();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM backtest WHERE id = ?")) {
            query.setLong(1, backtestId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1), "backtest deleted with its strategy");
            }
        }
    }

    @Test
    void duplicateNameIsAConflict() {
        try (Response response = api.post("api/strategies",
                Api.strategyJson(PostgresSchema.PREEXISTING_STRATEGY, 5, 10))) {
            Api.assertProblem(response, 409, "name");
        }
    }

    @Test
    void nameFilterTreatsWildcardsLiterally() {
        api.createStrategy("Half in 50%_mode", 5, 10);
        api.createStrategy("Half in 50 percent mode", 5, 10);
        try (Response response = api.get("api/strategies?name=50%25_")) {
            JsonObject page = Api.json(response).asJsonObject();
            assertEquals(1, page.getInt("total"), page.toString());
            assertEquals("Half in 50%_mode", page.getJsonArray("items").getJsonObject(0).getString("name"));
        }
    }
}
