package io.tiercache.backtest.domain;

import java.io.Serializable;

/** The performance figures of a completed backtest; rates are fractions (0.1 is 10 %). */
public record Metrics(double totalReturn, double cagr, double annualizedVolatility, double sharpeRatio,
        double maxDrawdown, int numberOfTrades, double sharpePValue) implements Serializable {
}
