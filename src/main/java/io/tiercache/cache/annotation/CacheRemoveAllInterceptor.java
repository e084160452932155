package io.tiercache.cache.annotation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemoveAll;

/** Applies {@code @CacheRemoveAll} to CDI beans, through {@link CacheRemoveAllOperation}. */
@CacheRemoveAll
@Interceptor
@Priority(CacheInterceptor.PRIORITY)
public final class CacheRemoveAllInterceptor extends CacheInterceptor {

    private final CacheRemoveAllOperation operation;

    @Inject
    CacheRemoveAllInterceptor(CacheMethods methods) {
        this.operation = new CacheRemoveAllOperation(methods);
    }

    @AroundInvoke
    Object cacheRemoveAll(InvocationContext context) throws Exception {
        return operation.invoke(invocation(context));
    }
}
