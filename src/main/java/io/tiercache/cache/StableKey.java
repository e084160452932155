package io.tiercache.cache;

/**
 * A cache key that renders itself as the same text in every JVM. Keys of a tiered cache are {@link String}s,
 * boxed numbers or implementations of this interface; the text becomes the readable Redis key
 * {@code tiercache:<cache>:<text>} and the Hazelcast map key, so two keys are the same entry exactly when their
 * texts are equal. Implementations must also be {@link java.io.Serializable} (Hazelcast keeps the key with its
 * entry so that the cache can be iterated) and their classes inside the codec allowlist.
 */
@FunctionalInterface
public interface StableKey {

    /** The key's text; must depend only on the key's value, never on identity, JVM or locale. */
    String stableKey();
}
