package io.tiercache.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The evaluation of a request's preconditions against the current representation of an existing resource, in the
 * order of RFC 9110 section 13.2.2:
 * <ol>
 *   <li>{@code If-Match}: strong comparison ({@code *} matches any); false, or malformed, fails.</li>
 *   <li>Without {@code If-Match}, a valid {@code If-Unmodified-Since}: fails when the representation changed after
 *       it (to the second); ignored when the modification time is unknown.</li>
 *   <li>{@code If-None-Match}: weak comparison ({@code *} matches any); when it matches, a GET or HEAD is not
 *       modified and any other method fails. Malformed values are ignored.</li>
 *   <li>Without {@code If-None-Match}, on GET or HEAD only, a valid {@code If-Modified-Since} that is not in the
 *       future: not modified when the representation has not changed after it.</li>
 * </ol>
 * Callers evaluate only when the request would otherwise succeed (section 13.2.1).
 */
public final class Preconditions {

    /** What the request's preconditions make of it. */
    public enum Outcome {
        /** Perform the method. */
        PROCEED,
        /** 304: the client's copy is current (GET and HEAD only). */
        NOT_MODIFIED,
        /** 412: {@code If-Match} does not match. */
        IF_MATCH_FAILED,
        /** 412: the representation changed after {@code If-Unmodified-Since}. */
        IF_UNMODIFIED_SINCE_FAILED,
        /** 412: {@code If-None-Match} matches on a method other than GET or HEAD. */
        IF_NONE_MATCH_FAILED
    }

    private Preconditions() {
    }

    /**
     * @param read         whether the method is GET or HEAD
     * @param headers      the raw field values
     * @param current      the current representation's tag; null when it has none (it exists nevertheless)
     * @param lastModified its last modification, or null when unknown
     * @param now          the server's clock
     */
    public static Outcome evaluate(boolean read, Fields headers, EntityTagValue current, Instant lastModified,
            Instant now) {
        if (headers.ifMatch() != null) {
            boolean matches = EntityTagValue.parseCondition(headers.ifMatch())
                    .map(condition -> condition.isAny() || condition.matchesStrongly(current))
                    .orElse(false);
            if (!matches) {
                return Outcome.IF_MATCH_FAILED;
            }
        } else if (lastModified != null && HttpDates.parse(headers.ifUnmodifiedSince())
                .map(since -> seconds(lastModified).isAfter(since)).orElse(false)) {
            return Outcome.IF_UNMODIFIED_SINCE_FAILED;
        }
        Optional<EntityTagValue.TagCondition> noneMatch = EntityTagValue.parseCondition(headers.ifNoneMatch());
        if (noneMatch.isPresent()) {
            if (noneMatch.get().isAny() || noneMatch.get().matchesWeakly(current)) {
                return read ? Outcome.NOT_MODIFIED : Outcome.IF_NONE_MATCH_FAILED;
            }
            return Outcome.PROCEED;
        }
        if (read && lastModified != null && HttpDates.parse(headers.ifModifiedSince())
                .filter(since -> !since.isAfter(now))
                .map(since -> !seconds(lastModified).isAfter(since)).orElse(false)) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The raw values of the four precondition fields (each null when absent). */
    public record Fields(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {

        /** The fields of a request, given the value of a header by its name (e.g. {@code getHeaderString}). */
        public static Fields of(UnaryOperator<String> header) {
            return new Fields(header.apply(HttpHeaders.IF_MATCH), header.apply(HttpHeaders.IF_UNMODIFIED_SINCE),
                    header.apply(HttpHeaders.IF_NONE_MATCH), header.apply(HttpHeaders.IF_MODIFIED_SINCE));
        }
    }
}
