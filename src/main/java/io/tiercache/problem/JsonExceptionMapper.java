package io.tiercache.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body JSON-P could not parse: 400. */
@Provider
public final class JsonExceptionMapper implements ExceptionMapper<JsonException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonException exception) {
        return MalformedRequestBody.problem(exception, Problem.instance(uriInfo)).orElseThrow().toResponse();
    }
}
