package io.tiercache.backtest.view;

import io.tiercache.backtest.simulation.PriceSeries;
import java.io.Serializable;
import java.time.LocalDate;

/** A symbol with price data: its first and last trading day and its number of trading days. */
public record SymbolView(String symbol, LocalDate from, LocalDate to, int tradingDays) implements Serializable {

    public static SymbolView of(PriceSeries series) {
        return new SymbolView(series.symbol(), series.firstDate(), series.lastDate(), series.size());
    }
}
