package io.tiercache.backtest.simulation;

import io.tiercache.backtest.RequestRefusedException;

/**
 * A simulation request that cannot run: 400. {@link #field()} names the offending component of
 * {@link SimulationRequest} or {@link StrategyParameters} (e.g. {@code "from"}, {@code "slowWindow"});
 * the message says why, in words fit for a client.
 */
public final class InvalidSimulationException extends RequestRefusedException {

    private static final long serialVersionUID = 1L;

    public InvalidSimulationException(String field, String message) {
        super("invalid-simulation", "Invalid backtest", 400, message, field, message, null);
    }
}
