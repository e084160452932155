package io.tiercache.backtest.api;

import io.tiercache.backtest.domain.ConcurrentUpdateException;
import io.tiercache.http.WritePreconditions;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A write that lost the race against another writer of the same entity: 412 when the request carried a
 * validator (its precondition no longer holds), otherwise 409.
 */
@Provider
public final class ConcurrentUpdateMapper implements ExceptionMapper<ConcurrentUpdateException> {

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConcurrentUpdateException exception) {
        if (WritePreconditions.of(headers).present()) {
            return Problem.of("precondition-failed", "Precondition Failed", 412, exception.getMessage(),
                    Problem.instance(uriInfo), List.of()).toResponse();
        }
        return Problem.of("concurrent-update", "Conflict", 409, exception.getMessage(),
                Problem.instance(uriInfo), List.of()).toResponse();
    }
}
