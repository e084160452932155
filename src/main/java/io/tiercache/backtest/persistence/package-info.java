/**
 * JPA plumbing of the persistence unit {@code tiercache}: the {@code Instant} converter, and EclipseLink's session
 * customizer that fails a query at once when the database cannot be reached.
 */
package io.tiercache.backtest.persistence;
