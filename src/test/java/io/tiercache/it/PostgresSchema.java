package io.tiercache.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL on 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust authentication) for
 * {@link PostgresIT}: the test class runs only when it is reachable, and before the deployment the schema
 * {@value #SCHEMA} is recreated empty, then given the application's tables and one strategy, so every run
 * starts from the same state. The WildFly tests use its connection and reachability check too.
 */
public final class PostgresSchema implements ExecutionCondition, BeforeAllCallback {

    static final String SCHEMA = "tiercache_it";
    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";
    static final String PREEXISTING_STRATEGY = "Preexisting on PostgreSQL";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection connection = connect()) {
            return ConditionEvaluationResult.enabled("PostgreSQL "
                    + connection.getMetaData().getDatabaseProductVersion() + " at " + URL);
        } catch (SQLException e) {
            return ConditionEvaluationResult.disabled("No PostgreSQL at " + URL + ": " + e.getMessage());
        }
    }

    /** Whether PostgreSQL answers at {@value #URL} (for {@code @EnabledIf}). */
    public static boolean reachable() {
        try (Connection connection = connect()) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException, IOException {
        recreate(SCHEMA);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO strategy (id, name, description, fast_window, slow_window, "
                    + "position_fraction, commission_bps, created_at, updated_at, version) VALUES (1000, '"
                    + PREEXISTING_STRATEGY + "', 'Inserted before the application started', 5, 25, 0.5, 2, "
                    + "now(), now(), 1)");
        }
    }

    /** Recreates {@code schema} empty with the application's tables. */
    static void recreate(String schema) throws SQLException, IOException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            for (String sql : createSchemaScript().split(";\\s*\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** A JDBC connection to the test database, its search path on {@value #SCHEMA}. */
    static Connection connect() throws SQLException {
        return connect(SCHEMA);
    }

    /** A JDBC connection to the test database, its search path on {@code schema}. */
    public static Connection connect(String schema) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("currentSchema", schema);
        return DriverManager.getConnection(URL, properties);
    }

    private static String createSchemaScript() throws IOException {
        try (InputStream in = PostgresSchema.class.getResourceAsStream("/META-INF/sql/create-schema.sql")) {
            if (in == null) {
                throw new IOException("META-INF/sql/create-schema.sql is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
