package io.tiercache.backtest.api;

import io.tiercache.backtest.simulation.InvalidSimulationException;
import io.tiercache.problem.FieldError;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Backtest input the simulation rejects (e.g. a date range outside the price data): 400 on that field. */
@Provider
public final class InvalidSimulationMapper implements ExceptionMapper<InvalidSimulationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidSimulationException exception) {
        return Problem.of("invalid-simulation", "Invalid backtest", 400, exception.getMessage(),
                Problem.instance(uriInfo),
                List.of(new FieldError(exception.field(), exception.getMessage()))).toResponse();
    }
}
