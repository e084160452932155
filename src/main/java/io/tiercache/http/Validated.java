package io.tiercache.http;

import java.time.Instant;

/**
 * A representation that knows its own validators, so that a conditional request is answered without
 * serializing it. The tag must change whenever the representation does (e.g. built from the entity's id and
 * version).
 */
public interface Validated {

    /** The opaque part of the strong entity tag, without quotes: characters {@code !} and {@code #}-{@code ~}. */
    String entityTag();

    /** When the representation last changed; {@code null} when unknown. */
    Instant lastModified();

    /**
     * The validators as a response sends them, formatted on each call; a representation sent again and again
     * (a {@link Representation}) formats them once and keeps them.
     */
    default ValidatorFields fields() {
        return ValidatorFields.of(this);
    }
}
