package io.tiercache.backtest.domain;

import io.tiercache.backtest.simulation.BacktestSimulator;
import io.tiercache.backtest.simulation.PriceSeriesRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the price data and the simulator (both thread-safe) injectable, one instance each. */
@Dependent
public final class SimulationProducer {

    @Produces
    @Singleton
    PriceSeriesRepository priceSeriesRepository() {
        return new PriceSeriesRepository();
    }

    @Produces
    @Singleton
    BacktestSimulator backtestSimulator(PriceSeriesRepository prices) {
        return new BacktestSimulator(prices);
    }
}
