package io.tiercache.backtest.simulation;

import java.time.LocalDate;

/** The strategy's equity marked to market at the close of one trading day, after that day's trades. */
public record EquityPoint(LocalDate date, double equity) {
}
