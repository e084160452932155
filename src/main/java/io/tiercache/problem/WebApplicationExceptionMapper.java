package io.tiercache.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Errors the JAX-RS runtime raises itself (unknown route 404, 405 with its {@code Allow} header, 406, 415, a
 * missing or unreadable body 400, ...): a problem with the same status and headers. A 5xx is treated as an
 * unexpected failure. A 404 is never stored ({@code Cache-Control: no-store}): the path may be one of the admin API
 * spelled otherwise ({@code /api//cache/stats}), and every admin response is {@code no-store}.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String> DETAILS = Map.of(
            404, "There is no resource at this path",
            405, "This resource does not support this method",
            406, "This resource cannot produce a representation the request accepts",
            415, "This resource does not accept the request's Content-Type");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        String instance = Problem.instance(uriInfo);
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.response(exception, instance);
        }
        Problem problem = MalformedRequestBody.problem(exception, instance)
                .orElseGet(() -> Problem.ofStatus(status, DETAILS.get(status), instance));
        if (status == 400 && hasCause(exception, NoContentException.class)) {
            problem = MalformedRequestBody.missing(instance);
        }
        Response.ResponseBuilder response = Response.fromResponse(original)
                .entity(problem.toJson())
                .type(MediaType.valueOf(Problem.MEDIA_TYPE));
        response.header(HttpHeaders.CONTENT_LENGTH, null);
        if (status == Response.Status.NOT_FOUND.getStatusCode()) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response.build();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
