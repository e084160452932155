package io.tiercache.backtest.api;

import io.tiercache.backtest.RequestRefusedException;
import io.tiercache.backtest.domain.ConcurrentUpdateException;
import io.tiercache.http.WritePreconditions;
import io.tiercache.problem.FieldError;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Every request the domain or the simulation refuses, answered with the problem it carries. */
@Provider
public final class RequestRefusedMapper implements ExceptionMapper<RequestRefusedException> {

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(RequestRefusedException exception) {
        return problem(exception, WritePreconditions.of(headers).present(), Problem.instance(uriInfo)).toResponse();
    }

    /**
     * The problem of {@code exception}: its kind, title and status, its message as the detail, and its field (if
     * any) as the one entry of {@code errors}. A write that lost the race against another writer
     * ({@link ConcurrentUpdateException}) is 412 instead when the request carried a validator ({@code conditional}):
     * its precondition no longer holds.
     *
     * @param instance the request's path
     */
    static Problem problem(RequestRefusedException exception, boolean conditional, String instance) {
        if (exception instanceof ConcurrentUpdateException && conditional) {
            return Problem.of("precondition-failed", "Precondition Failed", 412, exception.getMessage(), instance,
                    List.of());
        }
        List<FieldError> errors = exception.field() == null ? List.of()
                : List.of(new FieldError(exception.field(), exception.fieldMessage()));
        return Problem.of(exception.kind(), exception.title(), exception.status(), exception.getMessage(), instance,
                errors);
    }
}
