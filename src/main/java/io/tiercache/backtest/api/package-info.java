/**
 * The JAX-RS resources of {@code /api} ({@link io.tiercache.backtest.api.RestApplication}): strategies, backtests,
 * symbols and a ping; their request records, read strictly; reads served from
 * {@link io.tiercache.backtest.caching.ViewCache}; and {@link io.tiercache.backtest.api.RequestRefusedMapper}, which
 * answers every refused request with its problem.
 */
package io.tiercache.backtest.api;
