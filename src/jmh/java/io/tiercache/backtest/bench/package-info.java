/**
 * JMH benchmark of what the cache saves the application: computing a backtest against reading its cached view
 * ({@link io.tiercache.backtest.bench.CachedBacktestBenchmark}).
 */
package io.tiercache.backtest.bench;
