package io.tiercache.backtest.domain;

import io.tiercache.backtest.RequestRefusedException;

/** Another transaction changed or deleted the entity between this write's read and its flush: 409. */
public final class ConcurrentUpdateException extends RequestRefusedException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(Throwable cause) {
        super("concurrent-update", "Conflict", 409, "The resource was changed by another request at the same time",
                null, null, cause);
    }
}
