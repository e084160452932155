package io.tiercache.cache.annotation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemove;

/** Applies {@code @CacheRemove} to CDI beans, through {@link CacheRemoveOperation}. */
@CacheRemove
@Interceptor
@Priority(CacheInterceptor.PRIORITY)
public final class CacheRemoveInterceptor extends CacheInterceptor {

    private final CacheRemoveOperation operation;

    @Inject
    CacheRemoveInterceptor(CacheMethods methods) {
        this.operation = new CacheRemoveOperation(methods);
    }

    @AroundInvoke
    Object cacheRemove(InvocationContext context) throws Exception {
        return operation.invoke(invocation(context));
    }
}
