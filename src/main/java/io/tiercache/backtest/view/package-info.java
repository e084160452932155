/**
 * What the API shows of the entities, as records serialized to JSON and cached as
 * {@link io.tiercache.http.Representation}s: {@link io.tiercache.backtest.view.StrategyView},
 * {@link io.tiercache.backtest.view.BacktestView}, {@link io.tiercache.backtest.view.EquityView},
 * {@link io.tiercache.backtest.view.PageView}, {@link io.tiercache.backtest.view.SymbolView}. A strategy's and a
 * backtest's view carry their entity tag and last modification ({@link io.tiercache.http.Validated}).
 */
package io.tiercache.backtest.view;
