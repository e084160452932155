package io.tiercache.backtest.domain;

/** A request that refers to an entity that does not exist, e.g. a backtest of an unknown strategy id. */
public final class InvalidReferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field holding the reference. */
    public String field() {
        return field;
    }
}
