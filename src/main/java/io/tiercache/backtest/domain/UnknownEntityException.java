package io.tiercache.backtest.domain;

/** A strategy or backtest id that does not exist. */
public final class UnknownEntityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String kind, long id) {
        super(kind + " " + id + " does not exist");
    }
}
