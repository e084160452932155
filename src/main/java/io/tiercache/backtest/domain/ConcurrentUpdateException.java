package io.tiercache.backtest.domain;

/** Another transaction changed or deleted the entity between this write's read and its flush. */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(Throwable cause) {
        super("The resource was changed by another request at the same time", cause);
    }
}
