package io.tiercache.backtest.domain;

import io.tiercache.backtest.RequestRefusedException;

/** A strategy or backtest id that does not exist: 404. */
public final class UnknownEntityException extends RequestRefusedException {

    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String kind, long id) {
        super("not-found", "Not Found", 404, kind + " " + id + " does not exist", null, null, null);
    }
}
