package io.tiercache.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * The validators of a {@link Validated} representation as a response sends them: its strong tag (compared with the
 * request's preconditions), the {@code ETag} field value, the last modification and the {@code Last-Modified} field
 * value (both null when unknown). Immutable.
 *
 * @param tag              the strong entity tag
 * @param etag             {@code tag} as the {@code ETag} field value
 * @param lastModified     the last modification, or null
 * @param lastModifiedDate {@code lastModified} as an HTTP date, or null
 */
public record ValidatorFields(EntityTagValue tag, String etag, Instant lastModified, String lastModifiedDate) {

    /** Sets {@code ETag} and, when known, {@code Last-Modified} through {@code header} (name, value). */
    void writeTo(BiConsumer<String, String> header) {
        header.accept(HttpHeaders.ETAG, etag);
        if (lastModifiedDate != null) {
            header.accept(HttpHeaders.LAST_MODIFIED, lastModifiedDate);
        }
    }

    /** The fields of {@code representation}'s validators, formatted now. */
    static ValidatorFields of(Validated representation) {
        EntityTagValue tag = EntityTagValue.strong(representation.entityTag());
        Instant lastModified = representation.lastModified();
        return new ValidatorFields(tag, tag.toString(), lastModified,
                lastModified == null ? null : HttpDates.format(lastModified));
    }
}
