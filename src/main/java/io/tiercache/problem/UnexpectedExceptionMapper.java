package io.tiercache.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;

/**
 * Any exception no other mapper handles: logged with its stack trace under a random incident id, answered with
 * a 500 problem that carries only that id. The exception is the database being unreachable
 * ({@link DatabaseUnavailable}): then a 503 problem of type {@code urn:tiercache:problem:database-unavailable}
 * with {@code Retry-After}, logged in one line without the stack trace.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return response(exception, Problem.instance(uriInfo));
    }

    /** The response for {@code exception}: 503 with {@code Retry-After} when the database is unavailable, else 500. */
    static Response response(Throwable exception, String instance) {
        Problem problem = problem(exception, instance);
        Response response = problem.toResponse();
        if (problem.status() == 503) {
            return Response.fromResponse(response)
                    .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
        }
        return response;
    }

    static Problem problem(Throwable exception, String instance) {
        if (DatabaseUnavailable.causedBy(exception)) {
            LOG.log(Level.WARNING, "Database unavailable for " + instance + ": " + exception);
            return Problem.of("database-unavailable", "Service Unavailable", 503,
                    "The database is unavailable; try again later", instance, List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Unexpected failure of " + instance + ", incident " + incident, exception);
        return Problem.ofStatus(500, "The server failed to handle the request (incident " + incident + ")",
                instance);
    }
}
