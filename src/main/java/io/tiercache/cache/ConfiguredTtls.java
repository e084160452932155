package io.tiercache.cache;

import javax.cache.configuration.Factory;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;

/**
 * The expiry policy factory of a cache whose entries live for the TTLs configured for it through MicroProfile Config
 * ({@code tiercache.cache.<name>.l1.ttl} and {@code .l2.ttl}, else {@code tiercache.l1.ttl} and
 * {@code tiercache.l2.ttl}), where a cache created through the JCache API with the default eternal policy keeps its
 * entries with no expiry. The caches of the CDI annotations are created with it; so is, in effect, every cache with
 * a {@code tiercache.cache.<name>.l1.ttl} or {@code .l2.ttl} of its own.
 *
 * <p>The policy it creates is {@link EternalExpiryPolicy}: the tiered provider gives the eternal entries of such a
 * cache its TTLs; another provider keeps them eternally. Immutable; all instances are equal.
 */
public final class ConfiguredTtls implements Factory<ExpiryPolicy> {

    private static final long serialVersionUID = 1L;

    @Override
    public ExpiryPolicy create() {
        return new EternalExpiryPolicy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfiguredTtls;
    }

    @Override
    public int hashCode() {
        return ConfiguredTtls.class.getName().hashCode();
    }
}
