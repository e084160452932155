package io.tiercache.cache.annotation;

import javax.cache.Cache;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * {@code @CachePut}: stores the {@code @CacheValue} argument under the key of the call, after the method
 * returns ({@code afterInvocation = true}, the default) or before it is called. When the method throws after
 * invocation, the value is stored only if {@code cacheFor}/{@code noCacheFor} select the exception (with both
 * empty, it is not). Null rule: a {@code null} value removes the key, since a cache holds no nulls and a
 * stale value must not survive the write.
 */
final class CachePutOperation {

    private final CacheMethods methods;

    CachePutOperation(CacheMethods methods) {
        this.methods = methods;
    }

    Object invoke(CacheInvocation invocation) throws Exception {
        CacheMethod method = methods.of(invocation.method());
        CachePut put = (CachePut) method.annotated().operation();
        KeyInvocationContext context = method.context(invocation);
        GeneratedCacheKey key = method.key(context);
        Cache<Object, Object> cache = method.cache(context);
        Object value = context.getValueParameter().getValue();
        if (!put.afterInvocation()) {
            write(cache, key, value);
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable thrown) {
            if (put.afterInvocation()
                    && ExceptionFilter.matches(thrown, put.cacheFor(), put.noCacheFor(), false)) {
                write(cache, key, value);
            }
            throw thrown;
        }
        if (put.afterInvocation()) {
            write(cache, key, value);
        }
        return result;
    }

    private static void write(Cache<Object, Object> cache, GeneratedCacheKey key, Object value) {
        if (value == null) {
            cache.remove(key);
        } else {
            cache.put(key, value);
        }
    }
}
