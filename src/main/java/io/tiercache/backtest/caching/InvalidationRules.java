package io.tiercache.backtest.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place that says which cached views an entity's change reaches:
 * <ul>
 * <li>a strategy: its view, every page of the strategy list, and the list of its backtests (a deleted
 * strategy's backtests report their own deletion);</li>
 * <li>a backtest: its view, its equity curve, and the backtest list of its strategy.</li>
 * </ul>
 * Creations, updates and deletions reach the same views: a view is removed, never rewritten, so the next read
 * loads the committed state.
 */
@ApplicationScoped
public class InvalidationRules {

    @Inject
    ViewCache views;

    /** Removes, on every instance, the views {@code change} makes out of date. */
    public void invalidate(EntityChange change) {
        switch (change.type()) {
            case STRATEGY -> {
                views.removeStrategy(change.id());
                views.removeStrategyLists();
                views.removeBacktestsOf(change.id());
            }
            case BACKTEST -> {
                views.removeBacktest(change.id());
                views.removeEquity(change.id());
                views.removeBacktestsOf(change.strategyId());
            }
        }
    }
}
