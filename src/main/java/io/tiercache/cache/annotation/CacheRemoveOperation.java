package io.tiercache.cache.annotation;

import javax.cache.Cache;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * {@code @CacheRemove}: removes the key of the call, after the method returns ({@code afterInvocation = true},
 * the default) or before it is called. When the method throws after invocation, the key is removed only if
 * {@code evictFor}/{@code noEvictFor} select the exception (with both empty, it is not).
 */
final class CacheRemoveOperation {

    private final CacheMethods methods;

    CacheRemoveOperation(CacheMethods methods) {
        this.methods = methods;
    }

    Object invoke(CacheInvocation invocation) throws Exception {
        CacheMethod method = methods.of(invocation.method());
        CacheRemove remove = (CacheRemove) method.annotated().operation();
        KeyInvocationContext context = method.context(invocation);
        GeneratedCacheKey key = method.key(context);
        Cache<Object, Object> cache = method.cache(context);
        if (!remove.afterInvocation()) {
            cache.remove(key);
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable thrown) {
            if (remove.afterInvocation()
                    && ExceptionFilter.matches(thrown, remove.evictFor(), remove.noEvictFor(), false)) {
                cache.remove(key);
            }
            throw thrown;
        }
        if (remove.afterInvocation()) {
            cache.remove(key);
        }
        return result;
    }
}
