package io.tiercache.cache.annotation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheResult;

/** Applies {@code @CacheResult} to CDI beans, through {@link CacheResultOperation}. */
@CacheResult
@Interceptor
@Priority(CacheInterceptor.PRIORITY)
public final class CacheResultInterceptor extends CacheInterceptor {

    private final CacheResultOperation operation;

    @Inject
    CacheResultInterceptor(CacheMethods methods) {
        this.operation = new CacheResultOperation(methods);
    }

    @AroundInvoke
    Object cacheResult(InvocationContext context) throws Exception {
        return operation.invoke(invocation(context));
    }
}
