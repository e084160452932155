package io.tiercache.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Whether a GET or HEAD is answered 304 (RFC 9110, sections 13.1.2, 13.1.3 and 13.2.2): {@code If-None-Match}
 * decides by weak comparison when present and well-formed, and then {@code If-Modified-Since} is not looked at;
 * otherwise a valid {@code If-Modified-Since} that is not in the future is compared with the last
 * modification, to the second. Malformed values are ignored.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /**
     * @param ifNoneMatch     the raw field value, or null
     * @param ifModifiedSince the raw field value, or null
     * @param current         the representation's tag
     * @param lastModified    its last modification, or null when unknown
     * @param now             the server's clock
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, EntityTag current,
            Instant lastModified, Instant now) {
        Optional<EntityTag.TagCondition> noneMatch = EntityTag.parseCondition(ifNoneMatch);
        if (noneMatch.isPresent()) {
            return noneMatch.get().matchesWeakly(current);
        }
        if (lastModified == null) {
            return false;
        }
        return HttpDates.parse(ifModifiedSince)
                .filter(since -> !since.isAfter(now))
                .map(since -> !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                .orElse(false);
    }
}
