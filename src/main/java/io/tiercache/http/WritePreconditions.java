package io.tiercache.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;

/**
 * The preconditions of a PUT or DELETE, evaluated by {@link Preconditions}: {@code If-Match} first, by strong
 * comparison, and only without it {@code If-Unmodified-Since}; then {@code If-None-Match}, which fails the write
 * when it matches the current representation ({@code *} always does). A malformed {@code If-Match} matches nothing
 * (412, never a lost update); an unparseable {@code If-Unmodified-Since} or {@code If-None-Match} is ignored. The
 * resource calls {@link #check} with the current state inside the write's transaction, whose optimistic lock
 * catches a concurrent writer after it.
 */
public final class WritePreconditions {

    /** MicroProfile Config switch: refuse a {@link ValidatedWrite} without a validator with 428 (default false). */
    public static final String REQUIRE_PROPERTY = "tiercache.http.require-validators";

    private final Preconditions.Fields fields;

    private WritePreconditions(Preconditions.Fields fields) {
        this.fields = fields;
    }

    /** From the raw field values (any may be null). */
    public static WritePreconditions of(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch) {
        return new WritePreconditions(new Preconditions.Fields(ifMatch, ifUnmodifiedSince, ifNoneMatch, null));
    }

    /** From the request's headers. */
    public static WritePreconditions of(HttpHeaders headers) {
        return of(headers.getHeaderString(HttpHeaders.IF_MATCH),
                headers.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE),
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
    }

    /**
     * Whether the request carries a validator that protects against a lost update: {@code If-Match}, or a valid
     * {@code If-Unmodified-Since}.
     */
    public boolean present() {
        return fields.ifMatch() != null || HttpDates.parse(fields.ifUnmodifiedSince()).isPresent();
    }

    /** Throws 428 when validators are {@code required} and the request has none. */
    public void require(boolean required) {
        if (required && !present()) {
            throw new PreconditionRequiredException(
                    "This write needs If-Match (the ETag you read) or If-Unmodified-Since");
        }
    }

    /** Throws 412 unless the preconditions hold for {@code current}, the resource's state now. */
    public void check(Validated current) {
        EntityTagValue tag = EntityTagValue.strong(current.entityTag());
        switch (Preconditions.evaluate(false, fields, tag, current.lastModified(), Instant.now())) {
            case IF_MATCH_FAILED -> throw new PreconditionFailedException(
                    "The resource has changed: its ETag is now " + tag);
            case IF_UNMODIFIED_SINCE_FAILED -> throw new PreconditionFailedException(
                    "The resource has changed since " + fields.ifUnmodifiedSince());
            case IF_NONE_MATCH_FAILED -> throw new PreconditionFailedException(
                    "The resource exists and its ETag " + tag + " matches If-None-Match");
            default -> {
                // PROCEED (NOT_MODIFIED is for reads only)
            }
        }
    }
}
