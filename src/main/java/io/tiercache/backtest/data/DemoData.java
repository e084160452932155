package io.tiercache.backtest.data;

import io.tiercache.backtest.caching.ViewCache;
import io.tiercache.backtest.domain.BacktestService;
import io.tiercache.backtest.domain.DuplicateStrategyNameException;
import io.tiercache.backtest.domain.Strategy;
import io.tiercache.backtest.domain.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads five demonstration strategies with two backtests each when the application starts on an empty
 * database, after emptying the view caches. Idempotent: nothing is loaded when a strategy exists; a strategy
 * another instance created meanwhile (same unique name) is skipped with its backtests.
 */
@ApplicationScoped
public class DemoData {

    private static final System.Logger LOG = System.getLogger(DemoData.class.getName());

    private static final BigDecimal CAPITAL = new BigDecimal("100000.00");

    private static final List<DemoStrategy> STRATEGIES = List.of(
            new DemoStrategy("Golden Cross", "The classic 50/200-day crossover, fully invested", 50, 200, 1.0, 5,
                    "ALPHA", "BRAVO"),
            new DemoStrategy("Fast Momentum", "Short 10/30-day averages, half the capital", 10, 30, 0.5, 10,
                    "CHARLIE", "DELTA"),
            new DemoStrategy("Swing Trader", "20/60-day averages, 80 % invested", 20, 60, 0.8, 7.5,
                    "ECHO", "ALPHA"),
            new DemoStrategy("Trend Follower", "30/120-day averages with low commission", 30, 120, 1.0, 2,
                    "BRAVO", "CHARLIE"),
            new DemoStrategy("Conservative Crossover", "40/160-day averages, 30 % invested", 40, 160, 0.3, 1,
                    "DELTA", "ECHO"));

    @Inject
    StrategyService strategies;

    @Inject
    BacktestService backtests;

    @Inject
    ViewCache views;

    void load(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (strategies.count(null) > 0) {
            LOG.log(Level.INFO, "Strategies present: demo data not loaded");
            return;
        }
        forgetEarlierDatabases();
        int loaded = 0;
        for (DemoStrategy demo : STRATEGIES) {
            Strategy strategy;
            try {
                strategy = strategies.create(new Strategy(demo.name(), demo.description(), demo.fastWindow(),
                        demo.slowWindow(), demo.positionFraction(), demo.commissionBps()));
            } catch (DuplicateStrategyNameException e) {
                continue;
            }
            backtests.create(strategy.getId(), demo.firstSymbol(), LocalDate.of(2015, 1, 2),
                    LocalDate.of(2024, 12, 31), CAPITAL);
            backtests.create(strategy.getId(), demo.secondSymbol(), LocalDate.of(2020, 1, 2),
                    LocalDate.of(2024, 12, 31), CAPITAL);
            loaded++;
        }
        LOG.log(Level.INFO, "Demo data loaded: " + loaded + " strategies");
    }

    /** An empty database is a new one: views cached from an earlier one (Redis outlives it) must not be served. */
    private void forgetEarlierDatabases() {
        views.removeAllStrategies();
        views.removeStrategyLists();
        views.removeAllStrategyBacktests();
        views.removeAllBacktests();
        views.removeAllEquity();
    }

    private record DemoStrategy(String name, String description, int fastWindow, int slowWindow,
            double positionFraction, double commissionBps, String firstSymbol, String secondSymbol) {
    }
}
