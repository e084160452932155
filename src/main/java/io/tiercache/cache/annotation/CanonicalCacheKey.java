package io.tiercache.cache.annotation;

import io.tiercache.cache.StableKey;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * A cache key made of the canonical text of the key parameters (see {@link CanonicalKeyGenerator}). Two keys
 * are equal exactly when their texts are, in every JVM, so the text serves directly as the L2 key.
 *
 * @param stableKey the canonical text of the key parameters
 */
public record CanonicalCacheKey(String stableKey) implements GeneratedCacheKey, StableKey {

    public CanonicalCacheKey {
        if (stableKey == null) {
            throw new IllegalArgumentException("stableKey must not be null");
        }
    }

    @Override
    public String toString() {
        return stableKey;
    }
}
