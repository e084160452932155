/**
 * The engine's clock: one {@link java.time.InstantSource} per engine, handed to everything that checks an expiry, so
 * that tests can substitute their own and the hot path reads a field instead of the system clock.
 */
package io.tiercache.cache.clock;
