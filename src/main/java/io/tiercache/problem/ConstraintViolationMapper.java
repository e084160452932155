package io.tiercache.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures of a request: 400 with one {@link FieldError} per violation (a violation of a result
 * is an unexpected failure: 500).
 */
@Provider
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        if (exception.getConstraintViolations().stream().anyMatch(ConstraintViolationMapper::aboutResult)) {
            return UnexpectedExceptionMapper.response(exception, Problem.instance(uriInfo));
        }
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return Problem.of("validation", "Invalid request", 400, "The request has " + errors.size()
                + " invalid field(s)", Problem.instance(uriInfo), errors).toResponse();
    }

    /** A violation of a method's result is the server's fault, not the request's. */
    private static boolean aboutResult(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request field a violation is about: the property path below the method parameter (e.g.
     * {@code fastWindow} for {@code create.request.fastWindow}), or {@code body} when the whole request body is
     * at fault.
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            boolean requestField = kind == ElementKind.PROPERTY || kind == ElementKind.BEAN
                    || kind == ElementKind.CONTAINER_ELEMENT;
            if (requestField && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
