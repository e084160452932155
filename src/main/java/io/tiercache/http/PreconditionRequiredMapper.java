package io.tiercache.http;

import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** 428 Precondition Required (RFC 6585) as a problem document. */
@Provider
public final class PreconditionRequiredMapper implements ExceptionMapper<PreconditionRequiredException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(PreconditionRequiredException exception) {
        return Problem.of("precondition-required", "Precondition Required", 428, exception.getMessage(),
                Problem.instance(uriInfo), List.of()).toResponse();
    }
}
