package io.tiercache.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Any exception no other mapper handles: logged with its stack trace under a random incident id, answered with
 * a 500 problem that carries only that id.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return problem(exception, Problem.instance(uriInfo)).toResponse();
    }

    static Problem problem(Throwable exception, String instance) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure of " + instance + ", incident " + incident, exception);
        return Problem.ofStatus(500, "The server failed to handle the request (incident " + incident + ")",
                instance);
    }
}
