package io.tiercache.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The database check against the PostgreSQL server on 127.0.0.1:5432, and against a port where none listens. */
class DatabaseHealthCheckTest {

    @Test
    void upWhenTheDatabaseAnswers() {
        HealthCheckResponse response = check(5432).call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), response.getData().toString());
        assertEquals("PostgreSQL", response.getData().orElseThrow().get("database"));
    }

    @Test
    void downWhenItDoesNot() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        HealthCheckResponse response = check(closed).call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(response.getData().orElseThrow().containsKey("reason"));
    }

    private static DatabaseHealthCheck check(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("test");
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        DatabaseHealthCheck check = new DatabaseHealthCheck();
        check.dataSource = dataSource;
        return check;
    }
}
