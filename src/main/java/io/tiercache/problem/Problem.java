package io.tiercache.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An RFC 9457 problem detail: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance},
 * and the extension member {@code errors}, a list of {@link FieldError}s (empty when no field is to blame).
 */
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    /** The media type of a problem detail document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Type of the problems that have nothing to add to the HTTP status code (RFC 9457, section 4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";

    public Problem {
        errors = List.copyOf(errors);
    }

    /** A problem of type {@code urn:tiercache:problem:<kind>}. */
    public static Problem of(String kind, String title, int status, String detail, String instance,
            List<FieldError> errors) {
        return new Problem("urn:tiercache:problem:" + kind, title, status, detail, instance, errors);
    }

    /** An {@code about:blank} problem whose title is the status code's reason phrase. */
    public static Problem ofStatus(int status, String detail, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new Problem(ABOUT_BLANK, title, status, detail, instance, List.of());
    }

    /** The {@code instance} member for a request: its path. */
    public static String instance(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }

    /** The problem as a JSON document. */
    public String toJson() {
        JsonArrayBuilder fieldErrors = Json.createArrayBuilder();
        for (FieldError error : errors) {
            JsonObjectBuilder item = Json.createObjectBuilder();
            if (error.field() != null) {
                item.add("field", error.field());
            }
            fieldErrors.add(item.add("message", error.message()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        return json.add("errors", fieldErrors).build().toString();
    }

    /**
     * Writes this problem as the whole of a servlet {@code response} (outside JAX-RS): its status, {@code Date}, the
     * media type in UTF-8, {@code Content-Length} and the document. Other header fields are the caller's, set before.
     *
     * @throws IOException when the response cannot be written
     */
    public void writeTo(HttpServletResponse response) throws IOException {
        byte[] body = toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setDateHeader("Date", System.currentTimeMillis());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A response carrying this problem, with its status and media type. */
    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(toJson()).build();
    }
}
