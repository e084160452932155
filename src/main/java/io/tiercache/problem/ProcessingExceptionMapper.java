package io.tiercache.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failure of the JAX-RS runtime's entity processing: 400 when it wraps a JSON parsing failure of the request
 * body, otherwise handled as an unexpected failure (500).
 */
@Provider
public final class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        String instance = Problem.instance(uriInfo);
        return MalformedRequestBody.problem(exception, instance)
                .map(Problem::toResponse)
                .orElseGet(() -> UnexpectedExceptionMapper.response(exception, instance));
    }
}
