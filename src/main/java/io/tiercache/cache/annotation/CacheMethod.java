package io.tiercache.cache.annotation;


import javax.cache.Cache;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * An annotated method with its resolvers and key generator, ready to serve calls. Immutable and shared by all
 * calls of the method.
 *
 * @param annotated what the annotations say
 * @param cacheResolver resolves the cache the operation works on
 * @param exceptionCacheResolver resolves the exception cache of a {@code @CacheResult} method, or {@code null}
 * @param keyGenerator builds the key of each call
 */
record CacheMethod(AnnotatedCacheMethod annotated, CacheResolver cacheResolver,
        CacheResolver exceptionCacheResolver, CacheKeyGenerator keyGenerator) {

    /** The context of one call. */
    KeyInvocationContext context(CacheInvocation invocation) {
        return new KeyInvocationContext(annotated, invocation.target(), invocation.parameters());
    }

    GeneratedCacheKey key(KeyInvocationContext context) {
        return keyGenerator.generateCacheKey(context);
    }

    Cache<Object, Object> cache(KeyInvocationContext context) {
        return cacheResolver.resolveCache(context);
    }

    /** The exception cache, or {@code null} when the method caches no exceptions. */
    Cache<Object, Throwable> exceptionCache(KeyInvocationContext context) {
        return exceptionCacheResolver == null ? null : exceptionCacheResolver.resolveCache(context);
    }
}
