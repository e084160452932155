package io.tiercache.cache.annotation;

import javax.cache.Cache;
import javax.cache.annotation.CacheRemoveAll;

/**
 * {@code @CacheRemoveAll}: removes every entry of the cache ({@link Cache#removeAll()}, so listeners and
 * statistics see each removal), after the method returns ({@code afterInvocation = true}, the default) or
 * before it is called. When the method throws after invocation, the entries are removed only if
 * {@code evictFor}/{@code noEvictFor} select the exception (with both empty, they are not).
 */
final class CacheRemoveAllOperation {

    private final CacheMethods methods;

    CacheRemoveAllOperation(CacheMethods methods) {
        this.methods = methods;
    }

    Object invoke(CacheInvocation invocation) throws Exception {
        CacheMethod method = methods.of(invocation.method());
        CacheRemoveAll removeAll = (CacheRemoveAll) method.annotated().operation();
        Cache<Object, Object> cache = method.cache(method.context(invocation));
        if (!removeAll.afterInvocation()) {
            cache.removeAll();
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable thrown) {
            if (removeAll.afterInvocation()
                    && ExceptionFilter.matches(thrown, removeAll.evictFor(), removeAll.noEvictFor(), false)) {
                cache.removeAll();
            }
            throw thrown;
        }
        if (removeAll.afterInvocation()) {
            cache.removeAll();
        }
        return result;
    }
}
