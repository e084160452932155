package io.tiercache.backtest.api;

import io.tiercache.backtest.domain.DuplicateStrategyNameException;
import io.tiercache.problem.FieldError;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A strategy name that is already taken: 409 on the {@code name} field. */
@Provider
public final class DuplicateStrategyNameMapper implements ExceptionMapper<DuplicateStrategyNameException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(DuplicateStrategyNameException exception) {
        return Problem.of("duplicate-name", "Conflict", 409, exception.getMessage(),
                Problem.instance(uriInfo),
                List.of(new FieldError("name", "is already used by another strategy"))).toResponse();
    }
}
