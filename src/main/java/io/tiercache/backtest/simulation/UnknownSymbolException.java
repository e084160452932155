package io.tiercache.backtest.simulation;

import io.tiercache.backtest.RequestRefusedException;

/** No price data exists for the requested symbol: 400 on the {@code symbol} field. */
public final class UnknownSymbolException extends RequestRefusedException {

    private static final long serialVersionUID = 1L;

    private final String symbol;

    public UnknownSymbolException(String symbol) {
        super("unknown-symbol", "Invalid backtest", 400, "No price data for symbol '" + symbol + "'", "symbol",
                "has no price data; see /api/symbols", null);
        this.symbol = symbol;
    }

    /** The symbol that was asked for. */
    public String symbol() {
        return symbol;
    }
}
