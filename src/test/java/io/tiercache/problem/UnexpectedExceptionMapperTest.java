package io.tiercache.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    @Test
    void answers500WithAnIncidentIdAndNothingOfTheException() {
        Problem problem = UnexpectedExceptionMapper.problem(
                new IllegalStateException("password=secret", new RuntimeException("inner")), "/api/strategies");
        String json = problem.toJson();
        assertEquals(500, problem.status());
        assertEquals("Internal Server Error", problem.title());
        assertTrue(problem.detail().matches("The server failed to handle the request \\(incident [0-9a-f-]{36}\\)"),
                problem.detail());
        assertFalse(json.contains("secret") || json.contains("inner") || json.contains("Exception")
                || json.contains(".java"), json);
    }

    @Test
    void answers503WithRetryAfterWhenTheDatabaseIsUnreachable() {
        Throwable refused = new PersistenceException("Exception [EclipseLink-4002]",
                new RuntimeException("wrapped", new SQLException("Connection to 127.0.0.1:5 refused", "08001")));
        Throwable poolTimeout = new RuntimeException(new SQLTransientConnectionException("pool wait expired"));
        Throwable allocation = new PersistenceException(new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated"));
        for (Throwable exception : new Throwable[] {refused, poolTimeout, allocation}) {
            assertTrue(DatabaseUnavailable.causedBy(exception), exception.toString());
            try (Response response = UnexpectedExceptionMapper.response(exception, "/api/strategies/7")) {
                assertEquals(503, response.getStatus());
                assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
                assertEquals(Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS),
                        response.getHeaderString("Retry-After"));
                assertTrue(response.getEntity().toString().contains("urn:tiercache:problem:database-unavailable"));
            }
        }
    }

    @Test
    void otherDatabaseFailuresStay500() {
        Throwable constraint = new PersistenceException(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseUnavailable.causedBy(constraint));
        try (Response response = UnexpectedExceptionMapper.response(constraint, "/api/strategies")) {
            assertEquals(500, response.getStatus());
            assertEquals(null, response.getHeaderString("Retry-After"));
        }
    }
}
