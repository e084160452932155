package io.tiercache.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON the resource expects: 400 naming every field at fault. */
@Provider
public final class InvalidBodyMapper implements ExceptionMapper<InvalidBodyException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidBodyException exception) {
        return Problem.of("malformed-body", "Malformed request body", 400,
                "The request body could not be read: " + exception.getMessage(), Problem.instance(uriInfo),
                exception.errors()).toResponse();
    }
}
