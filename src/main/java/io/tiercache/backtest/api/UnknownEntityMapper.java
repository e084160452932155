package io.tiercache.backtest.api;

import io.tiercache.backtest.domain.UnknownEntityException;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A strategy or backtest id that does not exist: 404. */
@Provider
public final class UnknownEntityMapper implements ExceptionMapper<UnknownEntityException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(UnknownEntityException exception) {
        return Problem.of("not-found", "Not Found", 404, exception.getMessage(),
                Problem.instance(uriInfo), List.of()).toResponse();
    }
}
