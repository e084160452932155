package io.tiercache.cache.annotation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CachePut;

/** Applies {@code @CachePut} to CDI beans, through {@link CachePutOperation}. */
@CachePut
@Interceptor
@Priority(CacheInterceptor.PRIORITY)
public final class CachePutInterceptor extends CacheInterceptor {

    private final CachePutOperation operation;

    @Inject
    CachePutInterceptor(CacheMethods methods) {
        this.operation = new CachePutOperation(methods);
    }

    @AroundInvoke
    Object cachePut(InvocationContext context) throws Exception {
        return operation.invoke(invocation(context));
    }
}
