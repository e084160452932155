package io.tiercache.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A request parameter out of range or not parseable: 400 naming the parameter. */
@Provider
public final class InvalidParameterMapper implements ExceptionMapper<InvalidParameterException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidParameterException exception) {
        return Problem.of("invalid-parameter", "Invalid request parameter", 400,
                        exception.field() + " " + exception.getMessage(), Problem.instance(uriInfo),
                        List.of(new FieldError(exception.field(), exception.getMessage())))
                .toResponse();
    }
}
