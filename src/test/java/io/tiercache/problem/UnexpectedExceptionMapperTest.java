package io.tiercache.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
