package io.tiercache.http;

/** A write whose {@code If-Match} or {@code If-Unmodified-Since} does not hold for the current state: 412. */
public final class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
