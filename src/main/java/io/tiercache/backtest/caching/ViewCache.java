package io.tiercache.backtest.caching;

import io.tiercache.backtest.domain.BacktestService;
import io.tiercache.backtest.domain.StrategyService;
import io.tiercache.backtest.view.BacktestView;
import io.tiercache.backtest.view.EquityView;
import io.tiercache.backtest.view.PageView;
import io.tiercache.backtest.view.StrategyView;
import io.tiercache.http.Representation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

/**
 * The API's views in the tiered cache, through the standard JSR-107 annotations, each cached as the
 * {@link Representation} a response sends (its JSON bytes and validators), so that a hit neither maps nor serializes
 * anything: the reads load a view on a miss; the removals are called after a write has committed, by
 * {@link InvalidationRules} (one annotation per method, so a change that touches several caches calls several of
 * them).
 *
 * <p>Caches: {@value #STRATEGIES} and {@value #BACKTESTS} (by id), {@value #EQUITY} (by backtest id),
 * {@value #STRATEGY_LISTS} (the first unfiltered pages, by page, size and name filter) and
 * {@value #STRATEGY_BACKTESTS} (by strategy id).
 * The {@code removeAll…} methods empty a whole cache, e.g. when a new database starts empty while Redis still
 * holds views of an earlier one.
 */
@ApplicationScoped
public class ViewCache {

    public static final String STRATEGIES = "strategies";
    public static final String STRATEGY_LISTS = "strategy-lists";
    public static final String STRATEGY_BACKTESTS = "strategy-backtests";
    public static final String BACKTESTS = "backtests";
    public static final String EQUITY = "equity";

    /** Pages of the unfiltered strategy list that are cached: 0 to this, exclusive. */
    public static final int CACHED_LIST_PAGES = 5;

    @Inject
    StrategyService strategies;

    @Inject
    BacktestService backtests;

    @CacheResult(cacheName = STRATEGIES)
    public Representation strategy(long id) {
        return Representation.json(StrategyView.of(strategies.get(id)));
    }

    /**
     * Whether a page of the strategy list is cached: only unfiltered pages before {@value #CACHED_LIST_PAGES}, so
     * that clients cannot fill the caches with lists of their choosing (at most {@value #CACHED_LIST_PAGES} ×
     * 100, the largest page size, entries). The rest is read by {@link #loadStrategies} every time.
     */
    public static boolean isCachedList(int page, String name) {
        return page < CACHED_LIST_PAGES && (name == null || name.isBlank());
    }

    /**
     * A cached page of all strategies; callers ask {@link #isCachedList} first. A blank filter is no filter, so
     * {@code name=}, {@code name=%20} and the like read this one entry instead of making entries of their own.
     */
    @CacheResult(cacheName = STRATEGY_LISTS)
    public Representation strategies(int page, int size) {
        return loadStrategies(page, size, null);
    }

    /**
     * A page of strategies from the database: page {@code page} (from 0) of {@code size} items, as checked by the
     * API; {@code name} is the raw filter (null or blank for all).
     */
    public Representation loadStrategies(int page, int size, String name) {
        List<StrategyView> items = strategies.list(name, page * size, size).stream()
                .map(StrategyView::of)
                .toList();
        return Representation.json(new PageView<>(items, page, size, strategies.count(name)));
    }

    @CacheResult(cacheName = STRATEGY_BACKTESTS)
    public Representation backtestsOf(long strategyId) {
        return Representation.json(backtests.ofStrategy(strategyId).stream().map(BacktestView::of).toList());
    }

    @CacheResult(cacheName = BACKTESTS)
    public Representation backtest(long id) {
        return Representation.json(BacktestView.of(backtests.get(id)));
    }

    @CacheResult(cacheName = EQUITY)
    public Representation equity(long backtestId) {
        return Representation.json(EquityView.of(backtests.get(backtestId)));
    }

    @CacheRemove(cacheName = STRATEGIES)
    public void removeStrategy(long id) {
        // the interceptor removes the entry
    }

    /** Every page: a created, changed or deleted strategy may move any of them. */
    @CacheRemoveAll(cacheName = STRATEGY_LISTS)
    public void removeStrategyLists() {
        // the interceptor empties the cache
    }

    @CacheRemove(cacheName = STRATEGY_BACKTESTS)
    public void removeBacktestsOf(long strategyId) {
        // the interceptor removes the entry
    }

    @CacheRemove(cacheName = BACKTESTS)
    public void removeBacktest(long id) {
        // the interceptor removes the entry
    }

    @CacheRemove(cacheName = EQUITY)
    public void removeEquity(long backtestId) {
        // the interceptor removes the entry
    }

    @CacheRemoveAll(cacheName = STRATEGIES)
    public void removeAllStrategies() {
        // the interceptor empties the cache
    }

    @CacheRemoveAll(cacheName = STRATEGY_BACKTESTS)
    public void removeAllStrategyBacktests() {
        // the interceptor empties the cache
    }

    @CacheRemoveAll(cacheName = BACKTESTS)
    public void removeAllBacktests() {
        // the interceptor empties the cache
    }

    @CacheRemoveAll(cacheName = EQUITY)
    public void removeAllEquity() {
        // the interceptor empties the cache
    }
}
