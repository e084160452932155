/**
 * The application's caching: the views the API caches ({@link io.tiercache.backtest.caching.ViewCache}, JSR-107
 * annotations over the tiered cache), their invalidation and their warming.
 *
 * <p>Invalidation: a JPA entity listener, registered in {@code META-INF/orm.xml}, fires an
 * {@link io.tiercache.backtest.caching.EntityChange} per insert, update and delete; after a successful commit
 * {@link io.tiercache.backtest.caching.CommittedChangeObserver} removes the views that
 * {@link io.tiercache.backtest.caching.InvalidationRules} names, on every instance. Warming:
 * {@link io.tiercache.backtest.caching.CacheWarmer} loads the hot reads through the same views.
 */
package io.tiercache.backtest.caching;
