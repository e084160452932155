package io.tiercache.backtest.domain;

/** Another strategy already has this name. */
public final class DuplicateStrategyNameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateStrategyNameException(String name, Throwable cause) {
        super("A strategy named '" + name + "' already exists", cause);
    }
}
