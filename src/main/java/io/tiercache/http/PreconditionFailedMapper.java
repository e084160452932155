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
        return problem(exception.getMessage(), Problem.instance(uriInfo)).toResponse();
    }

    /** The problem of a failed precondition. */
    static Problem problem(String detail, String instance) {
        return Problem.of("precondition-failed", "Precondition Failed", 412, detail, instance, List.of());
    }
}
