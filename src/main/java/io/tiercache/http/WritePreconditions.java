package io.tiercache.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The preconditions of a PUT or DELETE (RFC 9110, section 13.2.2): {@code If-Match} first, by strong comparison;
 * only without it {@code If-Unmodified-Since}. A malformed {@code If-Match} matches nothing (412, never a lost
 * update); an unparseable {@code If-Unmodified-Since} is ignored. The resource calls {@link #check} with the
 * current state inside the write's transaction, whose optimistic lock catches a concurrent writer after it.
 */
public final class WritePreconditions {

    /** MicroProfile Config switch: refuse a {@link ValidatedWrite} without a validator with 428 (default false). */
    public static final String REQUIRE_PROPERTY = "tiercache.http.require-validators";

    private final String ifMatch;
    private final Optional<Instant> ifUnmodifiedSince;

    private WritePreconditions(String ifMatch, Optional<Instant> ifUnmodifiedSince) {
        this.ifMatch = ifMatch;
        this.ifUnmodifiedSince = ifUnmodifiedSince;
    }

    /** From the raw field values (either may be null). */
    public static WritePreconditions of(String ifMatch, String ifUnmodifiedSince) {
        return new WritePreconditions(ifMatch, HttpDates.parse(ifUnmodifiedSince));
    }

    public static WritePreconditions of(HttpHeaders headers) {
        return of(headers.getHeaderString(HttpHeaders.IF_MATCH),
                headers.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE));
    }

    /** Whether the request carries a validator ({@code If-Match}, or a valid {@code If-Unmodified-Since}). */
    public boolean present() {
        return ifMatch != null || ifUnmodifiedSince.isPresent();
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
        EntityTag tag = EntityTag.strong(current.entityTag());
        if (ifMatch != null) {
            boolean matches = EntityTag.parseCondition(ifMatch).map(c -> c.matchesStrongly(tag)).orElse(false);
            if (!matches) {
                throw new PreconditionFailedException("The resource has changed: its ETag is now " + tag);
            }
            return;
        }
        Instant modified = current.lastModified();
        if (ifUnmodifiedSince.isPresent() && modified != null
                && modified.truncatedTo(ChronoUnit.SECONDS).isAfter(ifUnmodifiedSince.get())) {
            throw new PreconditionFailedException(
                    "The resource has changed since " + HttpDates.format(ifUnmodifiedSince.get()));
        }
    }
}
