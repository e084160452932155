package io.tiercache.http;

import io.tiercache.problem.Problem;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.time.Instant;

/**
 * Validators and {@code Cache-Control} on the successful responses of one GET resource method (HEAD included), and
 * their preconditions: 304 or 412 as {@link Preconditions} decides. {@link CacheControlFeature} binds one to each GET
 * method, with that method's policy.
 *
 * <p>A method (or class) with {@link CacheDirectives} is cacheable: its 200 responses whose entity is {@link Validated}
 * (a {@link Representation}, typically from a cache) get its strong {@code ETag}, its {@code Last-Modified} when known,
 * the {@code Cache-Control} of the policy and {@code Vary: Accept}; nothing is serialized to answer 304. For a
 * {@link ReusableResponse} method with a public policy, the entity is named in the request property
 * {@link StoredResponseFilter#REUSABLE} (a servlet request attribute), so that the filter may reuse it. A 304 keeps
 * those headers and has no body; a 412 is a problem document. Any other successful GET gets {@code Cache-Control:
 * no-store} and has no tag (only {@code If-Match: *} matches it); error responses are left alone (RFC 9110, section
 * 13.2.1). Immutable.
 */
public final class ConditionalResponseFilter implements ContainerResponseFilter {

    private static final String NO_STORE = "no-store";

    private final String cacheControl;
    private final boolean reusable;

    /**
     * @param policy   the method's policy; null when its responses must not be stored
     * @param reusable whether the method is a {@link ReusableResponse} (taken into account with a public policy only)
     */
    ConditionalResponseFilter(CacheDirectives policy, boolean reusable) {
        this.cacheControl = policy == null ? null : cacheControl(policy);
        this.reusable = reusable && policy != null && policy.visibility() == CacheDirectives.Visibility.PUBLIC;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)
                || response.getStatus() != Response.Status.OK.getStatusCode()) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        EntityTagValue tag = null;
        Instant lastModified = null;
        if (cacheControl == null || !(response.getEntity() instanceof Validated validated)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        } else {
            ValidatorFields fields = validated.fields();
            tag = fields.tag();
            lastModified = fields.lastModified();
            fields.writeTo(headers::putSingle);
            headers.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
            headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            if (reusable) {
                request.setProperty(StoredResponseFilter.REUSABLE, validated);
            }
        }
        Preconditions.Outcome outcome = Preconditions.evaluate(true, Preconditions.Fields.of(request::getHeaderString),
                tag, lastModified, Instant.now());
        switch (outcome) {
            case NOT_MODIFIED -> {
                response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
                response.setEntity(null);
                headers.remove(HttpHeaders.CONTENT_TYPE);
            }
            case IF_MATCH_FAILED, IF_UNMODIFIED_SINCE_FAILED -> {
                String detail = outcome == Preconditions.Outcome.IF_MATCH_FAILED
                        ? "If-Match does not match the current representation"
                                + (tag == null ? "" : ", whose ETag is " + tag)
                        : "The resource has changed since " + request.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE);
                Problem problem = PreconditionFailedMapper.problem(detail, Problem.instance(request.getUriInfo()));
                response.setStatus(problem.status());
                headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
                response.setEntity(problem.toJson(), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
            }
            default -> {
                // PROCEED: the representation as it is
            }
        }
    }

    /** The header value of {@code policy}. */
    static String cacheControl(CacheDirectives policy) {
        StringBuilder value = new StringBuilder(policy.visibility() == CacheDirectives.Visibility.PUBLIC
                ? "public" : "private");
        value.append(", max-age=").append(Math.max(0, policy.maxAge()));
        if (policy.mustRevalidate()) {
            value.append(", must-revalidate");
        }
        return value.toString();
    }
}
