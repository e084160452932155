package io.tiercache.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.PostgresSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The smoke suite on WildFly 39 configured by {@code tiercache.cli} and then {@code postgresql.cli}: the default
 * datasource is the PostgreSQL on 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust
 * authentication), schema {@value #SCHEMA}, recreated empty before the server starts (the application creates its
 * tables). Runs only when that PostgreSQL is reachable.
 */
@EnabledIf("io.tiercache.it.PostgresSchema#reachable")
class WildFlyPostgresIT extends WildFlySmoke {

    static final String SCHEMA = "tiercache_wildfly";

    @BeforeAll
    @Override
    void startServer() throws IOException, InterruptedException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        super.startServer();
    }

    @Override
    Map<String, List<String>> moreScripts() {
        try {
            Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return Map.of("postgresql.cli", List.of("-Dtiercache.postgresql.jar=" + driver));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TIERCACHE_DATASOURCE_URL", PostgresSchema.URL + "?currentSchema=" + SCHEMA);
        environment.put("TIERCACHE_DATASOURCE_USER", PostgresSchema.USER);
        environment.put("TIERCACHE_DATASOURCE_PASSWORD", "unused-with-trust-authentication");
        return environment;
    }

    @Test
    void rowsLandInPostgres() throws IOException, InterruptedException, SQLException {
        String name = "On PostgreSQL " + UUID.randomUUID();
        long id = json(send("POST", "api/strategies", strategyJson(name)), 201).getJsonNumber("id").longValue();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM strategy WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "no row " + name + " in " + SCHEMA + ".strategy");
                assertEquals(id, rows.getLong(1));
            }
        }
        String ready = get(server.management().resolve("health/ready")).body();
        assertTrue(ready.contains("\"database\":\"PostgreSQL\""), ready);
    }

    private static Connection connect() throws SQLException {
        return PostgresSchema.connect(SCHEMA);
    }
}
