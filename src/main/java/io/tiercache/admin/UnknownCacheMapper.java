package io.tiercache.admin;

import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** An unknown cache name: 404 problem of type {@code urn:tiercache:problem:unknown-cache}. */
@Provider
public final class UnknownCacheMapper implements ExceptionMapper<UnknownCacheException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(UnknownCacheException exception) {
        return Problem.of("unknown-cache", "Unknown cache", 404, exception.getMessage(),
                uriInfo == null ? null : uriInfo.getRequestUri().getRawPath(), List.of()).toResponse();
    }
}
