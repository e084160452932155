package io.tiercache.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A response body as it is sent: the serialized bytes, their media type and the validators, a strong entity tag and
 * the last modification (when known). Cached in place of the view it was made from, so that a cached GET writes
 * stored bytes ({@link RepresentationWriter}) and a conditional GET is answered from the stored validators
 * ({@link ConditionalResponseFilter}) without serializing anything.
 *
 * <p>Immutable: the body is never handed out to be changed ({@link #writeTo} copies it into a stream). Its header
 * fields ({@link #fields()}) are formatted on first use and kept (not serialized: a copy read from a cache formats
 * them again once).
 */
public final class Representation implements Validated, Serializable {

    private static final long serialVersionUID = 1L;

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final byte[] body;
    private final String mediaType;
    private final String entityTag;
    private final Instant lastModified;
    private transient ValidatorFields fields;

    private Representation(byte[] body, String mediaType, String entityTag, Instant lastModified) {
        this.body = body;
        this.mediaType = mediaType;
        this.entityTag = entityTag;
        this.lastModified = lastModified;
    }

    /**
     * {@code view} as JSON (by JSON-B, as the JAX-RS runtime would write it). Its validators are the view's own when
     * it is {@link Validated}; otherwise the tag is a hash of the bytes and the modification time is unknown.
     */
    public static Representation json(Object view) {
        byte[] body = JSONB.toJson(view).getBytes(StandardCharsets.UTF_8);
        return view instanceof Validated validated
                ? new Representation(body, MediaType.APPLICATION_JSON, validated.entityTag(), validated.lastModified())
                : new Representation(body, MediaType.APPLICATION_JSON, hash(body), null);
    }

    /** The media type of the bytes. */
    public MediaType mediaType() {
        return MediaType.valueOf(mediaType);
    }

    /** The number of bytes of the body. */
    public int length() {
        return body.length;
    }

    /** Writes the body to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(body);
    }

    @Override
    public String entityTag() {
        return entityTag;
    }

    @Override
    public Instant lastModified() {
        return lastModified;
    }

    /** The validators' header fields, formatted on the first call (two threads may both format them: same value). */
    @Override
    public ValidatorFields fields() {
        ValidatorFields known = fields;
        if (known == null) {
            known = ValidatorFields.of(this);
            fields = known;
        }
        return known;
    }

    /** Equal when the bytes, the media type and the validators are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Representation that && Arrays.equals(body, that.body)
                && mediaType.equals(that.mediaType) && entityTag.equals(that.entityTag)
                && Objects.equals(lastModified, that.lastModified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityTag, mediaType, lastModified) * 31 + Arrays.hashCode(body);
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
