/**
 * The application: a REST API for moving-average crossover strategies and their backtests, every read served from
 * the tiered cache. From the bottom up: {@code simulation} (plain Java), {@code domain} (JPA entities and their
 * services), {@code persistence} (JPA plumbing), {@code view} (the JSON shapes the API sends and the cache stores),
 * {@code caching} (the cached views, their invalidation and warming), {@code api} (JAX-RS resources) and
 * {@code data} (the demo data); see {@code docs/architecture.md}. {@link io.tiercache.backtest.RequestRefusedException}
 * is the base of the exceptions by which the domain and the simulation refuse a request.
 */
package io.tiercache.backtest;
