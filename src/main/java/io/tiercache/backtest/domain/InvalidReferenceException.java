package io.tiercache.backtest.domain;

import io.tiercache.backtest.RequestRefusedException;

/**
 * A request that refers to an entity that does not exist, e.g. a backtest of an unknown strategy id: 400 on the
 * request field holding the reference.
 */
public final class InvalidReferenceException extends RequestRefusedException {

    private static final long serialVersionUID = 1L;

    public InvalidReferenceException(String field, String message) {
        super("invalid-reference", "Invalid request", 400, message, field, message, null);
    }
}
