/**
 * The allowlist codec of the values stored in Redis and the class filter handed to Hazelcast: only classes inside
 * {@code tiercache.codec.allow} are ever deserialized, with limits on depth, references and array sizes.
 * Stateless and thread-safe.
 */
package io.tiercache.cache.codec;
