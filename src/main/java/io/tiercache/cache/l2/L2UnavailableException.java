package io.tiercache.cache.l2;

/** Redis could not be used for an operation: the circuit is open, the call failed or it exceeded the time bound. */
public final class L2UnavailableException extends RuntimeException {

    private final boolean skipped;

    public L2UnavailableException(String message, Throwable cause, boolean skipped) {
        super(message, cause, false, false);
        this.skipped = skipped;
    }

    /** Whether the call was not made at all because the circuit breaker is open. */
    public boolean skipped() {
        return skipped;
    }
}
