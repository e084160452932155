package io.tiercache.http;

import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** 412 Precondition Failed as a problem document. */
@Provider
public final class PreconditionFailedMapper implements ExceptionMapper<PreconditionFailedException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(PreconditionFailedException exception) {
        return Problem.of("precondition-failed", "Precondition Failed", 412, exception.getMessage(),
                Problem.instance(uriInfo), List.of()).toResponse();
    }
}
