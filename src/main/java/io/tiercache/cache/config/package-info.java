/**
 * The engine's settings: from the properties given to the provider, then MicroProfile Config, with their defaults
 * and checks ({@code EngineSettings} for the engine, {@code CacheSettings} per cache). Immutable once read.
 */
package io.tiercache.cache.config;
