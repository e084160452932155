package io.tiercache.backtest.api;

import io.tiercache.backtest.simulation.UnknownSymbolException;
import io.tiercache.problem.FieldError;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A backtest of a symbol with no price data: 400 on the {@code symbol} field. */
@Provider
public final class UnknownSymbolMapper implements ExceptionMapper<UnknownSymbolException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(UnknownSymbolException exception) {
        return Problem.of("unknown-symbol", "Invalid backtest", 400, exception.getMessage(),
                Problem.instance(uriInfo),
                List.of(new FieldError("symbol", "has no price data; see /api/symbols"))).toResponse();
    }
}
