package io.tiercache.observability;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database (the platform's default data source {@value #DATA_SOURCE}, the one the persistence
 * unit uses): {@code UP} when a connection can be taken and validated within {@value #TIMEOUT_SECONDS} s,
 * {@code DOWN} otherwise. Without the database nothing can be served that is not already cached, so the service
 * is then not ready.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    static final String NAME = "database";
    static final String DATA_SOURCE = "java:comp/DefaultDataSource";
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    /**
     * Creates the check with the application, so that its data source is looked up where the application's
     * {@code java:comp} is bound: WildFly runs health checks on a management thread, where it is not.
     */
    void created(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // the injection above is the point
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                return response(false, Map.of("database", product,
                        "reason", "the connection did not validate within " + TIMEOUT_SECONDS + " s"));
            }
            return response(true, Map.of("database", product));
        } catch (SQLException | RuntimeException e) {
            return response(false, Map.of("reason", String.valueOf(e.getMessage())));
        }
    }

    private static HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
