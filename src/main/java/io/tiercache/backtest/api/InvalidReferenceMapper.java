package io.tiercache.backtest.api;

import io.tiercache.backtest.domain.InvalidReferenceException;
import io.tiercache.problem.FieldError;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A request body that refers to an entity that does not exist: 400 on the referring field. */
@Provider
public final class InvalidReferenceMapper implements ExceptionMapper<InvalidReferenceException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidReferenceException exception) {
        return Problem.of("invalid-reference", "Invalid request", 400, exception.getMessage(),
                Problem.instance(uriInfo),
                List.of(new FieldError(exception.field(), exception.getMessage()))).toResponse();
    }
}
