package io.tiercache.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import io.tiercache.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Validators and {@code Cache-Control} on successful GET and HEAD responses, and their preconditions: 304 or 412
 * as {@link Preconditions} decides.
 *
 * <p>A resource method (or class) with {@link CacheControl} is cacheable: its 200 responses get a strong
 * {@code ETag}, {@code Last-Modified} when known, its {@code Cache-Control} and {@code Vary: Accept}. The tag comes
 * from the entity when it is {@link Validated} (nothing is serialized to answer 304); otherwise the entity is
 * serialized here once, the tag is a SHA-256 of those bytes, and the bytes become the entity that is written.
 * A 304 keeps those headers and has no body; a 412 is a problem document. Any other successful GET gets
 * {@code Cache-Control: no-store} and has no tag (only {@code If-Match: *} matches it); error responses are left
 * alone (RFC 9110, section 13.2.1).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public final class ConditionalResponseFilter implements ContainerResponseFilter {

    private static final String NO_STORE = "no-store";

    @Context
    ResourceInfo resourceInfo;

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String method = request.getMethod();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)
                || response.getStatus() != Response.Status.OK.getStatusCode()) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        CacheControl policy = policy();
        EntityTag tag = null;
        Instant lastModified = null;
        if (policy == null || !response.hasEntity()) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        } else {
            if (response.getEntity() instanceof Validated validated) {
                tag = EntityTag.strong(validated.entityTag());
                lastModified = validated.lastModified();
            } else {
                byte[] body = serialize(response);
                tag = EntityTag.strong(hash(body));
                response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
            }
            headers.putSingle(HttpHeaders.ETAG, tag.toString());
            if (lastModified != null) {
                headers.putSingle(HttpHeaders.LAST_MODIFIED, HttpDates.format(lastModified));
            }
            headers.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl(policy));
            headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
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
    static String cacheControl(CacheControl policy) {
        StringBuilder value = new StringBuilder(policy.visibility() == CacheControl.Visibility.PUBLIC
                ? "public" : "private");
        value.append(", max-age=").append(Math.max(0, policy.maxAge()));
        if (policy.mustRevalidate()) {
            value.append(", must-revalidate");
        }
        return value.toString();
    }

    private CacheControl policy() {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return null;
        }
        Method resourceMethod = resourceInfo.getResourceMethod();
        CacheControl onMethod = resourceMethod.getAnnotation(CacheControl.class);
        return onMethod != null ? onMethod : resourceInfo.getResourceClass().getAnnotation(CacheControl.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] serialize(ContainerResponseContext response) throws IOException {
        Object entity = response.getEntity();
        MessageBodyWriter writer = providers.getMessageBodyWriter(entity.getClass(), response.getEntityType(),
                response.getEntityAnnotations(), response.getMediaType());
        if (writer == null) {
            throw new IOException("No writer for " + entity.getClass().getName() + " as " + response.getMediaType());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(entity, entity.getClass(), response.getEntityType(), response.getEntityAnnotations(),
                response.getMediaType(), new MultivaluedHashMap<String, Object>(), out);
        return out.toByteArray();
    }

    /** The first 16 bytes of the SHA-256 of {@code body}, base64url without padding. */
    static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
