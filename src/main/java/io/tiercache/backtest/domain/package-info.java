/**
 * The entities {@link io.tiercache.backtest.domain.Strategy} and {@link io.tiercache.backtest.domain.Backtest} and
 * their transactional services, which refuse a request with a
 * {@link io.tiercache.backtest.RequestRefusedException}. Knows nothing of HTTP or of the cache: the entity listener
 * that reports changes to the caching is registered in {@code META-INF/orm.xml}.
 */
package io.tiercache.backtest.domain;
