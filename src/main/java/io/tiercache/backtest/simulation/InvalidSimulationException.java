package io.tiercache.backtest.simulation;

/**
 * A simulation request that cannot run. {@link #field()} names the offending component of
 * {@link SimulationRequest} or {@link StrategyParameters} (e.g. {@code "from"}, {@code "slowWindow"});
 * the message says why, in words fit for a client.
 */
public final class InvalidSimulationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSimulationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The record component name of the invalid value. */
    public String field() {
        return field;
    }
}
