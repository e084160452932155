package io.tiercache.cache.codec;

/** A stored value that could not or must not be deserialized; the cache treats the entry as absent. */
public final class RejectedValueException extends RuntimeException {

    public RejectedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
