package io.tiercache.http;

/** A write without a validator while validators are required: 428. */
public final class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
