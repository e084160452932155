package io.tiercache.backtest.domain;

import io.tiercache.backtest.RequestRefusedException;

/** Another strategy already has this name: 409 on the {@code name} field. */
public final class DuplicateStrategyNameException extends RequestRefusedException {

    private static final long serialVersionUID = 1L;

    public DuplicateStrategyNameException(String name, Throwable cause) {
        super("duplicate-name", "Conflict", 409, "A strategy named '" + name + "' already exists", "name",
                "is already used by another strategy", cause);
    }
}
