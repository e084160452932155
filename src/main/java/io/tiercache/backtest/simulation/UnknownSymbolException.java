package io.tiercache.backtest.simulation;

/** No price data exists for the requested symbol. */
public final class UnknownSymbolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String symbol;

    public UnknownSymbolException(String symbol) {
        super("No price data for symbol '" + symbol + "'");
        this.symbol = symbol;
    }

    /** The symbol that was asked for. */
    public String symbol() {
        return symbol;
    }
}
