package io.tiercache.backtest.caching;

import io.tiercache.backtest.domain.BacktestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The reads that warming makes, each in a transaction of its own: off a request, the container's entity manager
 * gets a well-defined scope only from a transaction.
 */
@ApplicationScoped
@Transactional
public class HotReads {

    @Inject
    ViewCache views;

    @Inject
    BacktestService backtests;

    /** A page of all strategies. */
    public void strategyPage(int page, int size) {
        views.strategies(page, size);
    }

    /** The views and equity curves of the {@code count} most recent backtests. */
    public void recentBacktests(int count) {
        for (long id : backtests.recentIds(count)) {
            views.backtest(id);
            views.equity(id);
        }
    }
}
